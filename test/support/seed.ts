import http from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { S3Client } from "@aws-sdk/client-s3";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import { endpointLookup, prefixableEndpoint } from "../../src/aws/session.js";
import type { MotoServer } from "./moto.js";

export const s3For = (moto: MotoServer, region = "us-east-1"): S3Client => new S3Client(moto.clientConfig(region));

/** S3 Control puts the account id in front of the host: address moto the way the scanner does. */
export const s3ControlFor = (moto: MotoServer): S3ControlClient =>
  new S3ControlClient({
    ...moto.clientConfig(),
    endpoint: prefixableEndpoint(moto.url),
    requestHandler: new NodeHttpHandler({ httpAgent: new http.Agent({ lookup: endpointLookup("127.0.0.1") }) }),
  });

import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from "@aws-sdk/client-config-service";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { s3For } from "../../support/seed.js";

const US = "us-east-1";

/** AWS Config recording everything (global types included) in us-east-1 only; nothing in eu-west-1. */
export async function seed(moto: MotoServer): Promise<void> {
  const config = new ConfigServiceClient(moto.clientConfig(US));
  await s3For(moto, US).send(new CreateBucketCommand({ Bucket: "config-bucket" }));
  await config.send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: {
        name: "default",
        roleARN: `arn:aws:iam::${TEST_ACCOUNT}:role/config`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      },
    }),
  );
  await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: "default", s3BucketName: "config-bucket" } }));
  await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: "default" }));

  config.destroy();
}

import type { Check } from "../../src/check.js";
import bucketAccessLogging from "./bucket-access-logging.js";
import bucketNotPublic from "./bucket-not-public.js";
import kmsEncryption from "./kms-encryption.js";
import logFileValidation from "./log-file-validation.js";
import multiRegionLogging from "./multi-region-logging.js";
import s3ObjectReadEvents from "./s3-object-read-events.js";
import s3ObjectWriteEvents from "./s3-object-write-events.js";
import trailLogging from "./trail-logging.js";

export const cloudtrailChecks: readonly Check[] = [
  multiRegionLogging,
  trailLogging,
  logFileValidation,
  kmsEncryption,
  s3ObjectWriteEvents,
  s3ObjectReadEvents,
  bucketAccessLogging,
  bucketNotPublic,
];

import type { Check } from "../src/check.js";
import { s3Checks } from "./s3/index.js";
import { iamChecks } from "./iam/index.js";
import { ec2Checks } from "./ec2/index.js";
import { configChecks } from "./config/index.js";

/** The catalogue: every check yourside knows, in one list. */
export const CHECKS: readonly Check[] = [...s3Checks, ...iamChecks, ...ec2Checks, ...configChecks];

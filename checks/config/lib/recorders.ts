/** Helpers the AWS Config checks share. */
import type { Inventory } from "../../../src/inventory/index.js";
import type { ConfigRecorder, ConfigRecorderStatus } from "../../../src/services/config/inventory.js";
import type { ResourceRef } from "../../../src/results.js";

/** The account's configuration recording in one region: a stable resource whether or not a recorder exists. */
export const recorderResource = (inv: Inventory, region: string): ResourceRef => ({
  arn: `arn:${inv.partition}:config:${region}:${inv.accountId}:recorder`,
  id: `${inv.accountId}/${region}`,
  type: "AWS::Config::ConfigurationRecorder",
});

/** Service-linked recorders record only what their service needs; only customer-managed ones count. */
export const customerRecorders = (recorders: readonly ConfigRecorder[]): ConfigRecorder[] => recorders.filter((r) => !r.servicePrincipal);

/** True when the recorder records every supported resource type (no inclusion list, no exclusions). */
export const recordsAllSupported = (r: ConfigRecorder): boolean =>
  r.allSupported &&
  (r.recordingStrategy === undefined || r.recordingStrategy === "ALL_SUPPORTED_RESOURCE_TYPES") &&
  r.excludedResourceTypes.length === 0;

const GLOBAL_TYPES = ["AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role", "AWS::IAM::Policy"];

/** True when the recorder records the global IAM resource types. */
export const recordsGlobalTypes = (r: ConfigRecorder): boolean =>
  (r.allSupported && r.includeGlobalResourceTypes) || GLOBAL_TYPES.every((t) => r.resourceTypes.includes(t));

export const statusOf = (statuses: readonly ConfigRecorderStatus[], r: ConfigRecorder): ConfigRecorderStatus | undefined =>
  statuses.find((s) => s.name === r.name);

export const lastStatusFailed = (s: ConfigRecorderStatus): boolean => /^fail/i.test(s.lastStatus ?? "");

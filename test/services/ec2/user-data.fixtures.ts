/** Builders for user data scans and launch templates (the fixture kit's, kept with the EC2 user data tests). */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { Instance } from "../../../src/services/ec2/inventory.js";
import type { LaunchTemplate, LaunchTemplateVersion } from "../../../src/services/ec2/launch-templates.js";
import type { SecretDetection, UserDataScan } from "../../../src/secrets/types.js";
import { regional } from "../../support/fixtures/ec2.js";
import { ACCOUNT, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** Detections as the collector makes them: rule, place, fingerprint (made up), never the secret. */
export const AWS_KEY_ID: SecretDetection = {
  rule: "@secretlint/secretlint-rule-aws",
  messageId: "AWSAccessKeyID",
  description: "AWS Access Key ID",
  line: 3,
  fingerprint: "AKIA…5f0c1d2e3a4b",
};
export const AWS_SECRET_KEY: SecretDetection = {
  rule: "@secretlint/secretlint-rule-aws",
  messageId: "AWSSecretAccessKey",
  description: "AWS Secret Access Key",
  line: 4,
  fingerprint: "Qm9r…9a8b7c6d5e4f",
};
export const POSTGRES: SecretDetection = {
  rule: "@secretlint/secretlint-rule-database-connection-string",
  messageId: "PostgreSQLConnection",
  description: "PostgreSQL connection string",
  line: 7,
  fingerprint: "post…0a1b2c3d4e5f",
};
export const SLACK: SecretDetection = {
  rule: "@secretlint/secretlint-rule-slack",
  messageId: "SLACK_TOKEN",
  description: "Slack token",
  part: 2,
  line: 1,
  fingerprint: "xoxb…abcdefabcdef",
};

/** A scan of a plain text script with these detections, unless overridden. */
export const scan = (detections: SecretDetection[] = [], overrides: Partial<UserDataScan> = {}): UserDataScan => ({
  bytes: 412,
  format: "text",
  detections,
  unscanned: [],
  ...overrides,
});

/** A running instance whose user data was read as given (`null`: none). */
export const withUserData = (i: Instance, userData: Fetched<UserDataScan | null>): Instance => ({ ...i, userData });

export const instancesInventory = (byRegion: Record<string, Instance[] | Fetched<Instance[]>>): Inventory =>
  regional({
    ec2: Object.fromEntries(
      Object.entries(byRegion).map(([region, list]) => [region, { instances: Array.isArray(list) ? ok(list) : list }]),
    ),
  });

/** A version that requires IMDSv2, asks for no public address and has no user data, unless overridden. */
export const version = (versionNumber: number, overrides: Partial<LaunchTemplateVersion> = {}): LaunchTemplateVersion => ({
  versionNumber,
  isDefault: true,
  isLatest: true,
  createdAt: "2026-05-01T00:00:00.000Z",
  metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
  networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: false, groupIds: ["sg-1"] }],
  userData: null,
  ...overrides,
});

/** The default version `default` and a newer latest version. */
export const defaultAndLatest = (
  defaults: Partial<LaunchTemplateVersion>,
  latest: Partial<LaunchTemplateVersion>,
  numbers: [number, number] = [2, 3],
): LaunchTemplateVersion[] => [version(numbers[0], { isLatest: false, ...defaults }), version(numbers[1], { isDefault: false, ...latest })];

export const template = (
  launchTemplateId: string,
  launchTemplateName: string,
  versions: LaunchTemplateVersion[] = [version(1)],
  region = US,
): LaunchTemplate => ({
  launchTemplateId,
  launchTemplateName,
  arn: `arn:aws:ec2:${region}:${ACCOUNT}:launch-template/${launchTemplateId}`,
  versions,
});

export const templatesInventory = (byRegion: Record<string, LaunchTemplate[] | Fetched<LaunchTemplate[]>>): Inventory =>
  regional({
    ec2: Object.fromEntries(
      Object.entries(byRegion).map(([region, list]) => [region, { launchTemplates: Array.isArray(list) ? ok(list) : list }]),
    ),
  });

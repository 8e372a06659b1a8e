import {
  CreateAliasCommand,
  CreateKeyCommand,
  EnableKeyRotationCommand,
  KMSClient,
  ScheduleKeyDeletionCommand,
  type CreateKeyCommandInput,
} from "@aws-sdk/client-kms";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

const ROOT_STATEMENT = {
  Sid: "Enable IAM User Permissions",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` },
  Action: "kms:*",
  Resource: "*",
};

const keyPolicy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: [ROOT_STATEMENT, ...statements] });

/** The keys the scenario makes, by alias; each says how the checks should judge it. */
export const KEYS = {
  /** us-east-1: rotated, default policy. */
  rotated: { alias: "alias/app-data", region: US },
  /** us-east-1: rotation never turned on. */
  unrotated: { alias: "alias/legacy-reports", region: US },
  /** us-east-1: RSA signing key, which AWS KMS cannot rotate automatically: no rotation result. */
  asymmetric: { alias: "alias/release-signing", region: US },
  /** us-east-1: rotated, but its policy lets anyone use and manage it. */
  public: { alias: "alias/partner-share", region: US },
  /** eu-west-1: scheduled for deletion in 7 days (never rotated: the rotation check notes the deletion instead). */
  pendingDeletion: { alias: "alias/old-backups", region: EU },
  /** eu-west-1: rotated; a statement for everyone, pinned to this account by kms:CallerAccount. */
  pinned: { alias: "alias/eu-shared", region: EU },
  /** eu-west-1: imported key material (origin EXTERNAL): no rotation result. */
  imported: { alias: "alias/byok", region: EU },
} as const;

export type ScenarioKey = keyof typeof KEYS;

const SPECS: Record<ScenarioKey, { input: CreateKeyCommandInput; rotate: boolean }> = {
  rotated: { input: { Description: "application data" }, rotate: true },
  unrotated: { input: { Description: "legacy reports" }, rotate: false },
  asymmetric: { input: { Description: "release signing", KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }, rotate: false },
  public: {
    input: {
      Description: "shared with a partner, too widely",
      Policy: keyPolicy({ Sid: "Partner", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }),
    },
    rotate: true,
  },
  pendingDeletion: { input: { Description: "old backups" }, rotate: false },
  pinned: {
    input: {
      Description: "used through S3 by this account only",
      Policy: keyPolicy({
        Sid: "Through S3, this account only",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": TEST_ACCOUNT, "kms:ViaService": `s3.${EU}.amazonaws.com` } },
      }),
    },
    rotate: true,
  },
  imported: { input: { Description: "bring your own key", Origin: "EXTERNAL" }, rotate: false },
};

/**
 * Seven keys in two regions, each with an alias. moto makes every key customer managed (it has no
 * AWS managed keys, only their reserved aliases pointing at no key) and answers GetKeyRotationStatus
 * for any key, even asymmetric ones, where AWS says UnsupportedOperationException: the unit cases
 * cover those. Returns each key's id (moto draws them at random).
 */
export async function seed(moto: MotoServer): Promise<Record<ScenarioKey, string>> {
  const clients = { [US]: new KMSClient(moto.clientConfig(US)), [EU]: new KMSClient(moto.clientConfig(EU)) };
  const ids = {} as Record<ScenarioKey, string>;
  try {
    for (const [name, spec] of Object.entries(SPECS) as [ScenarioKey, (typeof SPECS)[ScenarioKey]][]) {
      const { alias, region } = KEYS[name];
      const kms = clients[region];
      const created = await kms.send(new CreateKeyCommand(spec.input));
      const keyId = created.KeyMetadata?.KeyId ?? "";
      ids[name] = keyId;
      await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
      if (spec.rotate) await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    }
    await clients[EU].send(new ScheduleKeyDeletionCommand({ KeyId: ids.pendingDeletion, PendingWindowInDays: 7 }));
  } finally {
    for (const c of Object.values(clients)) c.destroy();
  }
  return ids;
}

import { CreateFileSystemCommand, EFSClient, PutFileSystemPolicyCommand } from "@aws-sdk/client-efs";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

const CLIENT_ACTIONS = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"];

/** What the scenario made, for the assertions (moto picks the ids). */
export interface EfsScenario {
  /** us-east-1, encrypted, policy grants everyone but only from the application VPC: passes both checks. */
  appData: string;
  /** us-east-1, unencrypted, no policy (EFS's default: everyone who reaches a mount target): fails both. */
  legacyShare: string;
  /** eu-west-1, encrypted with a KMS key, policy gives everyone root access: fails the policy check only. */
  analytics: string;
  /** eu-west-1, unencrypted, policy names one role: fails the encryption check only. */
  archive: string;
}

export const KMS_KEY = `arn:aws:kms:${EU}:${TEST_ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`;

const policy = (fileSystemArn: string, statement: object) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Resource: fileSystemArn, ...statement }] });

async function create(client: EFSClient, token: string, name: string, encrypted: boolean, kmsKeyId?: string) {
  const out = await client.send(
    new CreateFileSystemCommand({
      CreationToken: token,
      Encrypted: encrypted,
      ...(kmsKeyId ? { KmsKeyId: kmsKeyId } : {}),
      Tags: [{ Key: "Name", Value: name }],
    }),
  );
  return { id: out.FileSystemId ?? "", arn: out.FileSystemArn ?? "" };
}

/** Two file systems in each region: in each, one passes and one fails each check. */
export async function seed(moto: MotoServer): Promise<EfsScenario> {
  const us = new EFSClient(moto.clientConfig(US));
  const eu = new EFSClient(moto.clientConfig(EU));
  try {
    const appData = await create(us, "app-data", "app-data", true);
    await us.send(
      new PutFileSystemPolicyCommand({
        FileSystemId: appData.id,
        Policy: policy(appData.arn, {
          Principal: { AWS: "*" },
          Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          Condition: { StringEquals: { "aws:SourceVpc": "vpc-0a1b2c3d4e5f67890" }, Bool: { "aws:SecureTransport": "true" } },
        }),
      }),
    );
    const legacyShare = await create(us, "legacy-share", "legacy-share", false);
    const analytics = await create(eu, "analytics", "analytics", true, KMS_KEY);
    await eu.send(
      new PutFileSystemPolicyCommand({
        FileSystemId: analytics.id,
        Policy: policy(analytics.arn, {
          Sid: "EveryoneViaMountTarget",
          Principal: { AWS: "*" },
          Action: CLIENT_ACTIONS,
          Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
        }),
      }),
    );
    const archive = await create(eu, "eu-archive", "eu-archive", false);
    await eu.send(
      new PutFileSystemPolicyCommand({
        FileSystemId: archive.id,
        Policy: policy(archive.arn, {
          Principal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:role/archiver` },
          Action: "elasticfilesystem:ClientMount",
        }),
      }),
    );
    return { appData: appData.id, legacyShare: legacyShare.id, analytics: analytics.id, archive: archive.id };
  } finally {
    us.destroy();
    eu.destroy();
  }
}

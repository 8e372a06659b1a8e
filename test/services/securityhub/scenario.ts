import { EnableSecurityHubCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

export const SCENARIO = {
  /** Security Hub is enabled in us-east-1 only: eu-west-1 answers DescribeHub "not subscribed". */
  enabledIn: US,
  notEnabledIn: EU,
  hubArn: `arn:aws:securityhub:${US}:${TEST_ACCOUNT}:hub/default`,
} as const;

/** Security Hub enabled in us-east-1 (without the default standards), not in eu-west-1. */
export async function seed(moto: MotoServer): Promise<void> {
  const us = new SecurityHubClient(moto.clientConfig(US));
  try {
    await us.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  } finally {
    us.destroy();
  }
}

import {
  CreateDetectorCommand,
  DeleteDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  UpdateDetectorCommand,
} from "@aws-sdk/client-guardduty";
import type { MotoServer } from "../../support/moto.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** us-east-1 has an enabled detector; eu-west-1 has one that was suspended (moto, like AWS, then says status DISABLED). */
export async function seed(moto: MotoServer): Promise<void> {
  const us = new GuardDutyClient(moto.clientConfig(US));
  const eu = new GuardDutyClient(moto.clientConfig(EU));
  try {
    await us.send(new CreateDetectorCommand({ Enable: true, FindingPublishingFrequency: "FIFTEEN_MINUTES" }));
    const { DetectorId } = await eu.send(new CreateDetectorCommand({ Enable: true }));
    await eu.send(new UpdateDetectorCommand({ DetectorId, Enable: false }));
  } finally {
    us.destroy();
    eu.destroy();
  }
}

/** The detector of `region` (the scenario makes one per region). */
export async function detectorId(moto: MotoServer, region: string): Promise<string> {
  const client = new GuardDutyClient(moto.clientConfig(region));
  try {
    const [id] = (await client.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
    if (!id) throw new Error(`no detector in ${region}`);
    return id;
  } finally {
    client.destroy();
  }
}

/** Deletes eu-west-1's detector: GuardDuty was never enabled there, as far as the API tells. */
export async function deleteEuDetector(moto: MotoServer): Promise<void> {
  const id = await detectorId(moto, EU);
  const eu = new GuardDutyClient(moto.clientConfig(EU));
  try {
    await eu.send(new DeleteDetectorCommand({ DetectorId: id }));
  } finally {
    eu.destroy();
  }
}

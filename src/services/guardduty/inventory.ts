import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";

/** One protection plan of a detector (S3_DATA_EVENTS, EKS_AUDIT_LOGS, RUNTIME_MONITORING, …). */
export interface DetectorFeature {
  name: string;
  /** "ENABLED" | "DISABLED" */
  status: string;
}

/** What GetDetector says of a detector. */
export interface DetectorSettings {
  /** "ENABLED", or "DISABLED": the detector exists but GuardDuty is suspended (the console's word). */
  status: string;
  createdAt?: string;
  updatedAt?: string;
  /** How often updated findings are exported: FIFTEEN_MINUTES | ONE_HOUR | SIX_HOURS. */
  findingPublishingFrequency?: string;
  serviceRole?: string;
  features: DetectorFeature[];
}

/** A detector ListDetectors named (an account has at most one per region). */
export interface Detector {
  id: string;
  arn: string;
  /** GetDetector; absent when not collected. */
  settings?: Fetched<DetectorSettings>;
}

/** Everything GuardDuty read in one region. */
export interface GuardDutyRegionInventory {
  detectors?: Fetched<Detector[]>;
}

export interface GuardDutyInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, GuardDutyRegionInventory>;
}

export const detectorResource = (d: Pick<Detector, "arn" | "id">): ResourceRef => ({
  arn: d.arn,
  id: d.id,
  type: "AWS::GuardDuty::Detector",
});

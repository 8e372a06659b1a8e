import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";

/** One condition of an advanced event selector: a field and the values it must (not) equal, start or end with. */
export interface AdvancedFieldSelector {
  field: string;
  equals?: string[];
  startsWith?: string[];
  endsWith?: string[];
  notEquals?: string[];
  notStartsWith?: string[];
  notEndsWith?: string[];
}

export interface AdvancedEventSelector {
  name?: string;
  fieldSelectors: AdvancedFieldSelector[];
}

/** A basic event selector. */
export interface EventSelector {
  /** "All" | "ReadOnly" | "WriteOnly" */
  readWriteType: string;
  includeManagementEvents: boolean;
  /** Data events: a resource type and the ARN prefixes logged (`arn:aws:s3` = every S3 object). */
  dataResources: { type: string; values: string[] }[];
  excludeManagementEventSources: string[];
}

/** What GetEventSelectors says the trail records: basic or advanced selectors (both empty: AWS's default). */
export interface TrailSelectors {
  basic: EventSelector[];
  advanced: AdvancedEventSelector[];
}

export interface TrailStatus {
  isLogging: boolean;
  startLoggingTime?: string;
  stopLoggingTime?: string;
  latestDeliveryTime?: string;
  latestDeliveryError?: string;
}

export interface Trail {
  name: string;
  arn: string;
  /** The region the trail was created in; a multi-region trail is read there and reported there. */
  homeRegion: string;
  multiRegion: boolean;
  organizationTrail: boolean;
  includeGlobalServiceEvents: boolean;
  logFileValidation: boolean;
  /** The KMS key that encrypts log files; absent: SSE-S3 only. */
  kmsKeyId?: string;
  s3BucketName?: string;
  s3KeyPrefix?: string;
  cloudWatchLogsLogGroupArn?: string;
  /** GetTrailStatus; absent when not collected. */
  status?: Fetched<TrailStatus>;
  /** GetEventSelectors; absent when not collected. */
  selectors?: Fetched<TrailSelectors>;
}

/** Everything CloudTrail read in one region. */
export interface CloudTrailRegionInventory {
  /** The trails of this region, and shadows of multi-region trails whose home region the scan does not cover. */
  trails?: Fetched<Trail[]>;
}

export interface CloudTrailInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, CloudTrailRegionInventory>;
}

export const trailResource = (t: Pick<Trail, "arn" | "name">): ResourceRef => ({ arn: t.arn, id: t.name, type: "AWS::CloudTrail::Trail" });

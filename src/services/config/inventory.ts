import type { Fetched } from "../../inventory/common.js";

export interface ConfigRecorder {
  name: string;
  arn?: string;
  roleArn?: string;
  /** recordingGroup.allSupported */
  allSupported: boolean;
  /** recordingGroup.includeGlobalResourceTypes */
  includeGlobalResourceTypes: boolean;
  /** recordingGroup.resourceTypes (inclusion list). */
  resourceTypes: string[];
  /** recordingGroup.exclusionByResourceTypes.resourceTypes */
  excludedResourceTypes: string[];
  /** recordingGroup.recordingStrategy.useOnly */
  recordingStrategy?: string;
  /** Set for service-linked recorders, which record only what their service needs. */
  servicePrincipal?: string;
  recordingScope?: string;
}

export interface ConfigRecorderStatus {
  name: string;
  recording: boolean;
  /** "Pending" | "Success" | "Failure" (case varies) */
  lastStatus?: string;
  lastErrorCode?: string;
  lastErrorMessage?: string;
  lastStatusChangeTime?: string;
}

export interface DeliveryChannel {
  name: string;
  s3BucketName?: string;
  snsTopicArn?: string;
  deliveryFrequency?: string;
}

// ---- aggregators --------------------------------------------------------------------------------

/** A configuration aggregator (DescribeConfigurationAggregators). */
export interface ConfigAggregator {
  name: string;
  arn?: string;
  /** Set for an aggregator that collects from the whole organization. */
  organizationSource?: { roleArn?: string; allRegions: boolean; regions: string[] };
  /** Individually listed source accounts. */
  accountSources: { accountIds: string[]; allRegions: boolean; regions: string[] }[];
}

/** Everything AWS Config read in one region. Each field is present only when its slice was wanted. */
export interface ConfigRegionInventory {
  recorders?: Fetched<ConfigRecorder[]>;
  recorderStatuses?: Fetched<ConfigRecorderStatus[]>;
  deliveryChannels?: Fetched<DeliveryChannel[]>;
  aggregators?: Fetched<ConfigAggregator[]>;
}

export interface ConfigInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, ConfigRegionInventory>;
}

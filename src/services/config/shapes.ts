/** SDK shapes → AWS Config inventory. */
import type {
  ConfigurationAggregator,
  ConfigurationRecorder,
  ConfigurationRecorderStatus,
  DeliveryChannel as SdkDeliveryChannel,
} from "@aws-sdk/client-config-service";
import type { ConfigAggregator, ConfigRecorder, ConfigRecorderStatus, DeliveryChannel } from "./inventory.js";
import { opt } from "../../collect/sdk.js";

export function toRecorder(r: ConfigurationRecorder): ConfigRecorder {
  const g = r.recordingGroup;
  return {
    name: r.name ?? "",
    ...opt("arn", r.arn),
    ...opt("roleArn", r.roleARN),
    allSupported: g?.allSupported === true,
    includeGlobalResourceTypes: g?.includeGlobalResourceTypes === true,
    resourceTypes: [...(g?.resourceTypes ?? [])],
    excludedResourceTypes: [...(g?.exclusionByResourceTypes?.resourceTypes ?? [])],
    ...opt("recordingStrategy", g?.recordingStrategy?.useOnly),
    ...opt("servicePrincipal", r.servicePrincipal),
    ...opt("recordingScope", r.recordingScope),
  };
}

export function toRecorderStatus(s: ConfigurationRecorderStatus): ConfigRecorderStatus {
  return {
    name: s.name ?? "",
    recording: s.recording === true,
    ...opt("lastStatus", s.lastStatus),
    ...opt("lastErrorCode", s.lastErrorCode),
    ...opt("lastErrorMessage", s.lastErrorMessage),
    ...opt("lastStatusChangeTime", s.lastStatusChangeTime?.toISOString()),
  };
}

export function toDeliveryChannel(c: SdkDeliveryChannel): DeliveryChannel {
  return {
    name: c.name ?? "",
    ...opt("s3BucketName", c.s3BucketName),
    ...opt("snsTopicArn", c.snsTopicARN),
    ...opt("deliveryFrequency", c.configSnapshotDeliveryProperties?.deliveryFrequency),
  };
}

export function toAggregator(a: ConfigurationAggregator): ConfigAggregator {
  const org = a.OrganizationAggregationSource;
  return {
    name: a.ConfigurationAggregatorName ?? "",
    ...opt("arn", a.ConfigurationAggregatorArn),
    ...(org
      ? {
          organizationSource: {
            ...opt("roleArn", org.RoleArn),
            allRegions: org.AllAwsRegions === true,
            regions: [...(org.AwsRegions ?? [])],
          },
        }
      : {}),
    accountSources: (a.AccountAggregationSources ?? []).map((s) => ({
      accountIds: [...(s.AccountIds ?? [])],
      allRegions: s.AllAwsRegions === true,
      regions: [...(s.AwsRegions ?? [])],
    })),
  };
}

import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
  type DeliveryChannel as SdkDeliveryChannel,
} from "@aws-sdk/client-config-service";
import type { ConfigRecorder, ConfigRecorderStatus, ConfigRegionInventory, DeliveryChannel } from "../inventory/config.js";
import type { CollectContext, Collector } from "./context.js";

const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null || value === "" ? {} : { [key]: value }) as { [P in K]?: V };

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

export async function collectConfigRegion(ctx: CollectContext, region: string): Promise<ConfigRegionInventory> {
  const client = ctx.session.client(ConfigServiceClient, "config", region);
  const [recorders, recorderStatuses, deliveryChannels] = await Promise.all([
    ctx.wants("config.recorders")
      ? ctx.read("config", region, "DescribeConfigurationRecorders", async () =>
          ((await client.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? []).map(toRecorder),
        )
      : undefined,
    ctx.wants("config.recorderStatus")
      ? ctx.read("config", region, "DescribeConfigurationRecorderStatus", async () =>
          ((await client.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ?? []).map(
            toRecorderStatus,
          ),
        )
      : undefined,
    ctx.wants("config.deliveryChannels")
      ? ctx.read("config", region, "DescribeDeliveryChannels", async () =>
          ((await client.send(new DescribeDeliveryChannelsCommand({}))).DeliveryChannels ?? []).map(toDeliveryChannel),
        )
      : undefined,
  ]);
  return {
    ...(recorders ? { recorders } : {}),
    ...(recorderStatuses ? { recorderStatuses } : {}),
    ...(deliveryChannels ? { deliveryChannels } : {}),
  };
}

export const configCollector: Collector<"config"> = {
  service: "config",
  async collect(ctx) {
    const regions = await Promise.all(
      ctx.scope.regions.map(async (region) => {
        const data = await collectConfigRegion(ctx, region);
        ctx.progress(`config: ${region} collected`);
        return [region, data] as const;
      }),
    );
    return { regions: Object.fromEntries(regions) };
  },
};

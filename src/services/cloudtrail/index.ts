import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type AdvancedFieldSelector as SdkFieldSelector,
  type Trail as SdkTrail,
} from "@aws-sdk/client-cloudtrail";
import { cloudtrailChecks } from "../../../checks/cloudtrail/index.js";
import { opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { trailResource, type AdvancedFieldSelector, type CloudTrailRegionInventory, type Trail } from "./inventory.js";

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

function toTrail(t: SdkTrail, region: string): Trail {
  return {
    name: t.Name ?? "",
    arn: t.TrailARN ?? "",
    homeRegion: t.HomeRegion ?? region,
    multiRegion: t.IsMultiRegionTrail === true,
    organizationTrail: t.IsOrganizationTrail === true,
    includeGlobalServiceEvents: t.IncludeGlobalServiceEvents === true,
    logFileValidation: t.LogFileValidationEnabled === true,
    ...opt("kmsKeyId", t.KmsKeyId),
    ...opt("s3BucketName", t.S3BucketName),
    ...opt("s3KeyPrefix", t.S3KeyPrefix),
    ...opt("cloudWatchLogsLogGroupArn", t.CloudWatchLogsLogGroupArn),
  };
}

const toFieldSelector = (f: SdkFieldSelector): AdvancedFieldSelector => ({
  field: f.Field ?? "",
  ...opt("equals", f.Equals),
  ...opt("startsWith", f.StartsWith),
  ...opt("endsWith", f.EndsWith),
  ...opt("notEquals", f.NotEquals),
  ...opt("notStartsWith", f.NotStartsWith),
  ...opt("notEndsWith", f.NotEndsWith),
});

const region = topSlices<CloudTrailRegionInventory>();

const trails = region("trails", {
  id: "cloudtrail.trails",
  description: "trails: multi-region, log file validation, KMS key, delivery bucket",
  operations: [op("cloudtrail", "DescribeTrails")],
  read: async (ctx) => {
    const out = await ctx.client(CloudTrailClient).send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    // A multi-region trail shows in every region: it is kept in its home region, or, when the scan
    // does not cover that, in each scanned region that sees it (checks count it once, by ARN).
    return (out.trailList ?? [])
      .map((t) => toTrail(t, ctx.region))
      .filter((t) => t.homeRegion === ctx.region || !ctx.regions.includes(t.homeRegion));
  },
  // A trail's status and selectors are read in its home region, where AWS answers for it.
  items: { resource: trailResource, name: (t) => t.arn, region: (t) => t.homeRegion },
});

const trail = itemSlices(trails);

const trailStatus = trail("status", {
  id: "cloudtrail.trailStatus",
  description: "whether each trail is logging, and its last delivery",
  operations: [op("cloudtrail", "GetTrailStatus")],
  read: async (ctx, t) => {
    const out = await ctx.client(CloudTrailClient).send(new GetTrailStatusCommand({ Name: t.arn }));
    return {
      isLogging: out.IsLogging === true,
      ...opt("startLoggingTime", iso(out.StartLoggingTime)),
      ...opt("stopLoggingTime", iso(out.StopLoggingTime)),
      ...opt("latestDeliveryTime", iso(out.LatestDeliveryTime)),
      ...opt("latestDeliveryError", out.LatestDeliveryError),
    };
  },
});

const eventSelectors = trail("selectors", {
  id: "cloudtrail.eventSelectors",
  description: "which management and data events each trail records (basic and advanced selectors)",
  operations: [op("cloudtrail", "GetEventSelectors")],
  read: async (ctx, t) => {
    const out = await ctx.client(CloudTrailClient).send(new GetEventSelectorsCommand({ TrailName: t.arn }));
    return {
      basic: (out.EventSelectors ?? []).map((s) => ({
        readWriteType: s.ReadWriteType ?? "All",
        includeManagementEvents: s.IncludeManagementEvents !== false,
        dataResources: (s.DataResources ?? []).map((d) => ({ type: d.Type ?? "", values: [...(d.Values ?? [])] })),
        excludeManagementEventSources: [...(s.ExcludeManagementEventSources ?? [])],
      })),
      advanced: (out.AdvancedEventSelectors ?? []).map((s) => ({
        ...opt("name", s.Name),
        fieldSelectors: (s.FieldSelectors ?? []).map(toFieldSelector),
      })),
    };
  },
});

export default defineService({
  id: "cloudtrail",
  title: "AWS CloudTrail",
  scope: "regional",
  model: "abstracted",
  clients: { cloudtrail: CloudTrailClient },
  schemaType: "CloudTrailInventory",
  slices: [trails, trailStatus, eventSelectors],
  checks: cloudtrailChecks,
});

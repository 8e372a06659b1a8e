/**
 * The EC2 reads behind the user data and launch template checks: each instance's user data
 * (DescribeInstanceAttribute) and the default and latest version of every launch template
 * (DescribeLaunchTemplateVersions). User data is scanned for credentials here, as it is read
 * (`src/secrets/scan.ts`): the inventory, snapshots and reports hold the detections only.
 */
import {
  DescribeInstanceAttributeCommand,
  EC2Client,
  paginateDescribeLaunchTemplateVersions,
  type LaunchTemplateVersion as SdkLaunchTemplateVersion,
} from "@aws-sdk/client-ec2";
import { allPages, opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";
import { scanUserData } from "../../secrets/scan.js";
import type { UserDataScan } from "../../secrets/types.js";
import { itemSlices, topSlices, type ItemsSpec, type TopSlice } from "../define.js";
import type { Ec2RegionInventory, Instance } from "./inventory.js";
import type { LaunchTemplate, LaunchTemplateVersion } from "./launch-templates.js";

/** DescribeLaunchTemplateVersions allows 1 to 200. */
const LAUNCH_TEMPLATE_PAGE = 200;

export const instanceResource = (i: Pick<Instance, "arn" | "instanceId">): ResourceRef => ({
  arn: i.arn,
  id: i.instanceId,
  type: "AWS::EC2::Instance",
});

/** How an instance is named when a read about it fails. */
export const instanceItems: ItemsSpec<Instance> = { resource: instanceResource, name: (i) => i.instanceId };

/** Instances that no longer exist or are about to stop existing: their user data is not asked for. */
const GONE = new Set(["terminated", "shutting-down"]);

const scanned = async (value: string | undefined): Promise<UserDataScan | null> => (value ? scanUserData(value) : null);

/** Each instance's user data, scanned for credentials as it is read. */
export const instanceUserData = (instances: TopSlice<string, unknown, readonly Instance[]>) =>
  itemSlices(instances)("userData", {
    id: "ec2.instanceUserData",
    description: "each instance's user data, scanned for credentials as it is read (only the detections are kept)",
    operations: [op("ec2", "DescribeInstanceAttribute")],
    // The instance went away between the listing and this call.
    absent: ["InvalidInstanceID.NotFound"],
    read: async (ctx, instance) => {
      if (GONE.has(instance.state)) return null;
      const out = await ctx
        .client(EC2Client)
        .send(new DescribeInstanceAttributeCommand({ InstanceId: instance.instanceId, Attribute: "userData" }));
      return scanned(out.UserData?.Value);
    },
  });

async function toVersion(v: SdkLaunchTemplateVersion, latest: number): Promise<LaunchTemplateVersion> {
  const data = v.LaunchTemplateData ?? {};
  const m = data.MetadataOptions;
  const versionNumber = v.VersionNumber ?? 0;
  return {
    versionNumber,
    isDefault: v.DefaultVersion === true,
    isLatest: versionNumber === latest,
    ...opt("createdAt", v.CreateTime?.toISOString()),
    ...(m
      ? {
          metadataOptions: {
            ...opt("httpTokens", m.HttpTokens),
            ...opt("httpEndpoint", m.HttpEndpoint),
            ...opt("httpPutResponseHopLimit", m.HttpPutResponseHopLimit),
          },
        }
      : {}),
    networkInterfaces: (data.NetworkInterfaces ?? []).map((n) => ({
      ...opt("deviceIndex", n.DeviceIndex),
      ...opt("associatePublicIpAddress", n.AssociatePublicIpAddress),
      ...opt("networkInterfaceId", n.NetworkInterfaceId),
      ...opt("subnetId", n.SubnetId),
      groupIds: (n.Groups ?? []).filter((g) => g !== ""),
    })),
    userData: await scanned(data.UserData),
  };
}

/** The versions DescribeLaunchTemplateVersions gave for `$Default` and `$Latest`, template by template (a version given twice, once). */
export async function toLaunchTemplates(
  versions: readonly SdkLaunchTemplateVersion[],
  s: { partition: string; region: string; accountId: string },
): Promise<LaunchTemplate[]> {
  const byTemplate = new Map<string, SdkLaunchTemplateVersion[]>();
  for (const v of versions) {
    const id = v.LaunchTemplateId ?? "";
    const list = byTemplate.get(id) ?? [];
    if (!list.some((x) => x.VersionNumber === v.VersionNumber)) list.push(v);
    byTemplate.set(id, list);
  }
  return Promise.all(
    [...byTemplate].map(async ([launchTemplateId, list]) => {
      list.sort((a, b) => (a.VersionNumber ?? 0) - (b.VersionNumber ?? 0));
      const latest = Math.max(...list.map((v) => v.VersionNumber ?? 0));
      return {
        launchTemplateId,
        launchTemplateName: list[0]?.LaunchTemplateName ?? "",
        arn: `arn:${s.partition}:ec2:${s.region}:${s.accountId}:launch-template/${launchTemplateId}`,
        versions: await Promise.all(list.map((v) => toVersion(v, latest))),
      };
    }),
  );
}

export const launchTemplates = topSlices<Ec2RegionInventory>()("launchTemplates", {
  id: "ec2.launchTemplates",
  description:
    "the default and latest version of every launch template: metadata options, network interfaces, user data scanned for credentials (only the detections are kept)",
  operations: [op("ec2", "DescribeLaunchTemplateVersions")],
  read: async (ctx) => {
    // $Latest and $Default without a template id or name: those versions of every template in the region.
    const pages = paginateDescribeLaunchTemplateVersions(
      { client: ctx.client(EC2Client), pageSize: LAUNCH_TEMPLATE_PAGE },
      { Versions: ["$Latest", "$Default"] },
    );
    return toLaunchTemplates(await allPages(pages, (page) => page.LaunchTemplateVersions), ctx);
  },
});

import {
  DescribeSnapshotAttributeCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeFlowLogs,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  type FlowLog as SdkFlowLog,
  type Image as SdkImage,
  type Instance as SdkInstance,
  type IpPermission,
  type NetworkAcl as SdkNetworkAcl,
  type NetworkInterface as SdkNetworkInterface,
  type SecurityGroup as SdkSecurityGroup,
  type Snapshot as SdkSnapshot,
  type Tag,
  type Volume as SdkVolume,
  type Vpc as SdkVpc,
} from "@aws-sdk/client-ec2";
import type { Fetched } from "../inventory/index.js";
import type {
  Ec2RegionInventory,
  FlowLog,
  Image,
  Instance,
  NetworkAcl,
  NetworkAclEntry,
  NetworkInterface,
  SecurityGroup,
  SecurityGroupPermission,
  Snapshot,
  Volume,
  VolumePermission,
  Vpc,
} from "../inventory/ec2.js";
import { allPages, type CollectContext, type Collector } from "./context.js";

// ---- SDK shapes → inventory --------------------------------------------------------------

const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null || value === "" ? {} : { [key]: value }) as { [P in K]?: V };

const nameTag = (tags: Tag[] | undefined): string | undefined => tags?.find((t) => t.Key === "Name")?.Value;

const ids = (values: (string | undefined)[]): string[] => values.filter((v): v is string => typeof v === "string" && v !== "");

function toPermission(p: IpPermission): SecurityGroupPermission {
  return {
    protocol: p.IpProtocol ?? "-1",
    ...opt("fromPort", p.FromPort),
    ...opt("toPort", p.ToPort),
    ipv4Ranges: (p.IpRanges ?? []).filter((r) => r.CidrIp).map((r) => ({ cidr: r.CidrIp as string, ...opt("description", r.Description) })),
    ipv6Ranges: (p.Ipv6Ranges ?? [])
      .filter((r) => r.CidrIpv6)
      .map((r) => ({ cidr: r.CidrIpv6 as string, ...opt("description", r.Description) })),
    prefixListIds: ids((p.PrefixListIds ?? []).map((x) => x.PrefixListId)),
    referencedGroupIds: ids((p.UserIdGroupPairs ?? []).map((x) => x.GroupId)),
  };
}

export interface ArnScope {
  partition: string;
  region: string;
  accountId: string;
}

const arnOf = (s: ArnScope, resource: string, account: string = s.accountId) => `arn:${s.partition}:ec2:${s.region}:${account}:${resource}`;

export function toSecurityGroup(g: SdkSecurityGroup, s: ArnScope): SecurityGroup {
  const groupId = g.GroupId ?? "";
  return {
    groupId,
    groupName: g.GroupName ?? "",
    arn: g.SecurityGroupArn ?? arnOf(s, `security-group/${groupId}`, g.OwnerId ?? s.accountId),
    ...opt("vpcId", g.VpcId),
    ...opt("ownerId", g.OwnerId),
    ...opt("description", g.Description),
    ingress: (g.IpPermissions ?? []).map(toPermission),
    egress: (g.IpPermissionsEgress ?? []).map(toPermission),
  };
}

export function toNetworkInterface(n: SdkNetworkInterface): NetworkInterface {
  return {
    networkInterfaceId: n.NetworkInterfaceId ?? "",
    status: n.Status ?? "unknown",
    ...opt("interfaceType", n.InterfaceType),
    ...opt("description", n.Description),
    groupIds: ids((n.Groups ?? []).map((g) => g.GroupId)),
    ...opt("instanceId", n.Attachment?.InstanceId),
    ...opt("publicIp", n.Association?.PublicIp),
    ipv6Addresses: ids((n.Ipv6Addresses ?? []).map((a) => a.Ipv6Address)),
    ...opt("vpcId", n.VpcId),
    ...opt("subnetId", n.SubnetId),
    ...opt("requesterManaged", n.RequesterManaged),
  };
}

export function toNetworkAcl(a: SdkNetworkAcl, s: ArnScope): NetworkAcl {
  const networkAclId = a.NetworkAclId ?? "";
  const entries: NetworkAclEntry[] = (a.Entries ?? []).map((e) => ({
    ruleNumber: e.RuleNumber ?? 0,
    protocol: e.Protocol ?? "-1",
    action: e.RuleAction === "allow" ? "allow" : "deny",
    egress: e.Egress === true,
    cidr: e.CidrBlock ?? e.Ipv6CidrBlock ?? "",
    ...(e.PortRange?.From !== undefined && e.PortRange.To !== undefined
      ? { portRange: { from: e.PortRange.From, to: e.PortRange.To } }
      : {}),
  }));
  return {
    networkAclId,
    arn: arnOf(s, `network-acl/${networkAclId}`, a.OwnerId ?? s.accountId),
    ...opt("vpcId", a.VpcId),
    isDefault: a.IsDefault === true,
    entries,
    subnetIds: ids((a.Associations ?? []).map((x) => x.SubnetId)),
  };
}

export function toInstance(i: SdkInstance, s: ArnScope): Instance {
  const instanceId = i.InstanceId ?? "";
  const m = i.MetadataOptions;
  return {
    instanceId,
    arn: arnOf(s, `instance/${instanceId}`),
    state: i.State?.Name ?? "unknown",
    ...opt("name", nameTag(i.Tags)),
    ...opt("vpcId", i.VpcId),
    ...opt("subnetId", i.SubnetId),
    ...opt("publicIp", i.PublicIpAddress),
    ...opt("privateIp", i.PrivateIpAddress),
    securityGroupIds: ids((i.SecurityGroups ?? []).map((g) => g.GroupId)),
    networkInterfaces: (i.NetworkInterfaces ?? []).map((n) => ({
      networkInterfaceId: n.NetworkInterfaceId ?? "",
      groupIds: ids((n.Groups ?? []).map((g) => g.GroupId)),
      ...opt("publicIp", n.Association?.PublicIp),
      ipv6Addresses: ids((n.Ipv6Addresses ?? []).map((a) => a.Ipv6Address)),
    })),
    ...(m
      ? {
          metadataOptions: {
            ...opt("httpTokens", m.HttpTokens),
            ...opt("httpEndpoint", m.HttpEndpoint),
            ...opt("httpPutResponseHopLimit", m.HttpPutResponseHopLimit),
            ...opt("state", m.State),
          },
        }
      : {}),
    ...opt("launchTime", i.LaunchTime?.toISOString()),
  };
}

export function toVolume(v: SdkVolume, s: ArnScope): Volume {
  const volumeId = v.VolumeId ?? "";
  return {
    volumeId,
    arn: arnOf(s, `volume/${volumeId}`),
    encrypted: v.Encrypted === true,
    ...opt("kmsKeyId", v.KmsKeyId),
    ...opt("state", v.State),
    ...opt("sizeGiB", v.Size),
    ...opt("availabilityZone", v.AvailabilityZone),
    attachedInstanceIds: ids((v.Attachments ?? []).map((a) => a.InstanceId)),
  };
}

/** Snapshot and image ARNs carry no account id. */
export function toSnapshot(x: SdkSnapshot, s: ArnScope): Snapshot {
  const snapshotId = x.SnapshotId ?? "";
  return {
    snapshotId,
    arn: arnOf(s, `snapshot/${snapshotId}`, ""),
    encrypted: x.Encrypted === true,
    ...opt("kmsKeyId", x.KmsKeyId),
    ...opt("state", x.State),
    ...opt("volumeId", x.VolumeId),
    ...opt("ownerId", x.OwnerId),
    ...opt("description", x.Description),
    ...opt("startTime", x.StartTime?.toISOString()),
  };
}

export function toImage(x: SdkImage, s: ArnScope): Image {
  const imageId = x.ImageId ?? "";
  return {
    imageId,
    arn: arnOf(s, `image/${imageId}`, ""),
    ...opt("name", x.Name),
    public: x.Public === true,
    ...opt("state", x.State),
    ...opt("ownerId", x.OwnerId),
  };
}

export function toVpc(x: SdkVpc, s: ArnScope): Vpc {
  const vpcId = x.VpcId ?? "";
  return {
    vpcId,
    arn: arnOf(s, `vpc/${vpcId}`, x.OwnerId ?? s.accountId),
    isDefault: x.IsDefault === true,
    ...opt("cidrBlock", x.CidrBlock),
    ...opt("name", nameTag(x.Tags)),
  };
}

export function toFlowLog(x: SdkFlowLog): FlowLog {
  return {
    flowLogId: x.FlowLogId ?? "",
    resourceId: x.ResourceId ?? "",
    ...opt("status", x.FlowLogStatus),
    ...opt("trafficType", x.TrafficType),
    ...opt("logDestinationType", x.LogDestinationType),
    ...opt("logDestination", x.LogDestination),
    ...opt("deliverLogsStatus", x.DeliverLogsStatus),
  };
}

// ---- per-region collection ---------------------------------------------------------------

/** Page sizes within each operation's documented MaxResults bounds. */
const PAGE = {
  securityGroups: 1000,
  interfaces: 1000,
  acls: 100,
  instances: 1000,
  volumes: 500,
  snapshots: 1000,
  images: 1000,
  vpcs: 1000,
  flowLogs: 1000,
};

async function collectSnapshots(ctx: CollectContext, client: EC2Client, region: string, scope: ArnScope): Promise<Fetched<Snapshot[]>> {
  const listed = await ctx.read("ec2", region, "DescribeSnapshots", async () => {
    const pages = paginateDescribeSnapshots({ client, pageSize: PAGE.snapshots }, { OwnerIds: ["self"] });
    const out = await allPages(pages, (page) => page.Snapshots?.map((x) => toSnapshot(x, scope)));
    // OwnerIds=self already restricts the answer on AWS; some emulators ignore it.
    return out.filter((x) => x.ownerId === undefined || x.ownerId === scope.accountId);
  });
  if (!listed.ok || !ctx.wants("ec2.snapshotPermissions")) return listed;
  const withPermissions = await Promise.all(
    listed.value.map(async (snapshot): Promise<Snapshot> => {
      const createVolumePermissions = await ctx.read(
        "ec2",
        region,
        "DescribeSnapshotAttribute",
        async () => {
          const out = await client.send(
            new DescribeSnapshotAttributeCommand({ SnapshotId: snapshot.snapshotId, Attribute: "createVolumePermission" }),
          );
          return (out.CreateVolumePermissions ?? []).map((p): VolumePermission => ({
            ...opt("group", p.Group),
            ...opt("userId", p.UserId),
          }));
        },
        snapshot.snapshotId,
      );
      return { ...snapshot, createVolumePermissions };
    }),
  );
  return { ok: true, value: withPermissions };
}

export async function collectEc2Region(ctx: CollectContext, region: string): Promise<Ec2RegionInventory> {
  const client = ctx.session.client(EC2Client, "ec2", region);
  const scope: ArnScope = { partition: ctx.scope.partition, region, accountId: ctx.scope.accountId };
  const list = <T>(operation: string, fn: () => Promise<T>) => ctx.read("ec2", region, operation, fn);
  const when = <T>(wanted: boolean, fn: () => Promise<T>): Promise<T | undefined> => (wanted ? fn() : Promise.resolve(undefined));

  const [securityGroups, networkInterfaces, networkAcls, instances, volumes, ebsEncryptionByDefault, snapshots, images, vpcs, flowLogs] =
    await Promise.all([
      when(ctx.wants("ec2.securityGroups"), () =>
        list("DescribeSecurityGroups", () =>
          allPages(paginateDescribeSecurityGroups({ client, pageSize: PAGE.securityGroups }, {}), (page) =>
            page.SecurityGroups?.map((g) => toSecurityGroup(g, scope)),
          ),
        ),
      ),
      when(ctx.wants("ec2.networkInterfaces"), () =>
        list("DescribeNetworkInterfaces", () =>
          allPages(paginateDescribeNetworkInterfaces({ client, pageSize: PAGE.interfaces }, {}), (page) =>
            page.NetworkInterfaces?.map(toNetworkInterface),
          ),
        ),
      ),
      when(ctx.wants("ec2.networkAcls"), () =>
        list("DescribeNetworkAcls", () =>
          allPages(paginateDescribeNetworkAcls({ client, pageSize: PAGE.acls }, {}), (page) =>
            page.NetworkAcls?.map((a) => toNetworkAcl(a, scope)),
          ),
        ),
      ),
      when(ctx.wants("ec2.instances"), () =>
        list("DescribeInstances", async () => {
          const reservations = await allPages(
            paginateDescribeInstances({ client, pageSize: PAGE.instances }, {}),
            (page) => page.Reservations,
          );
          return reservations.flatMap((r) => (r.Instances ?? []).map((i) => toInstance(i, scope)));
        }),
      ),
      when(ctx.wants("ec2.volumes"), () =>
        list("DescribeVolumes", () =>
          allPages(paginateDescribeVolumes({ client, pageSize: PAGE.volumes }, {}), (page) => page.Volumes?.map((v) => toVolume(v, scope))),
        ),
      ),
      when(ctx.wants("ec2.ebsEncryptionByDefault"), () =>
        list(
          "GetEbsEncryptionByDefault",
          async () => (await client.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault === true,
        ),
      ),
      when(ctx.wants("ec2.snapshots") || ctx.wants("ec2.snapshotPermissions"), () => collectSnapshots(ctx, client, region, scope)),
      when(ctx.wants("ec2.images"), () =>
        list("DescribeImages", async () => {
          const out = await allPages(paginateDescribeImages({ client, pageSize: PAGE.images }, { Owners: ["self"] }), (page) =>
            page.Images?.map((x) => toImage(x, scope)),
          );
          return out.filter((x) => x.ownerId === undefined || x.ownerId === scope.accountId);
        }),
      ),
      when(ctx.wants("ec2.vpcs"), () =>
        list("DescribeVpcs", () =>
          allPages(paginateDescribeVpcs({ client, pageSize: PAGE.vpcs }, {}), (page) => page.Vpcs?.map((x) => toVpc(x, scope))),
        ),
      ),
      when(ctx.wants("ec2.flowLogs"), () =>
        list("DescribeFlowLogs", () =>
          allPages(paginateDescribeFlowLogs({ client, pageSize: PAGE.flowLogs }, {}), (page) => page.FlowLogs?.map(toFlowLog)),
        ),
      ),
    ]);

  return {
    ...(securityGroups ? { securityGroups } : {}),
    ...(networkInterfaces ? { networkInterfaces } : {}),
    ...(networkAcls ? { networkAcls } : {}),
    ...(instances ? { instances } : {}),
    ...(volumes ? { volumes } : {}),
    ...(ebsEncryptionByDefault ? { ebsEncryptionByDefault } : {}),
    ...(snapshots ? { snapshots } : {}),
    ...(images ? { images } : {}),
    ...(vpcs ? { vpcs } : {}),
    ...(flowLogs ? { flowLogs } : {}),
  };
}

export const ec2Collector: Collector<"ec2"> = {
  service: "ec2",
  async collect(ctx) {
    const regions = await Promise.all(
      ctx.scope.regions.map(async (region) => {
        const data = await collectEc2Region(ctx, region);
        ctx.progress(`ec2: ${region} collected`);
        return [region, data] as const;
      }),
    );
    return { regions: Object.fromEntries(regions) };
  },
};

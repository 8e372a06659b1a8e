import {
  DescribeAddressesCommand,
  DescribeSnapshotAttributeCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetImageBlockPublicAccessStateCommand,
  GetInstanceMetadataDefaultsCommand,
  GetSnapshotBlockPublicAccessStateCommand,
  paginateDescribeRouteTables,
  paginateDescribeSubnets,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeFlowLogs,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from "@aws-sdk/client-ec2";
import { ec2Checks } from "../../../checks/ec2/index.js";
import { allPages, opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { snapshotResource, type Ec2RegionInventory, type VolumePermission } from "./inventory.js";
import {
  toAddress,
  toRouteTable,
  toSubnet,
  toVpcPeeringConnection,
  toFlowLog,
  toImage,
  toInstance,
  toNetworkAcl,
  toNetworkInterface,
  toSecurityGroup,
  toSnapshot,
  toVolume,
  toVpc,
} from "./shapes.js";
import { instanceItems, instanceUserData, launchTemplates } from "./user-data.js";

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
  subnets: 1000,
  routeTables: 100,
  peerings: 1000,
};

const region = topSlices<Ec2RegionInventory>();

const securityGroups = region("securityGroups", {
  id: "ec2.securityGroups",
  description: "security groups and their rules",
  operations: [op("ec2", "DescribeSecurityGroups")],
  read: (ctx) =>
    allPages(paginateDescribeSecurityGroups({ client: ctx.client(EC2Client), pageSize: PAGE.securityGroups }, {}), (page) =>
      page.SecurityGroups?.map((g) => toSecurityGroup(g, ctx)),
    ),
});

const networkInterfaces = region("networkInterfaces", {
  id: "ec2.networkInterfaces",
  description: "network interfaces: which security groups are in use, by what, with which public addresses",
  operations: [op("ec2", "DescribeNetworkInterfaces")],
  read: (ctx) =>
    allPages(paginateDescribeNetworkInterfaces({ client: ctx.client(EC2Client), pageSize: PAGE.interfaces }, {}), (page) =>
      page.NetworkInterfaces?.map(toNetworkInterface),
    ),
});

const networkAcls = region("networkAcls", {
  id: "ec2.networkAcls",
  description: "network ACLs and their entries",
  operations: [op("ec2", "DescribeNetworkAcls")],
  read: (ctx) =>
    allPages(paginateDescribeNetworkAcls({ client: ctx.client(EC2Client), pageSize: PAGE.acls }, {}), (page) =>
      page.NetworkAcls?.map((a) => toNetworkAcl(a, ctx)),
    ),
});

const instances = region("instances", {
  id: "ec2.instances",
  description: "instances: state, public addresses, security groups, metadata options",
  operations: [op("ec2", "DescribeInstances")],
  read: async (ctx) => {
    const pages = paginateDescribeInstances({ client: ctx.client(EC2Client), pageSize: PAGE.instances }, {});
    const reservations = await allPages(pages, (page) => page.Reservations);
    return reservations.flatMap((r) => (r.Instances ?? []).map((i) => toInstance(i, ctx)));
  },
  items: instanceItems,
});

const userData = instanceUserData(instances);

const volumes = region("volumes", {
  id: "ec2.volumes",
  description: "EBS volumes",
  operations: [op("ec2", "DescribeVolumes")],
  read: (ctx) =>
    allPages(paginateDescribeVolumes({ client: ctx.client(EC2Client), pageSize: PAGE.volumes }, {}), (page) =>
      page.Volumes?.map((v) => toVolume(v, ctx)),
    ),
});

const ebsEncryptionByDefault = region("ebsEncryptionByDefault", {
  id: "ec2.ebsEncryptionByDefault",
  description: "EBS encryption by default",
  operations: [op("ec2", "GetEbsEncryptionByDefault")],
  read: async (ctx) => (await ctx.client(EC2Client).send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault === true,
});

const snapshots = region("snapshots", {
  id: "ec2.snapshots",
  description: "EBS snapshots owned by the account",
  operations: [op("ec2", "DescribeSnapshots")],
  read: async (ctx) => {
    const pages = paginateDescribeSnapshots({ client: ctx.client(EC2Client), pageSize: PAGE.snapshots }, { OwnerIds: ["self"] });
    const out = await allPages(pages, (page) => page.Snapshots?.map((x) => toSnapshot(x, ctx)));
    // OwnerIds=self already restricts the answer on AWS; some emulators ignore it.
    return out.filter((x) => x.ownerId === undefined || x.ownerId === ctx.accountId);
  },
  items: { resource: snapshotResource, name: (s) => s.snapshotId },
});

const snapshotPermissions = itemSlices(snapshots)("createVolumePermissions", {
  id: "ec2.snapshotPermissions",
  description: "who may create volumes from each owned snapshot",
  operations: [op("ec2", "DescribeSnapshotAttribute")],
  read: async (ctx, snapshot) => {
    const out = await ctx
      .client(EC2Client)
      .send(new DescribeSnapshotAttributeCommand({ SnapshotId: snapshot.snapshotId, Attribute: "createVolumePermission" }));
    return (out.CreateVolumePermissions ?? []).map((p): VolumePermission => ({ ...opt("group", p.Group), ...opt("userId", p.UserId) }));
  },
});

const images = region("images", {
  id: "ec2.images",
  description: "AMIs owned by the account",
  operations: [op("ec2", "DescribeImages")],
  read: async (ctx) => {
    const pages = paginateDescribeImages({ client: ctx.client(EC2Client), pageSize: PAGE.images }, { Owners: ["self"] });
    const out = await allPages(pages, (page) => page.Images?.map((x) => toImage(x, ctx)));
    return out.filter((x) => x.ownerId === undefined || x.ownerId === ctx.accountId);
  },
});

const vpcs = region("vpcs", {
  id: "ec2.vpcs",
  description: "VPCs",
  operations: [op("ec2", "DescribeVpcs")],
  read: (ctx) =>
    allPages(paginateDescribeVpcs({ client: ctx.client(EC2Client), pageSize: PAGE.vpcs }, {}), (page) =>
      page.Vpcs?.map((x) => toVpc(x, ctx)),
    ),
});

const flowLogs = region("flowLogs", {
  id: "ec2.flowLogs",
  description: "VPC flow logs",
  operations: [op("ec2", "DescribeFlowLogs")],
  read: (ctx) =>
    allPages(paginateDescribeFlowLogs({ client: ctx.client(EC2Client), pageSize: PAGE.flowLogs }, {}), (page) =>
      page.FlowLogs?.map(toFlowLog),
    ),
});

// ---- addresses, subnets, routing, peering, account-level defaults -------------------------------

const addresses = region("addresses", {
  id: "ec2.addresses",
  description: "Elastic IP addresses and what they are associated with",
  // DescribeAddresses has no pages: it answers every address of the region at once.
  operations: [op("ec2", "DescribeAddresses")],
  read: async (ctx) => ((await ctx.client(EC2Client).send(new DescribeAddressesCommand({}))).Addresses ?? []).map((a) => toAddress(a, ctx)),
});

const subnets = region("subnets", {
  id: "ec2.subnets",
  description: "subnets and whether they assign public addresses on launch",
  operations: [op("ec2", "DescribeSubnets")],
  read: (ctx) =>
    allPages(paginateDescribeSubnets({ client: ctx.client(EC2Client), pageSize: PAGE.subnets }, {}), (page) =>
      page.Subnets?.map((x) => toSubnet(x, ctx)),
    ),
});

const routeTables = region("routeTables", {
  id: "ec2.routeTables",
  description: "route tables and their routes",
  operations: [op("ec2", "DescribeRouteTables")],
  read: (ctx) =>
    allPages(paginateDescribeRouteTables({ client: ctx.client(EC2Client), pageSize: PAGE.routeTables }, {}), (page) =>
      page.RouteTables?.map((x) => toRouteTable(x, ctx)),
    ),
});

const vpcPeeringConnections = region("vpcPeeringConnections", {
  id: "ec2.vpcPeeringConnections",
  description: "VPC peering connections and the CIDR blocks of both sides",
  operations: [op("ec2", "DescribeVpcPeeringConnections")],
  read: (ctx) =>
    allPages(paginateDescribeVpcPeeringConnections({ client: ctx.client(EC2Client), pageSize: PAGE.peerings }, {}), (page) =>
      page.VpcPeeringConnections?.map((x) => toVpcPeeringConnection(x, ctx)),
    ),
});

const snapshotBlockPublicAccess = region("snapshotBlockPublicAccess", {
  id: "ec2.snapshotBlockPublicAccess",
  description: "block public access for EBS snapshots (account setting, per region)",
  operations: [op("ec2", "GetSnapshotBlockPublicAccessState")],
  read: async (ctx) => {
    const out = await ctx.client(EC2Client).send(new GetSnapshotBlockPublicAccessStateCommand({}));
    return { state: out.State ?? "unknown", ...opt("managedBy", out.ManagedBy) };
  },
});

const imageBlockPublicAccess = region("imageBlockPublicAccess", {
  id: "ec2.imageBlockPublicAccess",
  description: "block public access for AMIs (account setting, per region)",
  operations: [op("ec2", "GetImageBlockPublicAccessState")],
  read: async (ctx) => {
    const out = await ctx.client(EC2Client).send(new GetImageBlockPublicAccessStateCommand({}));
    return { state: out.ImageBlockPublicAccessState ?? "unknown", ...opt("managedBy", out.ManagedBy) };
  },
});

const instanceMetadataDefaults = region("instanceMetadataDefaults", {
  id: "ec2.instanceMetadataDefaults",
  description: "the account's instance metadata defaults for new instances (per region)",
  operations: [op("ec2", "GetInstanceMetadataDefaults")],
  read: async (ctx) => {
    const a = (await ctx.client(EC2Client).send(new GetInstanceMetadataDefaultsCommand({}))).AccountLevel;
    return {
      ...opt("httpTokens", a?.HttpTokens),
      ...opt("httpEndpoint", a?.HttpEndpoint),
      ...opt("httpPutResponseHopLimit", a?.HttpPutResponseHopLimit),
      ...opt("instanceMetadataTags", a?.InstanceMetadataTags),
      ...opt("managedBy", a?.ManagedBy),
    };
  },
});

export default defineService({
  id: "ec2",
  title: "Amazon EC2 and VPC",
  scope: "regional",
  model: "infrastructure",
  clients: { ec2: EC2Client },
  schemaType: "Ec2Inventory",
  slices: [
    securityGroups,
    networkInterfaces,
    networkAcls,
    instances,
    volumes,
    ebsEncryptionByDefault,
    snapshots,
    snapshotPermissions,
    images,
    vpcs,
    flowLogs,
    userData,
    launchTemplates,
    addresses,
    subnets,
    routeTables,
    vpcPeeringConnections,
    snapshotBlockPublicAccess,
    imageBlockPublicAccess,
    instanceMetadataDefaults,
  ],
  checks: ec2Checks,
  tags: {
    of: (data) =>
      Object.values(data.regions).flatMap((r) =>
        [
          r.securityGroups,
          r.networkAcls,
          r.instances,
          r.volumes,
          r.snapshots,
          r.images,
          r.vpcs,
          r.addresses,
          r.subnets,
          r.routeTables,
          r.vpcPeeringConnections,
        ].flatMap((read) => (read?.ok ? read.value.flatMap((x) => (x.tags ? [[x.arn, x.tags] as const] : [])) : [])),
      ),
  },
});

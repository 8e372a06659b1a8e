/** SDK shapes → EC2 inventory. */
import type {
  Address as SdkAddress,
  RouteTable as SdkRouteTable,
  Subnet as SdkSubnet,
  VpcPeeringConnection as SdkVpcPeeringConnection,
  VpcPeeringConnectionVpcInfo,
  FlowLog as SdkFlowLog,
  Image as SdkImage,
  Instance as SdkInstance,
  IpPermission,
  NetworkAcl as SdkNetworkAcl,
  NetworkInterface as SdkNetworkInterface,
  SecurityGroup as SdkSecurityGroup,
  Snapshot as SdkSnapshot,
  Tag,
  Volume as SdkVolume,
  Vpc as SdkVpc,
} from "@aws-sdk/client-ec2";
import type {
  ElasticIp,
  PeeringVpcInfo,
  Route,
  RouteTable,
  Subnet,
  VpcPeeringConnection,
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
  Vpc,
} from "./inventory.js";
import { opt, tagsOf } from "../../collect/sdk.js";

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
    ...tagsOf(g.Tags),
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
    ...tagsOf(a.Tags),
  };
}

/** The instance profile's ARN (its id if AWS gave no ARN); null only when DescribeInstances reported no profile. */
const instanceProfileOf = (i: SdkInstance): string | null => {
  const p = i.IamInstanceProfile;
  if (!p) return null;
  return p.Arn || p.Id || "(instance profile without ARN or id)";
};

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
    ...tagsOf(i.Tags),
    // Always recorded, null for "none", so that a snapshot without the field reads as "not recorded".
    iamInstanceProfileArn: instanceProfileOf(i),
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
    ...tagsOf(v.Tags),
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
    ...tagsOf(x.Tags),
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
    ...tagsOf(x.Tags),
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
    ...tagsOf(x.Tags),
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

// ---- addresses, subnets, routing, peering -------------------------------------------------------

export function toAddress(a: SdkAddress, s: ArnScope): ElasticIp {
  const publicIp = a.PublicIp ?? "";
  return {
    publicIp,
    arn: arnOf(s, `elastic-ip/${a.AllocationId ?? publicIp}`),
    ...opt("allocationId", a.AllocationId),
    ...opt("domain", a.Domain),
    ...opt("associationId", a.AssociationId),
    ...opt("instanceId", a.InstanceId),
    ...opt("networkInterfaceId", a.NetworkInterfaceId),
    ...tagsOf(a.Tags),
  };
}

export function toSubnet(x: SdkSubnet, s: ArnScope): Subnet {
  const subnetId = x.SubnetId ?? "";
  return {
    subnetId,
    arn: x.SubnetArn ?? arnOf(s, `subnet/${subnetId}`, x.OwnerId ?? s.accountId),
    ...opt("vpcId", x.VpcId),
    ...opt("cidrBlock", x.CidrBlock),
    ...opt("availabilityZone", x.AvailabilityZone),
    mapPublicIpOnLaunch: x.MapPublicIpOnLaunch === true,
    assignIpv6AddressOnCreation: x.AssignIpv6AddressOnCreation === true,
    defaultForAz: x.DefaultForAz === true,
    ...opt("name", nameTag(x.Tags)),
    ...tagsOf(x.Tags),
  };
}

export function toRouteTable(t: SdkRouteTable, s: ArnScope): RouteTable {
  const routeTableId = t.RouteTableId ?? "";
  const routes = (t.Routes ?? []).flatMap((r): Route[] => {
    const [destination, destinationType] = r.DestinationCidrBlock
      ? [r.DestinationCidrBlock, "cidr" as const]
      : r.DestinationIpv6CidrBlock
        ? [r.DestinationIpv6CidrBlock, "ipv6" as const]
        : r.DestinationPrefixListId
          ? [r.DestinationPrefixListId, "prefix-list" as const]
          : [undefined, "cidr" as const];
    if (destination === undefined) return [];
    return [
      {
        destination,
        destinationType,
        ...opt("vpcPeeringConnectionId", r.VpcPeeringConnectionId),
        ...opt("gatewayId", r.GatewayId),
        ...opt("state", r.State),
      },
    ];
  });
  return {
    routeTableId,
    arn: arnOf(s, `route-table/${routeTableId}`, t.OwnerId ?? s.accountId),
    ...opt("vpcId", t.VpcId),
    routes,
    subnetIds: ids((t.Associations ?? []).map((a) => a.SubnetId)),
    main: (t.Associations ?? []).some((a) => a.Main === true),
    ...tagsOf(t.Tags),
  };
}

const peeringSide = (v: VpcPeeringConnectionVpcInfo | undefined): PeeringVpcInfo => ({
  ...opt("vpcId", v?.VpcId),
  ...opt("ownerId", v?.OwnerId),
  ...opt("region", v?.Region),
  cidrBlocks: [
    ...new Set(
      ids([v?.CidrBlock, ...(v?.CidrBlockSet ?? []).map((c) => c.CidrBlock), ...(v?.Ipv6CidrBlockSet ?? []).map((c) => c.Ipv6CidrBlock)]),
    ),
  ],
});

export function toVpcPeeringConnection(x: SdkVpcPeeringConnection, s: ArnScope): VpcPeeringConnection {
  const id = x.VpcPeeringConnectionId ?? "";
  return {
    vpcPeeringConnectionId: id,
    arn: arnOf(s, `vpc-peering-connection/${id}`),
    ...opt("status", x.Status?.Code),
    requester: peeringSide(x.RequesterVpcInfo),
    accepter: peeringSide(x.AccepterVpcInfo),
    ...tagsOf(x.Tags),
  };
}

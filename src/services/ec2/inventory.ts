import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";
import type { UserDataScan } from "../../secrets/types.js";
import type { LaunchTemplate } from "./launch-templates.js";

/** One address range in a security group permission. */
export interface CidrRef {
  cidr: string;
  description?: string;
}

/** One security group permission (an IpPermission): a protocol, a port range and its sources. */
export interface SecurityGroupPermission {
  /** As AWS gives it: "-1" (all), "tcp", "udp", "icmp", "icmpv6" or a protocol number. */
  protocol: string;
  /** For tcp/udp the first port; for icmp the type; absent or -1 when the protocol has no ports. */
  fromPort?: number;
  toPort?: number;
  ipv4Ranges: CidrRef[];
  ipv6Ranges: CidrRef[];
  prefixListIds: string[];
  /** Security groups referenced as sources (or destinations, for egress). */
  referencedGroupIds: string[];
}

export interface SecurityGroup {
  groupId: string;
  groupName: string;
  arn: string;
  vpcId?: string;
  ownerId?: string;
  description?: string;
  ingress: SecurityGroupPermission[];
  egress: SecurityGroupPermission[];
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

/** An elastic network interface: what the security groups are actually attached to. */
export interface NetworkInterface {
  networkInterfaceId: string;
  /** "in-use" | "available" | … */
  status: string;
  /** "interface" | "nat_gateway" | "network_load_balancer" | "lambda" | … */
  interfaceType?: string;
  description?: string;
  groupIds: string[];
  /** Instance the interface is attached to, when it is attached to one. */
  instanceId?: string;
  /** Public IPv4 address associated with the interface (auto-assigned or Elastic IP). */
  publicIp?: string;
  ipv6Addresses: string[];
  vpcId?: string;
  subnetId?: string;
  requesterManaged?: boolean;
}

export interface NetworkAclEntry {
  ruleNumber: number;
  /** Protocol number as a string ("6" tcp, "17" udp, "1" icmp, "58" icmpv6) or "-1" for all. */
  protocol: string;
  action: "allow" | "deny";
  egress: boolean;
  /** IPv4 or IPv6 range the rule matches. */
  cidr: string;
  /** Absent: all ports (protocol -1, or a protocol without ports). */
  portRange?: { from: number; to: number };
}

export interface NetworkAcl {
  networkAclId: string;
  arn: string;
  vpcId?: string;
  isDefault: boolean;
  entries: NetworkAclEntry[];
  subnetIds: string[];
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

/** One interface as DescribeInstances reports it (the part that decides exposure). */
export interface InstanceInterface {
  networkInterfaceId: string;
  groupIds: string[];
  publicIp?: string;
  ipv6Addresses: string[];
}

export interface InstanceMetadataOptions {
  /** "required" (IMDSv2 only) | "optional" (IMDSv1 allowed) */
  httpTokens?: string;
  /** "enabled" | "disabled" */
  httpEndpoint?: string;
  httpPutResponseHopLimit?: number;
  /** "pending" | "applied" */
  state?: string;
}

export interface Instance {
  instanceId: string;
  arn: string;
  /** "pending" | "running" | "stopping" | "stopped" | "shutting-down" | "terminated" */
  state: string;
  name?: string;
  vpcId?: string;
  subnetId?: string;
  publicIp?: string;
  privateIp?: string;
  securityGroupIds: string[];
  networkInterfaces: InstanceInterface[];
  /** Absent when the API did not return MetadataOptions. */
  metadataOptions?: InstanceMetadataOptions;
  launchTime?: string;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
  /**
   * The IAM instance profile attached to the instance; `null`: DescribeInstances reported none.
   * Absent: not recorded (a snapshot written before this field existed), which says nothing either way.
   */
  iamInstanceProfileArn?: string | null;
  /** DescribeInstanceAttribute userData, scanned for credentials as it was read (never the user data); null: none, or a terminated instance; absent when not collected. */
  userData?: Fetched<UserDataScan | null>;
}

export interface Volume {
  volumeId: string;
  arn: string;
  encrypted: boolean;
  kmsKeyId?: string;
  state?: string;
  sizeGiB?: number;
  availabilityZone?: string;
  attachedInstanceIds: string[];
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

/** One createVolumePermission entry: `group: "all"` means every AWS account. */
export interface VolumePermission {
  group?: string;
  userId?: string;
}

export interface Snapshot {
  snapshotId: string;
  arn: string;
  encrypted: boolean;
  kmsKeyId?: string;
  state?: string;
  volumeId?: string;
  ownerId?: string;
  description?: string;
  startTime?: string;
  /** DescribeSnapshotAttribute createVolumePermission; absent when not collected. */
  createVolumePermissions?: Fetched<VolumePermission[]>;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

export interface Image {
  imageId: string;
  arn: string;
  name?: string;
  public: boolean;
  state?: string;
  ownerId?: string;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

export interface Vpc {
  vpcId: string;
  arn: string;
  isDefault: boolean;
  cidrBlock?: string;
  name?: string;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

export interface FlowLog {
  flowLogId: string;
  /** The VPC, subnet or interface the flow log is attached to. */
  resourceId: string;
  /** "ACTIVE" when delivering. */
  status?: string;
  /** "ACCEPT" | "REJECT" | "ALL" */
  trafficType?: string;
  logDestinationType?: string;
  logDestination?: string;
  deliverLogsStatus?: string;
}

// ---- addresses, subnets, routing, peering, account-level defaults -------------------------------

/** An Elastic IP address (DescribeAddresses). */
export interface ElasticIp {
  publicIp: string;
  arn: string;
  allocationId?: string;
  /** "vpc" | "standard" */
  domain?: string;
  /** Set when the address is associated with an instance or a network interface. */
  associationId?: string;
  instanceId?: string;
  networkInterfaceId?: string;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

export interface Subnet {
  subnetId: string;
  arn: string;
  vpcId?: string;
  cidrBlock?: string;
  availabilityZone?: string;
  /** MapPublicIpOnLaunch: instances launched here get a public IPv4 address. */
  mapPublicIpOnLaunch: boolean;
  /** AssignIpv6AddressOnCreation: network interfaces created here get an IPv6 address. */
  assignIpv6AddressOnCreation: boolean;
  defaultForAz: boolean;
  name?: string;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

export interface Route {
  /** The destination CIDR (IPv4 or IPv6) or prefix list id. */
  destination: string;
  /** "cidr" | "ipv6" | "prefix-list" */
  destinationType: "cidr" | "ipv6" | "prefix-list";
  vpcPeeringConnectionId?: string;
  gatewayId?: string;
  /** "active" | "blackhole" */
  state?: string;
}

export interface RouteTable {
  routeTableId: string;
  arn: string;
  vpcId?: string;
  routes: Route[];
  subnetIds: string[];
  main: boolean;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

/** One side of a VPC peering connection. */
export interface PeeringVpcInfo {
  vpcId?: string;
  ownerId?: string;
  region?: string;
  /** Every IPv4 and IPv6 CIDR block of the VPC the connection reports. */
  cidrBlocks: string[];
}

export interface VpcPeeringConnection {
  vpcPeeringConnectionId: string;
  arn: string;
  /** "active" | "pending-acceptance" | "deleted" | … */
  status?: string;
  requester: PeeringVpcInfo;
  accepter: PeeringVpcInfo;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

/** An account-level "block public access" setting of one region (snapshots, AMIs). */
export interface BlockPublicAccessState {
  /** Snapshots: "block-all-sharing" | "block-new-sharing" | "unblocked"; AMIs: "block-new-sharing" | "unblocked". */
  state: string;
  /** "account" | "declarative-policy" */
  managedBy?: string;
}

/** The account's instance metadata defaults in one region (GetInstanceMetadataDefaults AccountLevel); every field absent: none set. */
export interface InstanceMetadataDefaults {
  /** "required" | "optional" | "no-preference" */
  httpTokens?: string;
  /** "enabled" | "disabled" | "no-preference" */
  httpEndpoint?: string;
  httpPutResponseHopLimit?: number;
  instanceMetadataTags?: string;
  managedBy?: string;
}

/** Everything EC2 read in one region. Each field is present only when its slice was wanted. */
export interface Ec2RegionInventory {
  securityGroups?: Fetched<SecurityGroup[]>;
  networkInterfaces?: Fetched<NetworkInterface[]>;
  networkAcls?: Fetched<NetworkAcl[]>;
  instances?: Fetched<Instance[]>;
  volumes?: Fetched<Volume[]>;
  /** GetEbsEncryptionByDefault. */
  ebsEncryptionByDefault?: Fetched<boolean>;
  /** Snapshots owned by the account. */
  snapshots?: Fetched<Snapshot[]>;
  /** Images (AMIs) owned by the account. */
  images?: Fetched<Image[]>;
  vpcs?: Fetched<Vpc[]>;
  flowLogs?: Fetched<FlowLog[]>;
  /** The default and latest version of each launch template (DescribeLaunchTemplateVersions). */
  launchTemplates?: Fetched<LaunchTemplate[]>;
  addresses?: Fetched<ElasticIp[]>;
  subnets?: Fetched<Subnet[]>;
  routeTables?: Fetched<RouteTable[]>;
  vpcPeeringConnections?: Fetched<VpcPeeringConnection[]>;
  /** GetSnapshotBlockPublicAccessState. */
  snapshotBlockPublicAccess?: Fetched<BlockPublicAccessState>;
  /** GetImageBlockPublicAccessState. */
  imageBlockPublicAccess?: Fetched<BlockPublicAccessState>;
  /** GetInstanceMetadataDefaults. */
  instanceMetadataDefaults?: Fetched<InstanceMetadataDefaults>;
}

export interface Ec2Inventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, Ec2RegionInventory>;
}

export const snapshotResource = (s: Pick<Snapshot, "arn" | "snapshotId">): ResourceRef => ({
  arn: s.arn,
  id: s.snapshotId,
  type: "AWS::EC2::Snapshot",
});

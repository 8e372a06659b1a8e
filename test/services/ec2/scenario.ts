import {
  AcceptVpcPeeringConnectionCommand,
  AllocateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateFlowLogsCommand,
  CreateImageCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeImagesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RevokeSecurityGroupEgressCommand,
  RunInstancesCommand,
  type IpPermission,
} from "@aws-sdk/client-ec2";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import type { MotoServer } from "../../support/moto.js";
import { s3For } from "../../support/seed.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** Ids of what the scenario created, for the assertions. */
export interface Scenario {
  defaultVpc: Record<string, string>;
  vpcFlow: string;
  vpcFlowDefaultGroup: string;
  defaultGroup: Record<string, string>;
  groups: {
    openSsh: string;
    openRdp6: string;
    rangeAll: string;
    dbOpen: string;
    web: string;
    euSsh6: string;
    smbOpen: string;
    broadSsh: string;
    ldapOpen: string;
  };
  instances: { webV1: string; appV2: string; opsV3: string };
  /** An Elastic IP associated with nothing. */
  spareAddress: string;
  /** vpc-flow peered with the default VPC: one route table wider than the peer, one within it. */
  peering: { id: string; wideTable: string; narrowTable: string };
  /** The instance profile app-v2 runs with (web-v1 has none). */
  instanceProfileArn: string;
  acls: { denyFirst: string; sshOpen: string };
  volumes: { plain: string; encrypted: string };
  snapshots: { publicPlain: string; privateEncrypted: string };
  images: { publicAmi: string; privateAmi: string };
}

const id = (value: string | undefined, what: string): string => {
  if (!value) throw new Error(`moto returned no id for ${what}`);
  return value;
};

async function defaultVpcOf(ec2: EC2Client): Promise<string> {
  const out = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }));
  return id(out.Vpcs?.[0]?.VpcId, "default VPC");
}

async function defaultGroupOf(ec2: EC2Client, vpcId: string): Promise<string> {
  const out = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: "vpc-id", Values: [vpcId] },
        { Name: "group-name", Values: ["default"] },
      ],
    }),
  );
  return id(out.SecurityGroups?.[0]?.GroupId, `default group of ${vpcId}`);
}

async function group(ec2: EC2Client, name: string, vpcId: string, rules: IpPermission[]): Promise<string> {
  const groupId = id((await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpcId }))).GroupId, name);
  if (rules.length) await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: rules }));
  return groupId;
}

const tcp = (from: number, to: number, ...cidrs: string[]): IpPermission => ({
  IpProtocol: "tcp",
  FromPort: from,
  ToPort: to,
  IpRanges: cidrs.filter((c) => !c.includes(":")).map((CidrIp) => ({ CidrIp })),
  Ipv6Ranges: cidrs.filter((c) => c.includes(":")).map((CidrIpv6) => ({ CidrIpv6 })),
});

/**
 * us-east-1: open and closed groups (one with CIFS open, one open to the internet in two halves, one
 * with LDAP open) on a public IMDSv1 instance without an instance profile, a private IMDSv2 one with
 * one and a public one running as an administrator, an unused Elastic IP, a peering with one route
 * wider than the peer,
 * NACLs, plain and encrypted volumes and snapshots (one public), a public and a private
 * AMI, a VPC with and one without flow logs, EBS default encryption, Config recording.
 * eu-west-1: an unattached group open to ::/0 and nothing configured.
 */
export async function seedEc2Scenario(moto: MotoServer): Promise<Scenario> {
  const us = new EC2Client(moto.clientConfig(US));
  const eu = new EC2Client(moto.clientConfig(EU));
  const defaultVpc = { [US]: await defaultVpcOf(us), [EU]: await defaultVpcOf(eu) };
  const defaultGroup = { [US]: await defaultGroupOf(us, defaultVpc[US]), [EU]: await defaultGroupOf(eu, defaultVpc[EU]) };

  // A second VPC with a private subnet, flow logs and a locked-down default group.
  const vpcFlow = id((await us.send(new CreateVpcCommand({ CidrBlock: "10.1.0.0/16" }))).Vpc?.VpcId, "vpc");
  const privateSubnet = id(
    (await us.send(new CreateSubnetCommand({ VpcId: vpcFlow, CidrBlock: "10.1.1.0/24" }))).Subnet?.SubnetId,
    "subnet",
  );
  const vpcFlowDefaultGroup = await defaultGroupOf(us, vpcFlow);
  await us.send(
    new RevokeSecurityGroupEgressCommand({
      GroupId: vpcFlowDefaultGroup,
      IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
    }),
  );
  await s3For(moto, US).send(new CreateBucketCommand({ Bucket: "flow-logs-bucket" }));
  await us.send(
    new CreateFlowLogsCommand({
      ResourceIds: [vpcFlow],
      ResourceType: "VPC",
      TrafficType: "REJECT",
      LogDestinationType: "s3",
      LogDestination: "arn:aws:s3:::flow-logs-bucket",
    }),
  );

  const groups = {
    openSsh: await group(us, "open-ssh", defaultVpc[US], [tcp(22, 22, "0.0.0.0/0")]),
    openRdp6: await group(us, "open-rdp6", defaultVpc[US], [tcp(3389, 3389, "::/0")]),
    rangeAll: await group(us, "range-all", defaultVpc[US], [tcp(0, 65535, "0.0.0.0/0")]),
    dbOpen: await group(us, "db-open", vpcFlow, [tcp(3306, 3306, "0.0.0.0/0")]),
    web: await group(us, "web", defaultVpc[US], [tcp(80, 80, "0.0.0.0/0"), tcp(443, 443, "0.0.0.0/0", "::/0"), tcp(22, 22, "10.0.0.0/8")]),
    euSsh6: await group(eu, "eu-ssh6", defaultVpc[EU], [tcp(22, 22, "::/0")]),
    // A Windows file share open to the world (CIS 6.1.2), attached to nothing.
    smbOpen: await group(us, "smb-open", defaultVpc[US], [tcp(445, 445, "0.0.0.0/0")]),
    // The internet in two halves, and a directory port open to the world; both attached to nothing.
    broadSsh: await group(us, "broad-ssh", defaultVpc[US], [tcp(22, 22, "0.0.0.0/1", "128.0.0.0/1")]),
    ldapOpen: await group(us, "ldap-open", defaultVpc[US], [tcp(389, 389, "0.0.0.0/0")]),
  };

  // app-v2 gets its AWS access from a role (CIS 2.17); web-v1 has none.
  const iam = new IAMClient(moto.clientConfig(US));
  await iam.send(
    new CreateRoleCommand({
      RoleName: "app-v2-instance",
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    }),
  );
  const profile = await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "app-v2" }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "app-v2", RoleName: "app-v2-instance" }));
  // ops-v3 runs as an administrator, on a public address behind the web group.
  await iam.send(
    new CreateRoleCommand({
      RoleName: "ops-v3-instance",
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: "ops-v3-instance",
      PolicyName: "everything",
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
    }),
  );
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "ops-v3" }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "ops-v3", RoleName: "ops-v3-instance" }));
  iam.destroy();
  const instanceProfileArn = id(profile.InstanceProfile?.Arn, "instance profile");

  const ami = id((await us.send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images?.[0]?.ImageId, "amazon AMI");
  const run = async (name: string, extra: Record<string, unknown>) =>
    id(
      (
        await us.send(
          new RunInstancesCommand({
            ImageId: ami,
            MinCount: 1,
            MaxCount: 1,
            InstanceType: "t3.micro",
            TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: name }] }],
            ...extra,
          }),
        )
      ).Instances?.[0]?.InstanceId,
      name,
    );
  const instances = {
    // Default subnets map public IPs on launch: this one is reachable.
    webV1: await run("web-v1", {
      SecurityGroupIds: [groups.openSsh],
      MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" },
    }),
    appV2: await run("app-v2", {
      SubnetId: privateSubnet,
      SecurityGroupIds: [groups.dbOpen],
      MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
      IamInstanceProfile: { Name: "app-v2" },
    }),
    opsV3: await run("ops-v3", {
      SecurityGroupIds: [groups.web],
      MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
      IamInstanceProfile: { Name: "ops-v3" },
    }),
  };

  // NACLs: one that denies the admin ports before allowing everything, one that opens SSH.
  const acl = async () => id((await us.send(new CreateNetworkAclCommand({ VpcId: vpcFlow }))).NetworkAcl?.NetworkAclId, "acl");
  const entry = (NetworkAclId: string, RuleNumber: number, RuleAction: "allow" | "deny", Protocol: string, port?: number) =>
    us.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId,
        RuleNumber,
        RuleAction,
        Protocol,
        Egress: false,
        CidrBlock: "0.0.0.0/0",
        ...(port !== undefined ? { PortRange: { From: port, To: port } } : {}),
      }),
    );
  const denyFirst = await acl();
  await entry(denyFirst, 90, "deny", "6", 22);
  await entry(denyFirst, 91, "deny", "6", 3389);
  await entry(denyFirst, 92, "deny", "17", 22);
  await entry(denyFirst, 93, "deny", "17", 3389);
  await entry(denyFirst, 100, "allow", "-1");
  const sshOpen = await acl();
  await entry(sshOpen, 100, "allow", "6", 22);

  // Volumes and snapshots; encryption by default is turned on only after the plain volume exists.
  const plain = id((await us.send(new CreateVolumeCommand({ AvailabilityZone: `${US}a`, Size: 1 }))).VolumeId, "plain volume");
  const encrypted = id(
    (await us.send(new CreateVolumeCommand({ AvailabilityZone: `${US}a`, Size: 1, Encrypted: true }))).VolumeId,
    "encrypted volume",
  );
  const publicPlain = id((await us.send(new CreateSnapshotCommand({ VolumeId: plain }))).SnapshotId, "snapshot");
  const privateEncrypted = id((await us.send(new CreateSnapshotCommand({ VolumeId: encrypted }))).SnapshotId, "snapshot");
  await us.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: publicPlain,
      Attribute: "createVolumePermission",
      OperationType: "add",
      GroupNames: ["all"],
    }),
  );
  await us.send(new EnableEbsEncryptionByDefaultCommand({}));

  const publicAmi = id((await us.send(new CreateImageCommand({ InstanceId: instances.appV2, Name: "golden-public" }))).ImageId, "ami");
  const privateAmi = id((await us.send(new CreateImageCommand({ InstanceId: instances.appV2, Name: "golden-private" }))).ImageId, "ami");
  await us.send(new ModifyImageAttributeCommand({ ImageId: publicAmi, LaunchPermission: { Add: [{ Group: "all" }] } }));

  // Hygiene: an Elastic IP nobody uses.
  const spareAddress = id((await us.send(new AllocateAddressCommand({ Domain: "vpc" }))).AllocationId, "address");

  // Peering vpc-flow (10.1.0.0/16) with the default VPC (172.31.0.0/16): 172.16.0.0/12 is wider than the peer.
  const pcx = id(
    (await us.send(new CreateVpcPeeringConnectionCommand({ VpcId: vpcFlow, PeerVpcId: defaultVpc[US] }))).VpcPeeringConnection
      ?.VpcPeeringConnectionId,
    "peering",
  );
  await us.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
  const table = async (vpcId: string, destination: string) => {
    const routeTableId = id((await us.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable?.RouteTableId, "route table");
    await us.send(new CreateRouteCommand({ RouteTableId: routeTableId, DestinationCidrBlock: destination, VpcPeeringConnectionId: pcx }));
    return routeTableId;
  };
  const peering = { id: pcx, wideTable: await table(vpcFlow, "172.16.0.0/12"), narrowTable: await table(defaultVpc[US], "10.1.0.0/16") };

  for (const c of [us, eu]) c.destroy();
  return {
    defaultVpc,
    vpcFlow,
    vpcFlowDefaultGroup,
    defaultGroup,
    groups,
    instances,
    instanceProfileArn,
    acls: { denyFirst, sshOpen },
    volumes: { plain, encrypted },
    snapshots: { publicPlain, privateEncrypted },
    images: { publicAmi, privateAmi },
    spareAddress,
    peering,
  };
}

/** The scenario the sample account (`yourside demo`) is made of. */
export const seed = seedEc2Scenario;

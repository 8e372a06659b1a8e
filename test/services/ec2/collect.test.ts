import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  DescribeAddressesCommand,
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetImageBlockPublicAccessStateCommand,
  GetInstanceMetadataDefaultsCommand,
  GetSnapshotBlockPublicAccessStateCommand,
} from "@aws-sdk/client-ec2";
import { AwsSession } from "../../../src/aws/session.js";
import service from "../../../src/services/ec2/index.js";
import type { SliceId } from "../../../src/inventory/index.js";
import { allSlicesOf, collect, testContext } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const REGIONS = ["us-east-1", "eu-west-1"];

function setup(wanted: SliceId[] = allSlicesOf(service)) {
  const session = new AwsSession({
    credentials: () => Promise.resolve({ accessKeyId: "AKIDTEST", secretAccessKey: "secret" }),
    maxAttempts: 1,
  });
  const ctx = testContext(wanted, REGIONS, session);
  const mocks = Object.fromEntries(REGIONS.map((r) => [r, mockClient(session.client(EC2Client, "ec2", r))]));
  return { session, ctx, east: mocks["us-east-1"]!, west: mocks["eu-west-1"]! };
}

const unauthorized = () =>
  Object.assign(new Error("You are not authorized to perform this operation."), {
    name: "UnauthorizedOperation",
    $fault: "client",
    $metadata: { httpStatusCode: 403 },
  });

let sessions: AwsSession[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function seedRegion(m: ReturnType<typeof setup>["east"], region: string) {
  m.on(DescribeSecurityGroupsCommand)
    .resolvesOnce({
      SecurityGroups: [
        {
          GroupId: `sg-${region}-1`,
          GroupName: "web",
          VpcId: "vpc-1",
          OwnerId: ACCOUNT,
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 22,
              ToPort: 22,
              IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "ssh" }],
              Ipv6Ranges: [{ CidrIpv6: "::/0" }],
            },
            { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: `sg-${region}-1` }], PrefixListIds: [{ PrefixListId: "pl-1" }] },
          ],
          IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        },
      ],
      NextToken: "page-2",
    })
    .resolvesOnce({ SecurityGroups: [{ GroupId: `sg-${region}-2`, GroupName: "default", VpcId: "vpc-1" }] });
  m.on(DescribeNetworkInterfacesCommand).resolves({
    NetworkInterfaces: [
      {
        NetworkInterfaceId: "eni-1",
        Status: "in-use",
        InterfaceType: "interface",
        Groups: [{ GroupId: `sg-${region}-1` }],
        Attachment: { InstanceId: "i-1" },
        Association: { PublicIp: "54.1.2.3" },
        Ipv6Addresses: [{ Ipv6Address: "2600::1" }],
      },
    ],
  });
  m.on(DescribeNetworkAclsCommand).resolves({
    NetworkAcls: [
      {
        NetworkAclId: "acl-1",
        VpcId: "vpc-1",
        IsDefault: true,
        Associations: [{ SubnetId: "subnet-1" }],
        Entries: [
          { RuleNumber: 100, Protocol: "6", RuleAction: "allow", Egress: false, CidrBlock: "0.0.0.0/0", PortRange: { From: 22, To: 22 } },
          { RuleNumber: 32768, Protocol: "-1", RuleAction: "deny", Egress: false, Ipv6CidrBlock: "::/0" },
        ],
      },
    ],
  });
  m.on(DescribeInstancesCommand).resolves({
    Reservations: [
      {
        Instances: [
          {
            InstanceId: "i-1",
            State: { Name: "running" },
            PublicIpAddress: "54.1.2.3",
            Tags: [{ Key: "Name", Value: "web" }],
            SecurityGroups: [{ GroupId: `sg-${region}-1` }],
            NetworkInterfaces: [
              { NetworkInterfaceId: "eni-1", Groups: [{ GroupId: `sg-${region}-1` }], Association: { PublicIp: "54.1.2.3" } },
            ],
            MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled", HttpPutResponseHopLimit: 1, State: "applied" },
            LaunchTime: new Date("2026-01-01T00:00:00Z"),
          },
        ],
      },
    ],
  });
  m.on(DescribeVolumesCommand).resolves({
    Volumes: [{ VolumeId: "vol-1", Encrypted: false, State: "in-use", Size: 8, Attachments: [{ InstanceId: "i-1" }] }],
  });
  m.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: region === "us-east-1" });
  m.on(DescribeSnapshotsCommand).resolves({
    Snapshots: [
      { SnapshotId: "snap-1", Encrypted: false, OwnerId: ACCOUNT, VolumeId: "vol-1" },
      { SnapshotId: "snap-2", Encrypted: true, OwnerId: ACCOUNT, KmsKeyId: "key-1" },
      // Not ours: an emulator may return it despite OwnerIds=self; it must be dropped.
      { SnapshotId: "snap-amazon", Encrypted: false, OwnerId: "801119661308" },
    ],
  });
  m.on(DescribeSnapshotAttributeCommand, { SnapshotId: "snap-1" }).resolves({ CreateVolumePermissions: [{ Group: "all" }] });
  m.on(DescribeSnapshotAttributeCommand, { SnapshotId: "snap-2" }).rejects(unauthorized());
  m.on(DescribeImagesCommand).resolves({ Images: [{ ImageId: "ami-1", Name: "golden", Public: true, OwnerId: ACCOUNT }] });
  m.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: "vpc-1", IsDefault: true, CidrBlock: "172.31.0.0/16", OwnerId: ACCOUNT }] });
  m.on(DescribeFlowLogsCommand).resolves({
    FlowLogs: [{ FlowLogId: "fl-1", ResourceId: "vpc-1", FlowLogStatus: "ACTIVE", TrafficType: "REJECT" }],
  });
  // User data and launch templates: test/services/ec2/user-data.collect.test.ts.
  m.on(DescribeInstanceAttributeCommand).resolves({ UserData: {} });
  m.on(DescribeLaunchTemplateVersionsCommand).resolves({ LaunchTemplateVersions: [] });
  seedNetworkAndDefaults(m);
}

/** Addresses, subnets, routes, peering and the account-level defaults (moto 5.2.5 has none of the three Get*State/Defaults calls). */
function seedNetworkAndDefaults(m: ReturnType<typeof setup>["east"]) {
  m.on(DescribeAddressesCommand).resolves({
    Addresses: [
      {
        AllocationId: "eipalloc-1",
        PublicIp: "54.1.2.3",
        Domain: "vpc",
        AssociationId: "eipassoc-1",
        InstanceId: "i-1",
        NetworkInterfaceId: "eni-1",
      },
      { AllocationId: "eipalloc-2", PublicIp: "54.9.9.9", Domain: "vpc", Tags: [{ Key: "env", Value: "old" }] },
    ],
  });
  m.on(DescribeSubnetsCommand).resolves({
    Subnets: [
      {
        SubnetId: "subnet-1",
        SubnetArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-1`,
        VpcId: "vpc-1",
        CidrBlock: "172.31.0.0/20",
        AvailabilityZone: "us-east-1a",
        MapPublicIpOnLaunch: true,
        DefaultForAz: true,
        Tags: [{ Key: "Name", Value: "public-a" }],
      },
    ],
  });
  m.on(DescribeRouteTablesCommand).resolves({
    RouteTables: [
      {
        RouteTableId: "rtb-1",
        VpcId: "vpc-1",
        OwnerId: ACCOUNT,
        Associations: [{ Main: true }, { SubnetId: "subnet-1" }],
        Routes: [
          { DestinationCidrBlock: "172.31.0.0/16", GatewayId: "local", State: "active" },
          { DestinationCidrBlock: "10.20.0.0/16", VpcPeeringConnectionId: "pcx-1", State: "active" },
          { DestinationIpv6CidrBlock: "::/0", GatewayId: "igw-1", State: "active" },
          { DestinationPrefixListId: "pl-1", GatewayId: "vpce-1" },
          // A route with no destination (not seen in practice) is dropped.
          { GatewayId: "igw-1" },
        ],
      },
    ],
  });
  m.on(DescribeVpcPeeringConnectionsCommand).resolves({
    VpcPeeringConnections: [
      {
        VpcPeeringConnectionId: "pcx-1",
        Status: { Code: "active" },
        RequesterVpcInfo: {
          VpcId: "vpc-1",
          OwnerId: ACCOUNT,
          Region: "us-east-1",
          CidrBlock: "172.31.0.0/16",
          CidrBlockSet: [{ CidrBlock: "172.31.0.0/16" }],
        },
        AccepterVpcInfo: {
          VpcId: "vpc-peer",
          OwnerId: "210987654321",
          Region: "us-east-1",
          CidrBlock: "10.20.0.0/16",
          CidrBlockSet: [{ CidrBlock: "10.20.0.0/16" }, { CidrBlock: "10.21.0.0/16" }],
          Ipv6CidrBlockSet: [{ Ipv6CidrBlock: "2600:1f18:1::/56" }],
        },
      },
    ],
  });
  m.on(GetSnapshotBlockPublicAccessStateCommand).resolves({ State: "block-new-sharing", ManagedBy: "account" });
  m.on(GetImageBlockPublicAccessStateCommand).resolves({ ImageBlockPublicAccessState: "block-new-sharing", ManagedBy: "account" });
  m.on(GetInstanceMetadataDefaultsCommand).resolves({
    AccountLevel: { HttpTokens: "required", HttpPutResponseHopLimit: 2, ManagedBy: "account" },
  });
}

describe("ec2 collector", () => {
  it("collects every region, follows pages, maps shapes, and records a failure in one region as data", async () => {
    const { session, ctx, east, west } = setup();
    sessions.push(session);
    seedRegion(east, "us-east-1");
    seedRegion(west, "eu-west-1");
    west.on(DescribeSecurityGroupsCommand).rejects(unauthorized());

    const inv = await collect(service, ctx);
    const us = inv.regions["us-east-1"]!;
    const eu = inv.regions["eu-west-1"]!;

    expect(Object.keys(inv.regions)).toEqual(REGIONS);
    expect(us.securityGroups).toEqual({
      ok: true,
      value: [
        {
          groupId: "sg-us-east-1-1",
          groupName: "web",
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-us-east-1-1`,
          vpcId: "vpc-1",
          ownerId: ACCOUNT,
          ingress: [
            {
              protocol: "tcp",
              fromPort: 22,
              toPort: 22,
              ipv4Ranges: [{ cidr: "0.0.0.0/0", description: "ssh" }],
              ipv6Ranges: [{ cidr: "::/0" }],
              prefixListIds: [],
              referencedGroupIds: [],
            },
            { protocol: "-1", ipv4Ranges: [], ipv6Ranges: [], prefixListIds: ["pl-1"], referencedGroupIds: ["sg-us-east-1-1"] },
          ],
          egress: [{ protocol: "-1", ipv4Ranges: [{ cidr: "0.0.0.0/0" }], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] }],
        },
        {
          groupId: "sg-us-east-1-2",
          groupName: "default",
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-us-east-1-2`,
          vpcId: "vpc-1",
          ingress: [],
          egress: [],
        },
      ],
    });
    // Two pages (the paginator reuses one input object, so only the last state is visible).
    const sgCalls = east.commandCalls(DescribeSecurityGroupsCommand);
    expect(sgCalls).toHaveLength(2);
    expect(sgCalls[1]?.args[0].input).toEqual({ MaxResults: 1000, NextToken: "page-2" });

    // The failed region: an error value for what failed, everything else collected.
    expect(eu.securityGroups).toEqual({
      ok: false,
      error: {
        service: "ec2",
        region: "eu-west-1",
        operation: "DescribeSecurityGroups",
        code: "UnauthorizedOperation",
        message: "You are not authorized to perform this operation.",
      },
    });
    expect(eu.instances?.ok).toBe(true);
    expect(eu.ebsEncryptionByDefault).toEqual({ ok: true, value: false });
    expect(us.ebsEncryptionByDefault).toEqual({ ok: true, value: true });

    expect(us.networkInterfaces).toEqual({
      ok: true,
      value: [
        {
          networkInterfaceId: "eni-1",
          status: "in-use",
          interfaceType: "interface",
          groupIds: ["sg-us-east-1-1"],
          instanceId: "i-1",
          publicIp: "54.1.2.3",
          ipv6Addresses: ["2600::1"],
        },
      ],
    });
    expect(us.networkAcls?.ok && us.networkAcls.value[0]).toEqual({
      networkAclId: "acl-1",
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:network-acl/acl-1`,
      vpcId: "vpc-1",
      isDefault: true,
      subnetIds: ["subnet-1"],
      entries: [
        { ruleNumber: 100, protocol: "6", action: "allow", egress: false, cidr: "0.0.0.0/0", portRange: { from: 22, to: 22 } },
        { ruleNumber: 32768, protocol: "-1", action: "deny", egress: false, cidr: "::/0" },
      ],
    });
    expect(us.instances?.ok && us.instances.value[0]).toMatchObject({
      instanceId: "i-1",
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`,
      state: "running",
      name: "web",
      publicIp: "54.1.2.3",
      securityGroupIds: ["sg-us-east-1-1"],
      networkInterfaces: [{ networkInterfaceId: "eni-1", groupIds: ["sg-us-east-1-1"], publicIp: "54.1.2.3", ipv6Addresses: [] }],
      metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1, state: "applied" },
      launchTime: "2026-01-01T00:00:00.000Z",
    });
    expect(us.volumes?.ok && us.volumes.value).toEqual([
      {
        volumeId: "vol-1",
        arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-1`,
        encrypted: false,
        state: "in-use",
        sizeGiB: 8,
        attachedInstanceIds: ["i-1"],
      },
    ]);

    // Snapshots: only the account's own, each with its own permission read (one of which failed).
    expect(east.commandCalls(DescribeSnapshotsCommand)[0]?.args[0].input).toMatchObject({ OwnerIds: ["self"] });
    const snaps = us.snapshots?.ok ? us.snapshots.value : [];
    expect(snaps.map((s) => s.snapshotId)).toEqual(["snap-1", "snap-2"]);
    expect(snaps[0]).toMatchObject({
      arn: "arn:aws:ec2:us-east-1::snapshot/snap-1",
      createVolumePermissions: { ok: true, value: [{ group: "all" }] },
    });
    expect(snaps[1]?.createVolumePermissions).toMatchObject({
      ok: false,
      error: { operation: "DescribeSnapshotAttribute", resource: "snap-2" },
    });
    expect(east.commandCalls(DescribeSnapshotAttributeCommand).map((c) => c.args[0].input)).toEqual([
      { SnapshotId: "snap-1", Attribute: "createVolumePermission" },
      { SnapshotId: "snap-2", Attribute: "createVolumePermission" },
    ]);

    expect(east.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toMatchObject({ Owners: ["self"] });
    expect(us.images).toEqual({
      ok: true,
      value: [{ imageId: "ami-1", arn: "arn:aws:ec2:us-east-1::image/ami-1", name: "golden", public: true, ownerId: ACCOUNT }],
    });
    expect(us.vpcs).toEqual({
      ok: true,
      value: [{ vpcId: "vpc-1", arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/vpc-1`, isDefault: true, cidrBlock: "172.31.0.0/16" }],
    });
    expect(us.flowLogs).toEqual({ ok: true, value: [{ flowLogId: "fl-1", resourceId: "vpc-1", status: "ACTIVE", trafficType: "REJECT" }] });

    // Every failure is recorded once, with its region.
    expect(ctx.errors.map((e) => `${e.region}:${e.operation}:${e.code}:${e.resource ?? ""}`).sort()).toEqual([
      "eu-west-1:DescribeSecurityGroups:UnauthorizedOperation:",
      "eu-west-1:DescribeSnapshotAttribute:UnauthorizedOperation:snap-2",
      "us-east-1:DescribeSnapshotAttribute:UnauthorizedOperation:snap-2",
    ]);
  });

  it("collects only the wanted slices", async () => {
    const { session, ctx, east, west } = setup(["ec2.ebsEncryptionByDefault", "ec2.snapshots"]);
    sessions.push(session);
    seedRegion(east, "us-east-1");
    seedRegion(west, "eu-west-1");
    const inv = await collect(service, ctx);
    expect(Object.keys(inv.regions["us-east-1"]!).sort()).toEqual(["ebsEncryptionByDefault", "snapshots"]);
    expect(east.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(0);
    expect(east.commandCalls(DescribeSnapshotAttributeCommand)).toHaveLength(0);
    const snaps = inv.regions["eu-west-1"]?.snapshots;
    expect(snaps?.ok && snaps.value.every((s) => s.createVolumePermissions === undefined)).toBe(true);
  });

  it("a failed snapshot listing leaves no permissions to guess and makes no attribute calls", async () => {
    const { session, ctx, east, west } = setup(["ec2.snapshots", "ec2.snapshotPermissions"]);
    sessions.push(session);
    seedRegion(east, "us-east-1");
    seedRegion(west, "eu-west-1");
    east.on(DescribeSnapshotsCommand).rejects(unauthorized());
    const inv = await collect(service, ctx);
    expect(inv.regions["us-east-1"]?.snapshots).toMatchObject({ ok: false, error: { operation: "DescribeSnapshots" } });
    expect(east.commandCalls(DescribeSnapshotAttributeCommand)).toHaveLength(0);
    expect(inv.regions["eu-west-1"]?.snapshots?.ok).toBe(true);
  });
});

describe("ec2 addresses, subnets, routing, peering and account-level defaults", () => {
  it("maps each shape; an account without metadata defaults reads as an empty record, not an error", async () => {
    const { session, ctx, east, west } = setup([
      "ec2.addresses",
      "ec2.subnets",
      "ec2.routeTables",
      "ec2.vpcPeeringConnections",
      "ec2.snapshotBlockPublicAccess",
      "ec2.imageBlockPublicAccess",
      "ec2.instanceMetadataDefaults",
    ]);
    sessions.push(session);
    seedNetworkAndDefaults(east);
    seedNetworkAndDefaults(west);
    west.on(GetInstanceMetadataDefaultsCommand).resolves({});
    west.on(GetSnapshotBlockPublicAccessStateCommand).rejects(unauthorized());
    const inv = await collect(service, ctx);
    const us = inv.regions["us-east-1"]!;
    expect(us.addresses).toEqual({
      ok: true,
      value: [
        {
          publicIp: "54.1.2.3",
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:elastic-ip/eipalloc-1`,
          allocationId: "eipalloc-1",
          domain: "vpc",
          associationId: "eipassoc-1",
          instanceId: "i-1",
          networkInterfaceId: "eni-1",
        },
        {
          publicIp: "54.9.9.9",
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:elastic-ip/eipalloc-2`,
          allocationId: "eipalloc-2",
          domain: "vpc",
          tags: { env: "old" },
        },
      ],
    });
    expect(us.subnets).toEqual({
      ok: true,
      value: [
        {
          subnetId: "subnet-1",
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-1`,
          vpcId: "vpc-1",
          cidrBlock: "172.31.0.0/20",
          availabilityZone: "us-east-1a",
          mapPublicIpOnLaunch: true,
          assignIpv6AddressOnCreation: false,
          defaultForAz: true,
          name: "public-a",
          tags: { Name: "public-a" },
        },
      ],
    });
    expect(us.routeTables).toEqual({
      ok: true,
      value: [
        {
          routeTableId: "rtb-1",
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:route-table/rtb-1`,
          vpcId: "vpc-1",
          routes: [
            { destination: "172.31.0.0/16", destinationType: "cidr", gatewayId: "local", state: "active" },
            { destination: "10.20.0.0/16", destinationType: "cidr", vpcPeeringConnectionId: "pcx-1", state: "active" },
            { destination: "::/0", destinationType: "ipv6", gatewayId: "igw-1", state: "active" },
            { destination: "pl-1", destinationType: "prefix-list", gatewayId: "vpce-1" },
          ],
          subnetIds: ["subnet-1"],
          main: true,
        },
      ],
    });
    expect(us.vpcPeeringConnections).toEqual({
      ok: true,
      value: [
        {
          vpcPeeringConnectionId: "pcx-1",
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-peering-connection/pcx-1`,
          status: "active",
          requester: { vpcId: "vpc-1", ownerId: ACCOUNT, region: "us-east-1", cidrBlocks: ["172.31.0.0/16"] },
          accepter: {
            vpcId: "vpc-peer",
            ownerId: "210987654321",
            region: "us-east-1",
            cidrBlocks: ["10.20.0.0/16", "10.21.0.0/16", "2600:1f18:1::/56"],
          },
        },
      ],
    });
    expect(us.snapshotBlockPublicAccess).toEqual({ ok: true, value: { state: "block-new-sharing", managedBy: "account" } });
    expect(us.imageBlockPublicAccess).toEqual({ ok: true, value: { state: "block-new-sharing", managedBy: "account" } });
    expect(us.instanceMetadataDefaults).toEqual({
      ok: true,
      value: { httpTokens: "required", httpPutResponseHopLimit: 2, managedBy: "account" },
    });
    const eu = inv.regions["eu-west-1"]!;
    expect(eu.instanceMetadataDefaults).toEqual({ ok: true, value: {} });
    expect(eu.snapshotBlockPublicAccess).toMatchObject({
      ok: false,
      error: { operation: "GetSnapshotBlockPublicAccessState", region: "eu-west-1" },
    });
    // One call per operation per region; the listings ask for the largest pages.
    expect(east.commandCalls(DescribeSubnetsCommand)[0]?.args[0].input).toEqual({ MaxResults: 1000 });
    expect(east.commandCalls(DescribeRouteTablesCommand)[0]?.args[0].input).toEqual({ MaxResults: 100 });
    expect(east.commandCalls(DescribeVpcPeeringConnectionsCommand)[0]?.args[0].input).toEqual({ MaxResults: 1000 });
    expect(east.commandCalls(DescribeAddressesCommand)).toHaveLength(1);
  });
});

describe("ec2 instance profiles", () => {
  it("records the instance profile's ARN, and null (not absence) for an instance without one", async () => {
    const { session, ctx, east, west } = setup(["ec2.instances"]);
    sessions.push(session);
    west.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    east.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: "i-role",
              State: { Name: "running" },
              IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app`, Id: "AIPAAPP" },
            },
            { InstanceId: "i-bare", State: { Name: "stopped" } },
          ],
        },
      ],
    });
    const inv = await collect(service, ctx);
    const list = inv.regions["us-east-1"]?.instances;
    expect(list?.ok && list.value.map((i) => [i.instanceId, i.iamInstanceProfileArn])).toEqual([
      ["i-role", `arn:aws:iam::${ACCOUNT}:instance-profile/app`],
      ["i-bare", null],
    ]);
    // null survives the snapshot's JSON; an old snapshot simply lacks the key.
    expect(JSON.parse(JSON.stringify(list))).toMatchObject({ value: [{}, { iamInstanceProfileArn: null }] });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  type DBInstance as SdkInstance,
} from "@aws-sdk/client-rds";
import type { SliceId } from "../../../src/inventory/index.js";
import service from "../../../src/services/rds/index.js";
import type { RdsInventory } from "../../../src/services/rds/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const US = "us-east-1";
const EU = "eu-west-1";

const sdkInstance = (id: string, extra: Partial<SdkInstance> = {}): SdkInstance => ({
  DBInstanceIdentifier: id,
  DBInstanceArn: `arn:aws:rds:${US}:${ACCOUNT}:db:${id}`,
  Engine: "postgres",
  EngineVersion: "16.3",
  DBInstanceClass: "db.t4g.micro",
  DBInstanceStatus: "available",
  PubliclyAccessible: false,
  StorageEncrypted: false,
  MultiAZ: false,
  AutoMinorVersionUpgrade: true,
  DeletionProtection: false,
  IAMDatabaseAuthenticationEnabled: false,
  BackupRetentionPeriod: 1,
  DbInstancePort: 0,
  Endpoint: { Address: `${id}.x.${US}.rds.amazonaws.com`, Port: 5432 },
  DBSubnetGroup: { VpcId: "vpc-1" },
  VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-1", Status: "active" }],
  ...extra,
});

let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(regions: string[], wanted: SliceId[] = allSlicesOf(service)) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, regions, session);
  const mocks = Object.fromEntries([US, EU].map((r) => [r, mockClient(session.client(RDSClient, "rds", r))]));
  for (const m of Object.values(mocks)) {
    for (const [command, key] of [
      [DescribeDBInstancesCommand, "DBInstances"],
      [DescribeDBClustersCommand, "DBClusters"],
      [DescribeDBSnapshotsCommand, "DBSnapshots"],
      [DescribeDBClusterSnapshotsCommand, "DBClusterSnapshots"],
    ] as const) {
      m.on(command).resolves({ [key]: [] });
    }
  }
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

describe("rds collector", () => {
  it("reads every listing page by page, and the restore attribute of every snapshot but automated ones", async () => {
    const { ctx, mocks } = setup([US]);
    const us = mocks[US]!;
    us.on(DescribeDBInstancesCommand)
      .resolvesOnce({ DBInstances: [sdkInstance("a")], Marker: "m1" })
      .resolves({
        DBInstances: [
          sdkInstance("b", {
            Engine: "aurora-postgresql",
            DBClusterIdentifier: "c1",
            PubliclyAccessible: true,
            StorageEncrypted: true,
            KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
            Endpoint: undefined,
            DbInstancePort: 5433,
            NetworkType: "DUAL",
          }),
        ],
      });
    us.on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        {
          DBClusterIdentifier: "c1",
          DBClusterArn: `arn:aws:rds:${US}:${ACCOUNT}:cluster:c1`,
          Engine: "aurora-postgresql",
          EngineMode: "provisioned",
          StorageEncrypted: true,
          MultiAZ: true,
          DeletionProtection: true,
          IAMDatabaseAuthenticationEnabled: true,
          BackupRetentionPeriod: 7,
          Port: 5432,
          DBClusterMembers: [{ DBInstanceIdentifier: "b", IsClusterWriter: true }],
          VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-2", Status: "active" }],
        },
      ],
    });
    us.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        {
          DBSnapshotIdentifier: "manual-1",
          DBSnapshotArn: `arn:aws:rds:${US}:${ACCOUNT}:snapshot:manual-1`,
          SnapshotType: "manual",
          DBInstanceIdentifier: "a",
          Encrypted: false,
        },
        {
          DBSnapshotIdentifier: "rds:a-2026-06-30",
          DBSnapshotArn: `arn:aws:rds:${US}:${ACCOUNT}:snapshot:rds:a-2026-06-30`,
          SnapshotType: "automated",
          DBInstanceIdentifier: "a",
        },
      ],
    });
    us.on(DescribeDBSnapshotAttributesCommand).resolves({
      DBSnapshotAttributesResult: {
        DBSnapshotIdentifier: "manual-1",
        DBSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: ["all", "210987654321"] }],
      },
    });
    us.on(DescribeDBClusterSnapshotsCommand).resolves({
      DBClusterSnapshots: [
        { DBClusterSnapshotIdentifier: "c1-manual", SnapshotType: "manual", DBClusterIdentifier: "c1", StorageEncrypted: true },
        { DBClusterSnapshotIdentifier: "rds:c1-2026-06-30", SnapshotType: "automated", DBClusterIdentifier: "c1", StorageEncrypted: true },
      ],
    });
    us.on(DescribeDBClusterSnapshotAttributesCommand).resolves({
      DBClusterSnapshotAttributesResult: { DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: [] }] },
    });

    const inv: RdsInventory = await collect(service, ctx);
    expect(ctx.errors).toEqual([]);
    const region = inv.regions[US]!;
    expect(region.instances).toEqual({
      ok: true,
      value: [
        {
          id: "a",
          arn: `arn:aws:rds:${US}:${ACCOUNT}:db:a`,
          engine: "postgres",
          engineVersion: "16.3",
          instanceClass: "db.t4g.micro",
          status: "available",
          publiclyAccessible: false,
          storageEncrypted: false,
          multiAz: false,
          autoMinorVersionUpgrade: true,
          deletionProtection: false,
          iamDatabaseAuthentication: false,
          backupRetentionPeriod: 1,
          port: 5432,
          endpointAddress: `a.x.${US}.rds.amazonaws.com`,
          vpcId: "vpc-1",
          vpcSecurityGroups: [{ groupId: "sg-1", status: "active" }],
        },
        expect.objectContaining({
          id: "b",
          clusterId: "c1",
          publiclyAccessible: true,
          storageEncrypted: true,
          kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
          // No endpoint yet: the instance's own port.
          port: 5433,
          networkType: "DUAL",
        }),
      ],
    });
    expect(region.clusters).toMatchObject({
      ok: true,
      value: [
        { id: "c1", memberIds: ["b"], multiAz: true, deletionProtection: true, iamDatabaseAuthentication: true, backupRetentionPeriod: 7 },
      ],
    });
    expect(region.snapshots).toMatchObject({
      ok: true,
      value: [
        {
          id: "manual-1",
          snapshotType: "manual",
          instanceId: "a",
          encrypted: false,
          restore: { ok: true, value: ["all", "210987654321"] },
        },
        { id: "rds:a-2026-06-30", snapshotType: "automated", restore: { ok: true, value: null } },
      ],
    });
    // A cluster snapshot without an ARN in the answer gets the one AWS would give it.
    expect(region.clusterSnapshots).toMatchObject({
      ok: true,
      value: [
        {
          id: "c1-manual",
          arn: `arn:aws:rds:${US}:${ACCOUNT}:cluster-snapshot:c1-manual`,
          encrypted: true,
          restore: { ok: true, value: [] },
        },
        { id: "rds:c1-2026-06-30", restore: { ok: true, value: null } },
      ],
    });
    // Pages of the largest size RDS allows, following the marker; attributes read for manual snapshots only.
    // (The paginator reuses one input object, so the first call's input shows the marker too: check the count and the last.)
    const instanceCalls = us.commandCalls(DescribeDBInstancesCommand);
    expect(instanceCalls).toHaveLength(2);
    expect(instanceCalls[1]?.args[0].input).toEqual({ MaxRecords: 100, Marker: "m1" });
    expect(us.commandCalls(DescribeDBSnapshotAttributesCommand).map((c) => c.args[0].input)).toEqual([
      { DBSnapshotIdentifier: "manual-1" },
    ]);
    expect(us.commandCalls(DescribeDBClusterSnapshotAttributesCommand).map((c) => c.args[0].input)).toEqual([
      { DBClusterSnapshotIdentifier: "c1-manual" },
    ]);
    expect(us.commandCalls(DescribeDBSnapshotsCommand)[0]?.args[0].input).toEqual({ MaxRecords: 100 });
  });

  it("records a failed read as data for exactly what it affects", async () => {
    const { ctx, mocks } = setup([US, EU]);
    mocks[EU]!.on(DescribeDBInstancesCommand).rejects(awsError("AccessDenied", 403));
    mocks[US]!.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        { DBSnapshotIdentifier: "s1", SnapshotType: "manual" },
        { DBSnapshotIdentifier: "s2", SnapshotType: "manual" },
      ],
    });
    mocks[US]!.on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: "s1" }).resolves({
      DBSnapshotAttributesResult: { DBSnapshotAttributes: [] },
    });
    mocks[US]!.on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: "s2" }).rejects(awsError("DBSnapshotNotFound", 404));
    const inv: RdsInventory = await collect(service, ctx);
    expect(inv.regions[EU]?.instances).toMatchObject({
      ok: false,
      error: { service: "rds", operation: "DescribeDBInstances", region: EU, code: "AccessDenied" },
    });
    expect(inv.regions[EU]?.clusters).toEqual({ ok: true, value: [] });
    const snapshots = inv.regions[US]?.snapshots;
    const [s1, s2] = snapshots?.ok ? snapshots.value : [];
    expect(s1?.restore).toEqual({ ok: true, value: [] });
    expect(s2?.restore).toMatchObject({
      ok: false,
      error: { operation: "DescribeDBSnapshotAttributes", code: "DBSnapshotNotFound", resource: "s2" },
    });
    expect(ctx.errors.map((e) => `${e.region} ${e.operation} ${e.code}`).sort()).toEqual([
      `${EU} DescribeDBInstances AccessDenied`,
      `${US} DescribeDBSnapshotAttributes DBSnapshotNotFound`,
    ]);
  });

  it("reads only the wanted slices", async () => {
    const { ctx, mocks } = setup([US], ["rds.instances"]);
    mocks[US]!.on(DescribeDBInstancesCommand).resolves({ DBInstances: [sdkInstance("a")] });
    const inv: RdsInventory = await collect(service, ctx);
    expect(Object.keys(inv.regions[US]!)).toEqual(["instances"]);
    for (const command of [DescribeDBClustersCommand, DescribeDBSnapshotsCommand, DescribeDBClusterSnapshotsCommand]) {
      expect(mocks[US]!.commandCalls(command)).toHaveLength(0);
    }
  });
});

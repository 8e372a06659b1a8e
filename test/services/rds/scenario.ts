import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeVpcsCommand,
  EC2Client,
  type IpPermission,
} from "@aws-sdk/client-ec2";
import {
  CreateDBClusterCommand,
  CreateDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  ModifyDBClusterSnapshotAttributeCommand,
  ModifyDBSnapshotAttributeCommand,
  RDSClient,
} from "@aws-sdk/client-rds";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** The account the private snapshots are shared with. */
export const AUDIT_ACCOUNT = "111122223333";

/** What the scenario made, for the assertions. */
export const SCENARIO = {
  /** us-east-1: PostgreSQL, encrypted, private, Multi-AZ, deletion protection, IAM authentication, 14 days of backups; its group admits 10.0.0.0/16 only. */
  orders: { id: "orders-db", port: 5432 },
  /** us-east-1: manual snapshot of orders-db, shared with AUDIT_ACCOUNT only. */
  ordersSnapshot: "orders-db-before-upgrade",
  /** us-east-1: Aurora MySQL cluster, encrypted, IAM authentication, 7 days of backups, no deletion protection; members in two zones. */
  analytics: { id: "analytics", members: ["analytics-1", "analytics-2"] },
  /** us-east-1: manual cluster snapshot of analytics, not shared. */
  analyticsSnapshot: "analytics-monthly",
  /** eu-west-1: MySQL, unencrypted, publicly accessible behind a group open to 0.0.0.0/0 on 3306, Single-AZ, unprotected, 1 day of backups, no minor upgrades, passwords only. */
  legacy: { id: "legacy-mysql", port: 3306 },
  /** eu-west-1: manual snapshot of legacy-mysql, restorable by every AWS account. */
  legacySnapshot: "legacy-mysql-export",
  kmsKeyId: `arn:aws:kms:${US}:${TEST_ACCOUNT}:key/6c2a4d1e-8b3f-4e5a-9c7d-0f1e2d3c4b5a`,
} as const;

const tcp = (port: number, cidr: string): IpPermission => ({
  IpProtocol: "tcp",
  FromPort: port,
  ToPort: port,
  IpRanges: [{ CidrIp: cidr }],
});

/** A security group in the region's default VPC admitting one rule. */
async function group(ec2: EC2Client, name: string, rule: IpPermission): Promise<string> {
  const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }));
  const vpcId = vpcs.Vpcs?.[0]?.VpcId;
  const groupId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpcId }))).GroupId;
  if (!groupId) throw new Error(`moto returned no id for ${name}`);
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [rule] }));
  return groupId;
}

/**
 * A well-kept PostgreSQL instance and an Aurora cluster in us-east-1, a neglected public MySQL
 * instance in eu-west-1; a private manual snapshot of each instance but the neglected one's, which
 * is public, and a private cluster snapshot. moto also takes an automated snapshot of every
 * instance and cluster when it is created, as RDS does: their attributes are not read.
 */
export async function seed(moto: MotoServer): Promise<void> {
  const rdsUs = new RDSClient(moto.clientConfig(US));
  const rdsEu = new RDSClient(moto.clientConfig(EU));
  const ec2Us = new EC2Client(moto.clientConfig(US));
  const ec2Eu = new EC2Client(moto.clientConfig(EU));
  try {
    const { orders, analytics, legacy, kmsKeyId } = SCENARIO;
    const ordersGroup = await group(ec2Us, "orders-db", tcp(orders.port, "10.0.0.0/16"));
    await rdsUs.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: orders.id,
        Engine: "postgres",
        EngineVersion: "16.3",
        DBInstanceClass: "db.m6g.large",
        AllocatedStorage: 100,
        MasterUsername: "orders_admin",
        MasterUserPassword: "not-a-real-password-1",
        Port: orders.port,
        VpcSecurityGroupIds: [ordersGroup],
        PubliclyAccessible: false,
        StorageEncrypted: true,
        KmsKeyId: kmsKeyId,
        MultiAZ: true,
        DeletionProtection: true,
        EnableIAMDatabaseAuthentication: true,
        BackupRetentionPeriod: 14,
        AutoMinorVersionUpgrade: true,
      }),
    );
    await rdsUs.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: orders.id, DBSnapshotIdentifier: SCENARIO.ordersSnapshot }));
    await rdsUs.send(
      new ModifyDBSnapshotAttributeCommand({
        DBSnapshotIdentifier: SCENARIO.ordersSnapshot,
        AttributeName: "restore",
        ValuesToAdd: [AUDIT_ACCOUNT],
      }),
    );

    await rdsUs.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: analytics.id,
        Engine: "aurora-mysql",
        EngineVersion: "8.0.mysql_aurora.3.05.2",
        MasterUsername: "analytics_admin",
        MasterUserPassword: "not-a-real-password-2",
        VpcSecurityGroupIds: [ordersGroup],
        StorageEncrypted: true,
        KmsKeyId: kmsKeyId,
        DeletionProtection: false,
        EnableIAMDatabaseAuthentication: true,
        BackupRetentionPeriod: 7,
      }),
    );
    for (const [i, memberId] of analytics.members.entries()) {
      await rdsUs.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: memberId,
          DBClusterIdentifier: analytics.id,
          Engine: "aurora-mysql",
          DBInstanceClass: "db.r6g.large",
          AvailabilityZone: `${US}${"ab"[i]}`,
          PubliclyAccessible: false,
          AutoMinorVersionUpgrade: true,
        }),
      );
    }
    await rdsUs.send(
      new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: analytics.id, DBClusterSnapshotIdentifier: SCENARIO.analyticsSnapshot }),
    );

    const openGroup = await group(ec2Eu, "legacy-db-open", tcp(legacy.port, "0.0.0.0/0"));
    await rdsEu.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: legacy.id,
        Engine: "mysql",
        EngineVersion: "8.0.35",
        DBInstanceClass: "db.t3.micro",
        AllocatedStorage: 20,
        MasterUsername: "admin",
        MasterUserPassword: "not-a-real-password-3",
        Port: legacy.port,
        VpcSecurityGroupIds: [openGroup],
        PubliclyAccessible: true,
        StorageEncrypted: false,
        MultiAZ: false,
        DeletionProtection: false,
        BackupRetentionPeriod: 1,
        AutoMinorVersionUpgrade: false,
      }),
    );
    await rdsEu.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: legacy.id, DBSnapshotIdentifier: SCENARIO.legacySnapshot }));
    await rdsEu.send(
      new ModifyDBSnapshotAttributeCommand({
        DBSnapshotIdentifier: SCENARIO.legacySnapshot,
        AttributeName: "restore",
        ValuesToAdd: ["all"],
      }),
    );
  } finally {
    for (const c of [rdsUs, rdsEu, ec2Us, ec2Eu]) c.destroy();
  }
}

/** eu-west-1: an unencrypted Aurora PostgreSQL cluster without instances, and a manual snapshot of it that every AWS account may restore. */
export const PUBLIC_CLUSTER_SNAPSHOT = { cluster: "scratch", snapshot: "scratch-share" } as const;

export async function addPublicClusterSnapshot(moto: MotoServer): Promise<void> {
  const rds = new RDSClient(moto.clientConfig(EU));
  const { cluster, snapshot } = PUBLIC_CLUSTER_SNAPSHOT;
  try {
    await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: cluster,
        Engine: "aurora-postgresql",
        MasterUsername: "scratch_admin",
        MasterUserPassword: "not-a-real-password-4",
        StorageEncrypted: false,
      }),
    );
    await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: cluster, DBClusterSnapshotIdentifier: snapshot }));
    await rds.send(
      new ModifyDBClusterSnapshotAttributeCommand({
        DBClusterSnapshotIdentifier: snapshot,
        AttributeName: "restore",
        ValuesToAdd: ["all"],
      }),
    );
  } finally {
    rds.destroy();
  }
}

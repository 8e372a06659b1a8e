/** SDK shapes → RDS inventory. */
import type {
  DBCluster as SdkCluster,
  DBClusterSnapshot as SdkClusterSnapshot,
  DBClusterSnapshotAttribute,
  DBInstance as SdkInstance,
  DBSnapshot as SdkSnapshot,
  DBSnapshotAttribute,
  VpcSecurityGroupMembership as SdkMembership,
} from "@aws-sdk/client-rds";
import { opt } from "../../collect/sdk.js";
import type { DbCluster, DbClusterSnapshot, DbInstance, DbSnapshot, VpcSecurityGroupMembership } from "./inventory.js";

/** Where a resource lives, for the ARN of one AWS left out (it always gives one). */
export interface ArnScope {
  partition: string;
  region: string;
  accountId: string;
}

const arnOf = (s: ArnScope, kind: string, id: string) => `arn:${s.partition}:rds:${s.region}:${s.accountId}:${kind}:${id}`;

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

const memberships = (list: SdkMembership[] | undefined): VpcSecurityGroupMembership[] =>
  (list ?? []).filter((m) => m.VpcSecurityGroupId).map((m) => ({ groupId: m.VpcSecurityGroupId as string, ...opt("status", m.Status) }));

/** The port clients connect to: the endpoint's (absent while the instance is being created), else DbInstancePort when set. */
const portOf = (i: SdkInstance): number | undefined => i.Endpoint?.Port ?? (i.DbInstancePort ? i.DbInstancePort : undefined);

export function toInstance(i: SdkInstance, s: ArnScope): DbInstance {
  const id = i.DBInstanceIdentifier ?? "";
  return {
    id,
    arn: i.DBInstanceArn ?? arnOf(s, "db", id),
    engine: i.Engine ?? "",
    ...opt("engineVersion", i.EngineVersion),
    ...opt("instanceClass", i.DBInstanceClass),
    ...opt("status", i.DBInstanceStatus),
    ...opt("clusterId", i.DBClusterIdentifier),
    ...opt("readReplicaSourceId", i.ReadReplicaSourceDBInstanceIdentifier),
    publiclyAccessible: i.PubliclyAccessible === true,
    storageEncrypted: i.StorageEncrypted === true,
    ...opt("kmsKeyId", i.KmsKeyId),
    multiAz: i.MultiAZ === true,
    autoMinorVersionUpgrade: i.AutoMinorVersionUpgrade === true,
    deletionProtection: i.DeletionProtection === true,
    iamDatabaseAuthentication: i.IAMDatabaseAuthenticationEnabled === true,
    ...opt("backupRetentionPeriod", i.BackupRetentionPeriod),
    ...opt("port", portOf(i)),
    ...opt("endpointAddress", i.Endpoint?.Address),
    ...opt("vpcId", i.DBSubnetGroup?.VpcId),
    vpcSecurityGroups: memberships(i.VpcSecurityGroups),
    ...opt("networkType", i.NetworkType),
  };
}

export function toCluster(c: SdkCluster, s: ArnScope): DbCluster {
  const id = c.DBClusterIdentifier ?? "";
  return {
    id,
    arn: c.DBClusterArn ?? arnOf(s, "cluster", id),
    engine: c.Engine ?? "",
    ...opt("engineVersion", c.EngineVersion),
    ...opt("engineMode", c.EngineMode),
    ...opt("status", c.Status),
    storageEncrypted: c.StorageEncrypted === true,
    ...opt("kmsKeyId", c.KmsKeyId),
    multiAz: c.MultiAZ === true,
    deletionProtection: c.DeletionProtection === true,
    iamDatabaseAuthentication: c.IAMDatabaseAuthenticationEnabled === true,
    ...opt("backupRetentionPeriod", c.BackupRetentionPeriod),
    memberIds: (c.DBClusterMembers ?? []).flatMap((m) => (m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : [])),
    ...opt("port", c.Port),
    vpcSecurityGroups: memberships(c.VpcSecurityGroups),
  };
}

export function toSnapshot(x: SdkSnapshot, s: ArnScope): DbSnapshot {
  const id = x.DBSnapshotIdentifier ?? "";
  return {
    id,
    arn: x.DBSnapshotArn ?? arnOf(s, "snapshot", id),
    ...opt("instanceId", x.DBInstanceIdentifier),
    ...opt("engine", x.Engine),
    snapshotType: x.SnapshotType ?? "",
    encrypted: x.Encrypted === true,
    ...opt("kmsKeyId", x.KmsKeyId),
    ...opt("status", x.Status),
    ...opt("createdAt", iso(x.SnapshotCreateTime)),
  };
}

export function toClusterSnapshot(x: SdkClusterSnapshot, s: ArnScope): DbClusterSnapshot {
  const id = x.DBClusterSnapshotIdentifier ?? "";
  return {
    id,
    arn: x.DBClusterSnapshotArn ?? arnOf(s, "cluster-snapshot", id),
    ...opt("clusterId", x.DBClusterIdentifier),
    ...opt("engine", x.Engine),
    snapshotType: x.SnapshotType ?? "",
    encrypted: x.StorageEncrypted === true,
    ...opt("kmsKeyId", x.KmsKeyId),
    ...opt("status", x.Status),
    ...opt("createdAt", iso(x.SnapshotCreateTime)),
  };
}

/** The values of the "restore" attribute (no such attribute: nobody else may restore the snapshot). */
export const restoreValues = (attributes: (DBSnapshotAttribute | DBClusterSnapshotAttribute)[] | undefined): string[] =>
  (attributes ?? []).filter((a) => a.AttributeName === "restore").flatMap((a) => a.AttributeValues ?? []);

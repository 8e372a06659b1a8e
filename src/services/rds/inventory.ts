import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";

/** A VPC security group an instance or cluster is a member of, with RDS's status of the membership. */
export interface VpcSecurityGroupMembership {
  groupId: string;
  /** "active" | "adding" | "removing" | … */
  status?: string;
}

/** A DB instance, as DescribeDBInstances gives it (RDS, Aurora, Neptune and DocumentDB instances alike). */
export interface DbInstance {
  /** DBInstanceIdentifier. */
  id: string;
  arn: string;
  /** "postgres", "mysql", "aurora-postgresql", "sqlserver-se", "neptune", … */
  engine: string;
  engineVersion?: string;
  instanceClass?: string;
  status?: string;
  /** The cluster the instance belongs to (Aurora, Multi-AZ DB clusters, Neptune, DocumentDB): storage, encryption, backups and deletion protection are the cluster's. */
  clusterId?: string;
  /** Set on a read replica: the instance it replicates. */
  readReplicaSourceId?: string;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  multiAz: boolean;
  autoMinorVersionUpgrade: boolean;
  deletionProtection: boolean;
  iamDatabaseAuthentication: boolean;
  /** Days automated backups are kept; 0: automated backups are off. Absent when AWS did not report it. */
  backupRetentionPeriod?: number;
  /** The port the instance listens on (its endpoint's, else DbInstancePort). */
  port?: number;
  endpointAddress?: string;
  vpcId?: string;
  vpcSecurityGroups: VpcSecurityGroupMembership[];
  /** "IPV4" | "DUAL"; absent when AWS did not report it (IPv4). */
  networkType?: string;
}

/** A DB cluster, as DescribeDBClusters gives it (Aurora, Multi-AZ DB clusters, Neptune, DocumentDB). */
export interface DbCluster {
  /** DBClusterIdentifier. */
  id: string;
  arn: string;
  engine: string;
  engineVersion?: string;
  /** "provisioned" | "serverless" | "parallelquery" | "global" | "multimaster". */
  engineMode?: string;
  status?: string;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  /** Whether the cluster has instances in more than one Availability Zone. */
  multiAz: boolean;
  deletionProtection: boolean;
  iamDatabaseAuthentication: boolean;
  /** Days automated backups are kept. Absent when AWS did not report it. */
  backupRetentionPeriod?: number;
  /** The DB instances of the cluster. */
  memberIds: string[];
  port?: number;
  vpcSecurityGroups: VpcSecurityGroupMembership[];
}

/**
 * Who may restore a manual snapshot: the values of its "restore" attribute, account ids or "all"
 * (public). `null`: not read, because the snapshot is automated, and AWS shares no automated snapshot.
 */
export type RestoreAttribute = string[] | null;

/** A DB instance snapshot owned by the account (DescribeDBSnapshots: manual, automated and AWS Backup ones). */
export interface DbSnapshot {
  /** DBSnapshotIdentifier ("rds:<instance>-<time>" for automated ones). */
  id: string;
  arn: string;
  instanceId?: string;
  engine?: string;
  /** "manual" | "automated" | "awsbackup" | … */
  snapshotType: string;
  encrypted: boolean;
  kmsKeyId?: string;
  status?: string;
  createdAt?: string;
  /** DescribeDBSnapshotAttributes; absent when not collected. */
  restore?: Fetched<RestoreAttribute>;
}

/** A DB cluster snapshot owned by the account (DescribeDBClusterSnapshots). */
export interface DbClusterSnapshot {
  /** DBClusterSnapshotIdentifier. */
  id: string;
  arn: string;
  clusterId?: string;
  engine?: string;
  snapshotType: string;
  encrypted: boolean;
  kmsKeyId?: string;
  status?: string;
  createdAt?: string;
  /** DescribeDBClusterSnapshotAttributes; absent when not collected. */
  restore?: Fetched<RestoreAttribute>;
}

/** Everything RDS read in one region. */
export interface RdsRegionInventory {
  instances?: Fetched<DbInstance[]>;
  clusters?: Fetched<DbCluster[]>;
  snapshots?: Fetched<DbSnapshot[]>;
  clusterSnapshots?: Fetched<DbClusterSnapshot[]>;
}

export interface RdsInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, RdsRegionInventory>;
}

export const instanceResource = (i: Pick<DbInstance, "arn" | "id">): ResourceRef => ({
  arn: i.arn,
  id: i.id,
  type: "AWS::RDS::DBInstance",
});
export const clusterResource = (c: Pick<DbCluster, "arn" | "id">): ResourceRef => ({ arn: c.arn, id: c.id, type: "AWS::RDS::DBCluster" });
export const snapshotResource = (s: Pick<DbSnapshot, "arn" | "id">): ResourceRef => ({
  arn: s.arn,
  id: s.id,
  type: "AWS::RDS::DBSnapshot",
});
export const clusterSnapshotResource = (s: Pick<DbClusterSnapshot, "arn" | "id">): ResourceRef => ({
  arn: s.arn,
  id: s.id,
  type: "AWS::RDS::DBClusterSnapshot",
});

/** Snapshots whose "restore" attribute is read: all but automated ones, which AWS never shares. */
export const isShareable = (s: Pick<DbSnapshot, "snapshotType">): boolean => s.snapshotType !== "automated";

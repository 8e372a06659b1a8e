/** RDS builders for hand-made inventories (the fixture kit's, kept with the service's tests). */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { Ec2RegionInventory } from "../../../src/services/ec2/inventory.js";
import type { DbCluster, DbClusterSnapshot, DbInstance, DbSnapshot, RdsRegionInventory } from "../../../src/services/rds/inventory.js";
import { ACCOUNT, inventory, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

const KEY = `arn:aws:kms:${US}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A well-kept PostgreSQL instance in us-east-1: private, encrypted, Multi-AZ, protected, IAM auth, 7 days of backups. */
export function dbInstance(id: string, overrides: Partial<DbInstance> = {}, region = US): DbInstance {
  return {
    id,
    arn: `arn:aws:rds:${region}:${ACCOUNT}:db:${id}`,
    engine: "postgres",
    engineVersion: "16.3",
    instanceClass: "db.t4g.medium",
    status: "available",
    publiclyAccessible: false,
    storageEncrypted: true,
    kmsKeyId: KEY,
    multiAz: true,
    autoMinorVersionUpgrade: true,
    deletionProtection: true,
    iamDatabaseAuthentication: true,
    backupRetentionPeriod: 7,
    port: 5432,
    endpointAddress: `${id}.abcdefghijkl.${region}.rds.amazonaws.com`,
    vpcId: "vpc-1",
    vpcSecurityGroups: [{ groupId: "sg-db", status: "active" }],
    ...overrides,
  };
}

/** A well-kept Aurora PostgreSQL cluster in us-east-1 with the given members. */
export function dbCluster(id: string, memberIds: string[] = [], overrides: Partial<DbCluster> = {}, region = US): DbCluster {
  return {
    id,
    arn: `arn:aws:rds:${region}:${ACCOUNT}:cluster:${id}`,
    engine: "aurora-postgresql",
    engineVersion: "16.3",
    engineMode: "provisioned",
    status: "available",
    storageEncrypted: true,
    kmsKeyId: KEY,
    multiAz: true,
    deletionProtection: true,
    iamDatabaseAuthentication: true,
    backupRetentionPeriod: 7,
    memberIds,
    port: 5432,
    vpcSecurityGroups: [{ groupId: "sg-db", status: "active" }],
    ...overrides,
  };
}

/** An Aurora member instance of `clusterId`: the instance-level fields AWS reports for one (no own Multi-AZ, protection, backups). */
export const member = (id: string, clusterId: string, overrides: Partial<DbInstance> = {}, region = US): DbInstance =>
  dbInstance(
    id,
    { engine: "aurora-postgresql", clusterId, multiAz: false, deletionProtection: false, iamDatabaseAuthentication: false, ...overrides },
    region,
  );

/** A manual, encrypted DB snapshot in us-east-1; its restore attribute is absent unless given. */
export const dbSnapshot = (id: string, overrides: Partial<DbSnapshot> = {}, region = US): DbSnapshot => ({
  id,
  arn: `arn:aws:rds:${region}:${ACCOUNT}:snapshot:${id}`,
  instanceId: "orders",
  engine: "postgres",
  snapshotType: "manual",
  encrypted: true,
  kmsKeyId: KEY,
  status: "available",
  ...overrides,
});

export const clusterSnapshot = (id: string, overrides: Partial<DbClusterSnapshot> = {}, region = US): DbClusterSnapshot => ({
  id,
  arn: `arn:aws:rds:${region}:${ACCOUNT}:cluster-snapshot:${id}`,
  clusterId: "analytics",
  engine: "aurora-postgresql",
  snapshotType: "manual",
  encrypted: true,
  kmsKeyId: KEY,
  status: "available",
  ...overrides,
});

type Listing<T> = T[] | Fetched<T[]>;
const fetched = <T>(x: Listing<T> | undefined): Fetched<T[]> | undefined => (x === undefined ? undefined : Array.isArray(x) ? ok(x) : x);

export interface RegionParts {
  instances?: Listing<DbInstance>;
  clusters?: Listing<DbCluster>;
  snapshots?: Listing<DbSnapshot>;
  clusterSnapshots?: Listing<DbClusterSnapshot>;
}

/** An inventory of these RDS regions (listings given as arrays are read; omitted ones are not collected), and optionally EC2 regions. */
export function rdsInventory(byRegion: Record<string, RegionParts>, ec2?: Record<string, Ec2RegionInventory>): Inventory {
  const regions = Object.fromEntries(
    Object.entries(byRegion).map(([region, parts]): [string, RdsRegionInventory] => [
      region,
      Object.fromEntries(Object.entries(parts).map(([field, listing]) => [field, fetched(listing as Listing<unknown>)])),
    ]),
  );
  return inventory({ regions: Object.keys(byRegion), rds: { regions }, ...(ec2 ? { ec2: { regions: ec2 } } : {}) });
}

/** Instances and clusters both read (the clusters empty unless given). */
export const databases = (instances: Listing<DbInstance>, clusters: Listing<DbCluster> = []): RegionParts => ({ instances, clusters });

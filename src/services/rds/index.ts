import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusters,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBInstances,
  paginateDescribeDBSnapshots,
  RDSClient,
} from "@aws-sdk/client-rds";
import { rdsChecks } from "../../../checks/rds/index.js";
import { allPages } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { clusterSnapshotResource, isShareable, snapshotResource, type RdsRegionInventory } from "./inventory.js";
import { restoreValues, toCluster, toClusterSnapshot, toInstance, toSnapshot } from "./shapes.js";

/** MaxRecords: every RDS Describe listing takes 20 to 100. */
const PAGE = 100;

const region = topSlices<RdsRegionInventory>();

const instances = region("instances", {
  id: "rds.instances",
  description:
    "DB instances: engine, cluster, public accessibility, encryption, Multi-AZ, backups, deletion protection, IAM authentication, security groups",
  operations: [op("rds", "DescribeDBInstances")],
  read: (ctx) =>
    allPages(paginateDescribeDBInstances({ client: ctx.client(RDSClient), pageSize: PAGE }, {}), (page) =>
      page.DBInstances?.map((i) => toInstance(i, ctx)),
    ),
});

const clusters = region("clusters", {
  id: "rds.clusters",
  description:
    "DB clusters (Aurora, Multi-AZ DB clusters): members, encryption, Multi-AZ, backups, deletion protection, IAM authentication",
  operations: [op("rds", "DescribeDBClusters")],
  read: (ctx) =>
    allPages(paginateDescribeDBClusters({ client: ctx.client(RDSClient), pageSize: PAGE }, {}), (page) =>
      page.DBClusters?.map((c) => toCluster(c, ctx)),
    ),
});

const snapshots = region("snapshots", {
  id: "rds.snapshots",
  description: "DB snapshots the account owns (manual, automated, AWS Backup)",
  operations: [op("rds", "DescribeDBSnapshots")],
  // The default listing: the account's own snapshots, not those shared with it or public ones of others.
  read: (ctx) =>
    allPages(paginateDescribeDBSnapshots({ client: ctx.client(RDSClient), pageSize: PAGE }, {}), (page) =>
      page.DBSnapshots?.map((x) => toSnapshot(x, ctx)),
    ),
  items: { resource: snapshotResource, name: (s) => s.id },
});

const snapshotAttributes = itemSlices(snapshots)("restore", {
  id: "rds.snapshotAttributes",
  description: 'who may restore each snapshot other than automated ones (the "restore" attribute: account ids, or "all")',
  operations: [op("rds", "DescribeDBSnapshotAttributes")],
  read: async (ctx, snapshot) => {
    // AWS cannot share an automated snapshot (it must be copied to a manual one first): no call.
    if (!isShareable(snapshot)) return null;
    const out = await ctx.client(RDSClient).send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: snapshot.id }));
    return restoreValues(out.DBSnapshotAttributesResult?.DBSnapshotAttributes);
  },
});

const clusterSnapshots = region("clusterSnapshots", {
  id: "rds.clusterSnapshots",
  description: "DB cluster snapshots the account owns (manual, automated, AWS Backup)",
  operations: [op("rds", "DescribeDBClusterSnapshots")],
  read: (ctx) =>
    allPages(paginateDescribeDBClusterSnapshots({ client: ctx.client(RDSClient), pageSize: PAGE }, {}), (page) =>
      page.DBClusterSnapshots?.map((x) => toClusterSnapshot(x, ctx)),
    ),
  items: { resource: clusterSnapshotResource, name: (s) => s.id },
});

const clusterSnapshotAttributes = itemSlices(clusterSnapshots)("restore", {
  id: "rds.clusterSnapshotAttributes",
  description: 'who may restore each cluster snapshot other than automated ones (the "restore" attribute)',
  operations: [op("rds", "DescribeDBClusterSnapshotAttributes")],
  read: async (ctx, snapshot) => {
    if (!isShareable(snapshot)) return null;
    const out = await ctx
      .client(RDSClient)
      .send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: snapshot.id }));
    return restoreValues(out.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes);
  },
});

export default defineService({
  id: "rds",
  title: "Amazon Relational Database Service (RDS)",
  scope: "regional",
  model: "container",
  clients: { rds: RDSClient },
  schemaType: "RdsInventory",
  slices: [instances, clusters, snapshots, snapshotAttributes, clusterSnapshots, clusterSnapshotAttributes],
  checks: rdsChecks,
});

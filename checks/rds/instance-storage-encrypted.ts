import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { databaseEvidence, databaseLabel, forEachDatabase } from "./lib/databases.js";

export default defineCheck({
  id: "rds-instance-storage-encrypted",
  title: "RDS DB instances and clusters encrypt their storage at rest",
  service: "rds",
  layer: "encryption",
  severity: "medium",
  needs: ["rds.instances", "rds.clusters"],
  rationale:
    "Without encryption at rest the database's storage, its automated backups, its snapshots and its read replicas hold the data " +
    "in the clear: a snapshot copied or shared by mistake can be read by anyone who restores it. Encryption can only be chosen " +
    "when a database is created. An instance outside any cluster passes when StorageEncrypted is true; an instance in a cluster " +
    "(Aurora, Multi-AZ DB cluster) uses the cluster's storage, so the cluster is judged instead, once, naming its members.",
  remediation: {
    text:
      "Encryption cannot be turned on in place: snapshot the database, copy the snapshot with a KMS key, restore a new " +
      "instance (or cluster) from the encrypted copy, move clients to it and delete the old one.",
    cli: "aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot-id> --target-db-snapshot-identifier <snapshot-id>-encrypted --kms-key-id <key-id>",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.2.1"], [FRAMEWORKS.fsbp]: ["RDS.3", "RDS.27"] },
  evaluate: (inv, ctx) =>
    forEachDatabase(inv, ctx, (db, { resource, region }) => {
      const { storageEncrypted, kmsKeyId } = db.kind === "instance" ? db.instance : db.cluster;
      const evidence = { ...databaseEvidence(db), storageEncrypted, kmsKeyId: kmsKeyId ?? null };
      return storageEncrypted
        ? pass(
            resource,
            region,
            `${databaseLabel(db)} encrypts its storage at rest${kmsKeyId ? ` with KMS key ${kmsKeyId}` : ""}.`,
            evidence,
          )
        : fail(
            resource,
            region,
            `${databaseLabel(db)} does not encrypt its storage at rest: its data, backups and snapshots are stored unencrypted.`,
            evidence,
          );
    }),
});

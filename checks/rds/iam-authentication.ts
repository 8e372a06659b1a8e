import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { databaseEvidence, databaseLabel, forEachDatabase } from "./lib/databases.js";

/** The engines that offer IAM database authentication (RDS for MariaDB, MySQL and PostgreSQL; Aurora MySQL and PostgreSQL). */
export const IAM_AUTH_ENGINES: ReadonlySet<string> = new Set([
  "mariadb",
  "mysql",
  "postgres",
  "aurora",
  "aurora-mysql",
  "aurora-postgresql",
]);

export default defineCheck({
  id: "rds-iam-authentication",
  title: "RDS DB instances and clusters accept IAM database authentication",
  service: "rds",
  layer: "identity",
  severity: "medium",
  needs: ["rds.instances", "rds.clusters"],
  rationale:
    "With IAM database authentication, applications connect with 15-minute tokens that IAM issues to their roles, over TLS, " +
    "instead of long-lived passwords kept in configuration; access is granted and revoked in IAM and logged by CloudTrail. " +
    "Judged for the engines that offer it (MariaDB, MySQL, PostgreSQL, Aurora MySQL, Aurora PostgreSQL): databases of other " +
    "engines (Oracle, SQL Server, Db2, Neptune, DocumentDB) are not judged. An instance outside any cluster passes when " +
    "IAMDatabaseAuthenticationEnabled is true; in a cluster the setting is the cluster's, so the cluster is judged instead of its members.",
  remediation: {
    text:
      "Enable IAM database authentication (password logins keep working), create database users for IAM " +
      "(AWSAuthenticationPlugin, rds_iam) and grant rds-db:connect to the roles that connect; for a cluster: aws rds modify-db-cluster --enable-iam-database-authentication.",
    cli: "aws rds modify-db-instance --db-instance-identifier <instance-id> --enable-iam-database-authentication --apply-immediately",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
    cliByResourceType: {
      "AWS::RDS::DBCluster":
        "aws rds modify-db-cluster --db-cluster-identifier <cluster-id> --enable-iam-database-authentication --apply-immediately",
    },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["RDS.10", "RDS.12"] },
  evaluate: (inv, ctx) =>
    forEachDatabase(inv, ctx, (db, { resource, region }) => {
      const { engine, iamDatabaseAuthentication } = db.kind === "instance" ? db.instance : db.cluster;
      if (!IAM_AUTH_ENGINES.has(engine)) return undefined;
      const evidence = { ...databaseEvidence(db), iamDatabaseAuthentication };
      return iamDatabaseAuthentication
        ? pass(resource, region, `${databaseLabel(db)} accepts IAM database authentication.`, evidence)
        : fail(
            resource,
            region,
            `${databaseLabel(db)} does not accept IAM database authentication: clients sign in with database passwords only.`,
            evidence,
          );
    }),
});

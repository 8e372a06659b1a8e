import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachInstance, instanceLabel } from "./lib/databases.js";

export default defineCheck({
  id: "rds-instance-auto-minor-version-upgrade",
  title: "RDS DB instances apply minor engine versions automatically",
  service: "rds",
  layer: "application",
  severity: "medium",
  needs: ["rds.instances"],
  rationale:
    "Minor engine versions carry the database engine's security fixes. With AutoMinorVersionUpgrade, RDS installs them in the " +
    "maintenance window; without it, the engine stays on a version with known vulnerabilities until someone upgrades it by hand. " +
    "Every instance is judged, Aurora cluster members too: Aurora sets this per instance.",
  remediation: {
    text: "Turn on automatic minor version upgrades (for a Multi-AZ DB cluster, on the cluster: aws rds modify-db-cluster --auto-minor-version-upgrade).",
    cli: "aws rds modify-db-instance --db-instance-identifier <instance-id> --auto-minor-version-upgrade --apply-immediately",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.2.2"], [FRAMEWORKS.fsbp]: ["RDS.13"] },
  evaluate: (inv, ctx) =>
    forEachInstance(inv, ctx, (i, { resource, region }) => {
      const evidence = {
        instance: i.id,
        engine: i.engine,
        ...(i.engineVersion ? { engineVersion: i.engineVersion } : {}),
        ...(i.clusterId ? { cluster: i.clusterId } : {}),
        autoMinorVersionUpgrade: i.autoMinorVersionUpgrade,
      };
      return i.autoMinorVersionUpgrade
        ? pass(resource, region, `${instanceLabel(i)} applies minor engine versions automatically.`, evidence)
        : fail(
            resource,
            region,
            `${instanceLabel(i)} does not apply minor engine versions automatically${i.engineVersion ? `: it stays on ${i.engineVersion} until upgraded by hand` : ""}.`,
            evidence,
          );
    }),
});

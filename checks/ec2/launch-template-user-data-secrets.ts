import { defineCheck, fail, pass } from "../../src/check.js";
import { forEachLaunchTemplate, sourceVersion, versionLabel } from "./lib/launch-templates.js";
import { describeDetections, describeUnscanned, detectionSeverity, scanEvidence } from "./lib/user-data.js";

export default defineCheck({
  id: "ec2-launch-template-user-data-secrets",
  title: "EC2 launch templates' user data holds no credentials (default and latest version)",
  service: "ec2",
  layer: "identity",
  severity: "critical",
  needs: ["ec2.launchTemplates"],
  rationale:
    "A launch template's user data is copied into every instance launched from it (where any process that reaches the instance " +
    "metadata service can read it) and can be read by anyone allowed ec2:DescribeLaunchTemplateVersions, for every version, until " +
    "the version is deleted. A credential there is handed to each new instance and to every reader of the template. Its layer is " +
    "identity, as for instance user data: the duty is how workloads get credentials (an instance profile role, Secrets Manager or " +
    "Parameter Store at boot). The default version (what launches use when no version is named) and the latest version (what " +
    "`$Latest` names, e.g. in Auto Scaling groups) are decoded and scanned with secretlint's recommended rules as they are read; " +
    "the scanner keeps only the rule, the place and a fingerprint, never the user data or the credential. Older versions are not " +
    "read, though they stay readable until deleted. AWS access keys and private keys are critical, other tokens and passwords high; " +
    "user data that could not be fully scanned is an ERROR for the template.",
  remediation: {
    text:
      "Revoke the credential first: it has been readable. Create a new version whose user data fetches the secret at boot, make it " +
      "the default (aws ec2 modify-launch-template --default-version), and delete the versions that hold the credential " +
      "(aws ec2 delete-launch-template-versions).",
    cli: "aws ec2 create-launch-template-version --launch-template-id <launch-template-id> --source-version <version> --launch-template-data file://launch-template-data.json",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-launch-template-versions.html",
    fill: { "launch-template-id": "evidence.launchTemplateId", version: "evidence.sourceVersion" },
  },
  compliance: {},
  noComplianceBecause:
    "Neither the CIS AWS Foundations Benchmark v6.0 nor Security Hub has a control for credentials in launch template user data.",
  evaluate: (inv, ctx) =>
    forEachLaunchTemplate(inv, ctx, (t, { resource, region, label }) => {
      const versions = t.versions.map((v) => ({
        versionNumber: v.versionNumber,
        isDefault: v.isDefault,
        isLatest: v.isLatest,
        scan: v.userData,
      }));
      const evidence = {
        launchTemplateId: t.launchTemplateId,
        launchTemplateName: t.launchTemplateName,
        versions: versions.map(({ scan, ...v }) => ({ ...v, userData: scan ? scanEvidence(scan) : null })),
      };
      const leaking = t.versions.filter((v) => v.userData && v.userData.detections.length > 0);
      if (leaking.length > 0) {
        const what = leaking.map((v) => `${versionLabel(v)}: ${describeDetections(v.userData!)}`).join("; ");
        return fail(
          resource,
          region,
          `${label} has credentials in its user data: ${what}.`,
          { ...evidence, sourceVersion: sourceVersion(leaking) ?? null },
          detectionSeverity(leaking.flatMap((v) => v.userData!.detections)),
        );
      }
      const partial = t.versions.filter((v) => v.userData && v.userData.unscanned.length > 0);
      if (partial.length > 0) {
        return ctx.unusable("ec2.launchTemplates", {
          resource,
          region,
          code: "UserDataNotScanned",
          message: `user data of ${label}: ${partial.map((v) => `${versionLabel(v)}, ${describeUnscanned(v.userData!)}`).join("; ")} could not be scanned for credentials`,
          about: t.launchTemplateId,
        });
      }
      const withData = t.versions.filter((v) => v.userData !== null);
      return pass(
        resource,
        region,
        withData.length === 0
          ? `${label} has no user data in ${t.versions.map(versionLabel).join(" or ")}.`
          : `${label}'s user data (${withData.map(versionLabel).join(", ")}) holds no credential the rules flag.`,
        evidence,
      );
    }),
});

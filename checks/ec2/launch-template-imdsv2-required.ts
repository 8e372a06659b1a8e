import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { LaunchTemplateVersion } from "../../src/services/ec2/launch-templates.js";
import { forEachLaunchTemplate, templateEvidence, sourceVersion, versionLabel } from "./lib/launch-templates.js";

/** IMDSv2 only, or no metadata service at all. */
const safe = (v: LaunchTemplateVersion): boolean =>
  v.metadataOptions?.httpTokens === "required" || v.metadataOptions?.httpEndpoint === "disabled";

const setting = (v: LaunchTemplateVersion): string =>
  v.metadataOptions?.httpTokens
    ? `HttpTokens=${v.metadataOptions.httpTokens}`
    : "no HttpTokens (the AMI's or the account's default decides, which allows IMDSv1 unless changed)";

export default defineCheck({
  id: "ec2-launch-template-imdsv2-required",
  title: "EC2 launch templates require IMDSv2 (default and latest version)",
  service: "ec2",
  layer: "os",
  severity: "medium",
  needs: ["ec2.launchTemplates"],
  rationale:
    "Every instance launched from a template gets the template's metadata options. A version that does not set HttpTokens=required " +
    "launches instances whose metadata service answers plain IMDSv1 GET requests, so a server-side request forgery or an open proxy " +
    "on them can read the instance role's credentials; ec2-instance-imdsv2-required then reports each such instance once it runs. " +
    "Judged on the default version (what launches use when none is named) and the latest (what `$Latest` names, e.g. in Auto Scaling " +
    "groups). Passes: both set HttpTokens=required, or disable the metadata service (HttpEndpoint=disabled). A version that leaves " +
    "HttpTokens unset fails, as in Security Hub's control: the template itself does not require IMDSv2.",
  remediation: {
    text: "Create a new version that requires IMDSv2 and make it the default (aws ec2 modify-launch-template --default-version).",
    cli: 'aws ec2 create-launch-template-version --launch-template-id <launch-template-id> --source-version <version> --launch-template-data \'{"MetadataOptions":{"HttpTokens":"required","HttpEndpoint":"enabled"}}\'',
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-170",
    fill: { "launch-template-id": "evidence.launchTemplateId", version: "evidence.sourceVersion" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.170"] },
  evaluate: (inv, ctx) =>
    forEachLaunchTemplate(inv, ctx, (t, { resource, region, label }) => {
      const evidence = templateEvidence(t, (v) => ({ metadataOptions: v.metadataOptions ?? null }));
      const unsafe = t.versions.filter((v) => !safe(v));
      if (unsafe.length === 0) {
        const how = t.versions.every((v) => v.metadataOptions?.httpEndpoint === "disabled")
          ? "disables the instance metadata service (HttpEndpoint=disabled)"
          : "requires IMDSv2";
        return pass(resource, region, `${label} ${how} in ${t.versions.map(versionLabel).join(" and ")}.`, evidence);
      }
      return fail(
        resource,
        region,
        `${label} launches instances that allow IMDSv1: ${unsafe.map((v) => `${versionLabel(v)} sets ${setting(v)}`).join("; ")}.`,
        { ...evidence, sourceVersion: sourceVersion(unsafe) ?? null },
      );
    }),
});

import { defineCheck, errorOutcome, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { analyzersResource, isExternalAccess } from "./lib/analyzers.js";

const describe = (a: { name: string; type: string; status: string; statusReason?: string }) =>
  `${a.name} (${a.type}, ${a.status}${a.statusReason ? `: ${a.statusReason}` : ""})`;

export default defineCheck({
  id: "accessanalyzer-enabled",
  title: "An IAM Access Analyzer external access analyzer is active in every region",
  service: "accessanalyzer",
  layer: "identity",
  severity: "high",
  needs: ["accessanalyzer.analyzers"],
  rationale:
    "An external access analyzer continuously reads the resource policies of S3 buckets, IAM roles, KMS keys, Lambda functions, " +
    "SQS queues, secrets and more, and reports every grant to a principal outside the account (or the organization): the " +
    "cross-account and public access nobody meant to give. Analyzers are regional and see only their own region's resources, so " +
    "every region needs one. A region passes when it has an analyzer of type ACCOUNT or ORGANIZATION whose status is ACTIVE. " +
    "Unused-access and internal-access analyzers (ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, *_INTERNAL_ACCESS) report " +
    "other things and do not count; nor does an analyzer that is CREATING, DISABLED or FAILED. An organization analyzer lives in " +
    "the management or delegated administrator account: a member account scanned on its own lists none.",
  remediation: {
    text: "Create an external access analyzer in each region (type ORGANIZATION from the management or delegated administrator account, else ACCOUNT).",
    cli: "aws accessanalyzer create-analyzer --region <region> --analyzer-name external-access --type ACCOUNT",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.19"], [FRAMEWORKS.securityHub]: ["IAM.28"] },
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = analyzersResource(inv, region);
      const listed = read("accessanalyzer.analyzers", region);
      if (!listed.ok) return errorOutcome(resource, region, listed.error);
      const analyzers = listed.value;
      const evidence = { analyzers: analyzers.map((a) => ({ name: a.name, arn: a.arn, type: a.type, status: a.status })) };
      const active = analyzers.find((a) => isExternalAccess(a) && a.status === "ACTIVE");
      if (active)
        return pass(resource, region, `IAM Access Analyzer in ${region}: external access analyzer ${describe(active)}.`, evidence);
      const external = analyzers.filter(isExternalAccess);
      if (external.length > 0)
        return fail(
          resource,
          region,
          `IAM Access Analyzer in ${region}: no external access analyzer is ACTIVE (${external.map(describe).join(", ")}).`,
          evidence,
        );
      const others = analyzers.length > 0 ? ` (only ${analyzers.map(describe).join(", ")}, which do not look for external access)` : "";
      return fail(resource, region, `IAM Access Analyzer in ${region}: no external access analyzer exists${others}.`, evidence);
    }),
});

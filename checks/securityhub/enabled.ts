import { defineCheck, errorOutcome, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { hubResource } from "./lib/hub.js";

export default defineCheck({
  id: "securityhub-enabled",
  title: "AWS Security Hub is enabled in every region",
  service: "securityhub",
  layer: "monitoring",
  severity: "medium",
  needs: ["securityhub.hub"],
  rationale:
    "Security Hub gathers the findings of GuardDuty, Inspector, Macie, IAM Access Analyzer and its own control checks in one place, " +
    "so a misconfiguration or an active threat is seen and acted on. It is regional: a region where it is not enabled has no " +
    "consolidated view and no control checks. A region passes when DescribeHub returns the account's hub there; AWS answers " +
    "InvalidAccessException (not subscribed) where it is not enabled.",
  remediation: {
    text: "Enable Security Hub in each region (with AWS Organizations, from the delegated administrator with central configuration).",
    cli: "aws securityhub enable-security-hub --region <region> --enable-default-standards",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["5.16"] },
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = hubResource(inv, region);
      const hub = read("securityhub.hub", region);
      if (!hub.ok) return errorOutcome(resource, region, hub.error);
      if (hub.value === null)
        return fail(resource, region, `Security Hub is not enabled in ${region}: DescribeHub says the account is not subscribed.`, {
          hub: null,
        });
      const since = hub.value.subscribedAt ? ` since ${hub.value.subscribedAt}` : "";
      return pass(resource, region, `Security Hub is enabled in ${region}${since} (hub ${hub.value.hubArn}).`, { hub: hub.value });
    }),
});

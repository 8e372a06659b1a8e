import { defineCheck, errorOutcome, fail, pass } from "../../src/check.js";
import type { CallError } from "../../src/inventory/index.js";
import type { ResourceRef } from "../../src/results.js";

export default defineCheck({
  id: "config-organization-aggregator",
  title: "The organization's management account aggregates AWS Config data from the whole organization",
  service: "config",
  layer: "monitoring",
  severity: "medium",
  needs: ["config.aggregators", "iam.organization"],
  rationale:
    "An aggregator with an organization source collects every member account's configuration and compliance into one " +
    "place, so a drifted account is seen without logging in to it. yourside scans one account at a time, so this is judged " +
    "where the duty lies: when the scanned account is its organization's management account (organizations:" +
    "DescribeOrganization), it passes when a configuration aggregator with an organization source exists in one of the " +
    "scanned regions (a delegated administrator account may hold it instead: mute the finding then). Member accounts and " +
    "accounts outside an organization pass, naming why; an organization that cannot be read is an ERROR.",
  remediation: {
    text: "In the management account (or a delegated administrator), create an aggregator for the organization with a role that may call organizations:ListAccounts.",
    cli: "aws configservice put-configuration-aggregator --configuration-aggregator-name organization --organization-aggregation-source RoleArn=<role-arn>,AllAwsRegions=true",
    url: "https://docs.aws.amazon.com/config/latest/developerguide/set-up-aggregator-cli.html",
  },
  compliance: {},
  noComplianceBecause: "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for AWS Config aggregators.",
  evaluate: (inv, { read }) => {
    const resource: ResourceRef = {
      arn: `arn:${inv.partition}:config::${inv.accountId}:organization-aggregation`,
      id: inv.accountId,
      type: "AWS::::Account",
    };
    const org = read("iam.organization");
    if (!org.ok) return [errorOutcome(resource, "global", org.error)];
    if (org.value === null)
      return [
        pass(resource, "global", "The account is not in an organization: there is no organization to aggregate.", { organization: null }),
      ];
    const organization = { id: org.value.id, managementAccountId: org.value.managementAccountId ?? null };
    const found: { region: string; aggregator: string }[] = [];
    const unread: CallError[] = [];
    for (const region of inv.regions) {
      const aggregators = read("config.aggregators", region);
      if (!aggregators.ok) {
        unread.push(aggregators.error);
        continue;
      }
      for (const a of aggregators.value) if (a.organizationSource) found.push({ region, aggregator: a.name });
    }
    const evidence = {
      organization,
      scannedRegions: inv.regions,
      organizationAggregators: found,
      ...(unread.length ? { unread: unread.map((e) => `${e.region} ${e.service}:${e.operation} ${e.code}`) } : {}),
    };
    const first = found[0];
    if (org.value.managementAccountId !== inv.accountId) {
      return [
        pass(
          resource,
          "global",
          `The account is a member of organization ${org.value.id}${first ? `, and holds an organization aggregator ("${first.aggregator}" in ${first.region})` : ": the management account (or a delegated administrator) holds its aggregator"}.`,
          evidence,
        ),
      ];
    }
    if (first)
      return [
        pass(resource, "global", `Organization ${org.value.id} is aggregated by "${first.aggregator}" in ${first.region}.`, evidence),
      ];
    const firstUnread = unread[0];
    if (firstUnread) return [{ ...errorOutcome(resource, "global", firstUnread), evidence }];
    return [
      fail(
        resource,
        "global",
        `This is the management account of organization ${org.value.id}, and no configuration aggregator with an organization source exists in the scanned regions (${inv.regions.join(", ")}).`,
        evidence,
      ),
    ];
  },
});

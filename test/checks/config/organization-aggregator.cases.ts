import check from "../../../checks/config/organization-aggregator.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Fetched } from "../../../src/inventory/index.js";
import type { ConfigAggregator } from "../../../src/services/config/inventory.js";
import type { IamOrganization } from "../../../src/services/iam/inventory.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok, OTHER_ACCOUNT } from "../../support/fixtures/index.js";
import { regional } from "../../support/fixtures/ec2.js";

const orgAggregator: ConfigAggregator = {
  name: "organization",
  arn: `arn:aws:config:eu-west-1:${ACCOUNT}:config-aggregator/config-aggregator-1`,
  organizationSource: { roleArn: `arn:aws:iam::${ACCOUNT}:role/config-aggregator`, allRegions: true, regions: [] },
  accountSources: [],
};
const accountsAggregator: ConfigAggregator = {
  name: "two-accounts",
  accountSources: [{ accountIds: [OTHER_ACCOUNT], allRegions: true, regions: [] }],
};
const managed: IamOrganization = { id: "o-abc123", managementAccountId: ACCOUNT, featureSet: "ALL" };
const member: IamOrganization = { id: "o-abc123", managementAccountId: OTHER_ACCOUNT };
const resource = { arn: `arn:aws:config::${ACCOUNT}:organization-aggregation`, id: ACCOUNT, type: "AWS::::Account" };

const account = (
  organization: Fetched<IamOrganization | null>,
  us: Fetched<ConfigAggregator[]>,
  eu: Fetched<ConfigAggregator[]> = ok([]),
): Inventory => ({
  ...regional({ config: { "us-east-1": { aggregators: us }, "eu-west-1": { aggregators: eu } } }),
  iam: { organization },
});

export default checkCases(check, {
  pass: [
    {
      name: "the management account with an organization aggregator in a scanned region",
      inventory: account(ok(managed), ok([accountsAggregator]), ok([orgAggregator])),
      findings: [
        {
          resource,
          region: "global",
          status: "PASS",
          message: 'Organization o-abc123 is aggregated by "organization" in eu-west-1.',
          evidence: { organizationAggregators: [{ region: "eu-west-1", aggregator: "organization" }] },
          responsibility: { layer: "monitoring" },
        },
      ],
    },
    {
      name: "a member account passes, naming who holds the aggregator",
      inventory: account(ok(member), ok([])),
      findings: [
        {
          status: "PASS",
          message:
            "The account is a member of organization o-abc123: the management account (or a delegated administrator) holds its aggregator.",
        },
      ],
    },
    {
      name: "not in an organization",
      inventory: account(ok(null), denied("config.aggregators", { code: "AccessDeniedException" })),
      findings: [{ status: "PASS", message: "The account is not in an organization: there is no organization to aggregate." }],
    },
  ],
  fail: [
    {
      name: "the management account without one (an account-source aggregator does not count): medium",
      inventory: account(ok(managed), ok([accountsAggregator])),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message:
            "This is the management account of organization o-abc123, and no configuration aggregator with an organization source exists in the scanned regions (us-east-1, eu-west-1).",
        },
      ],
    },
  ],
  error: [
    {
      name: "the organization could not be read",
      inventory: account(denied("iam.organization", { code: "AccessDeniedException" }), ok([orgAggregator])),
      findings: [{ resource, status: "ERROR", error: { operation: "DescribeOrganization", code: "AccessDeniedException" } }],
    },
    {
      name: "the management account, none found, and a region unread: ERROR, never FAIL",
      inventory: account(ok(managed), ok([]), denied("config.aggregators", { region: "eu-west-1", code: "AccessDeniedException" })),
      findings: [
        {
          status: "ERROR",
          error: { operation: "DescribeConfigurationAggregators", region: "eu-west-1" },
          evidence: { unread: ["eu-west-1 config:DescribeConfigurationAggregators AccessDeniedException"] },
        },
      ],
    },
  ],
});

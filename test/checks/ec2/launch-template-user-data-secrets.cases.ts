import check from "../../../checks/ec2/launch-template-user-data-secrets.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import {
  AWS_KEY_ID,
  defaultAndLatest,
  EU,
  POSTGRES,
  scan,
  SLACK,
  template,
  templatesInventory,
  US,
  version,
} from "../../services/ec2/user-data.fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "no user data, or user data the rules find nothing in, in the default and the latest version",
      inventory: templatesInventory({
        [US]: [template("lt-empty", "empty"), template("lt-clean", "clean", defaultAndLatest({ userData: scan() }, { userData: null }))],
      }),
      findings: [
        {
          status: "PASS",
          resource: {
            id: "lt-empty",
            type: "AWS::EC2::LaunchTemplate",
            arn: "arn:aws:ec2:us-east-1:123456789012:launch-template/lt-empty",
          },
          message: "Launch template empty (lt-empty) has no user data in version 1 (default, latest).",
          responsibility: { layer: "identity" },
        },
        {
          status: "PASS",
          resource: { id: "lt-clean" },
          message: "Launch template clean (lt-clean)'s user data (version 2 (default)) holds no credential the rules flag.",
          evidence: {
            versions: [
              { versionNumber: 2, userData: { detections: [] } },
              { versionNumber: 3, userData: null },
            ],
          },
        },
      ],
    },
  ],
  fail: [
    {
      name: "an AWS key in the latest version only, a database password in the default: critical, both versions named",
      inventory: templatesInventory({
        [US]: [template("lt-app", "app", defaultAndLatest({ userData: scan([POSTGRES]) }, { userData: scan([AWS_KEY_ID]) }))],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "critical",
          message:
            "Launch template app (lt-app) has credentials in its user data: version 2 (default): PostgreSQL connection string on line 7; version 3 (latest): AWS Access Key ID on line 3.",
          evidence: {
            launchTemplateId: "lt-app",
            versions: [
              { versionNumber: 2, isDefault: true, isLatest: false, userData: { detections: [POSTGRES] } },
              { versionNumber: 3, isDefault: false, isLatest: true, userData: { detections: [AWS_KEY_ID] } },
            ],
          },
        },
      ],
    },
    {
      name: "a token only: high",
      inventory: templatesInventory({
        [EU]: [template("lt-bot", "bot", [version(1, { userData: scan([SLACK], { format: "mime-multipart", parts: 2 }) })], EU)],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "high",
          region: EU,
          message:
            "Launch template bot (lt-bot) has credentials in its user data: version 1 (default, latest): Slack token in MIME part 2, line 1.",
        },
      ],
    },
  ],
  error: [
    {
      name: "the launch templates could not be read in one region; the other is judged",
      inventory: templatesInventory({
        [US]: denied("ec2.launchTemplates", { region: US }),
        [EU]: [template("lt-eu", "eu", [version(1)], EU)],
      }),
      findings: [
        { status: "ERROR", region: US, error: { operation: "DescribeLaunchTemplateVersions", code: "UnauthorizedOperation" } },
        { status: "PASS", region: EU },
      ],
    },
    {
      name: "a version whose user data could not all be scanned, and nothing found: not a PASS",
      inventory: templatesInventory({
        [US]: [template("lt-bin", "bin", [version(4, { userData: scan([], { unscanned: [{ reason: "binary content" }] }) })])],
      }),
      findings: [
        { status: "ERROR", error: { operation: "DescribeLaunchTemplateVersions", code: "UserDataNotScanned", resource: "lt-bin" } },
      ],
    },
  ],
});

import { expect } from "vitest";
import check from "../../../checks/ec2/launch-template-imdsv2-required.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { defaultAndLatest, template, templatesInventory, US, version } from "../../services/ec2/user-data.fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "HttpTokens=required in the default and latest version, or the metadata service disabled",
      inventory: templatesInventory({
        [US]: [
          template("lt-v2", "v2", defaultAndLatest({}, {})),
          template("lt-off", "off", [version(1, { metadataOptions: { httpEndpoint: "disabled" } })]),
        ],
      }),
      findings: [
        {
          status: "PASS",
          message: "Launch template v2 (lt-v2) requires IMDSv2 in version 2 (default) and version 3 (latest).",
          responsibility: { layer: "os" },
        },
        {
          status: "PASS",
          message:
            "Launch template off (lt-off) disables the instance metadata service (HttpEndpoint=disabled) in version 1 (default, latest).",
        },
      ],
    },
  ],
  fail: [
    {
      name: "a latest version with HttpTokens=optional, a default with no metadata options",
      inventory: templatesInventory({
        [US]: [
          template("lt-mixed", "mixed", defaultAndLatest({}, { metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled" } })),
          template("lt-unset", "unset", [version(1, { metadataOptions: undefined })]),
        ],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: "Launch template mixed (lt-mixed) launches instances that allow IMDSv1: version 3 (latest) sets HttpTokens=optional.",
          evidence: {
            versions: [
              { versionNumber: 2, metadataOptions: { httpTokens: "required" } },
              { versionNumber: 3, metadataOptions: { httpTokens: "optional" } },
            ],
          },
        },
        {
          status: "FAIL",
          message:
            "Launch template unset (lt-unset) launches instances that allow IMDSv1: version 1 (default, latest) sets no HttpTokens (the AMI's or the account's default decides, which allows IMDSv1 unless changed).",
          evidence: { versions: [{ metadataOptions: null }] },
        },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["EC2.170"] }),
    },
  ],
  error: [
    {
      name: "the launch templates could not be read",
      inventory: templatesInventory({ [US]: denied("ec2.launchTemplates", { region: US }) }),
    },
  ],
});

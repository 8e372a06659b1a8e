import { expect } from "vitest";
import check from "../../../checks/ec2/launch-template-public-ip.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { defaultAndLatest, template, templatesInventory, US, version } from "../../services/ec2/user-data.fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "AssociatePublicIpAddress false, unset (the subnet decides), or no interfaces at all",
      inventory: templatesInventory({
        [US]: [
          template("lt-private", "private", defaultAndLatest({}, { networkInterfaces: [{ deviceIndex: 0, groupIds: [] }] })),
          template("lt-bare", "bare", [version(1, { networkInterfaces: [] })]),
        ],
      }),
      findings: [
        {
          status: "PASS",
          message: "Launch template private (lt-private) assigns no public IP address in version 2 (default) or version 3 (latest).",
          responsibility: { layer: "network" },
        },
        { status: "PASS", resource: { id: "lt-bare" } },
      ],
    },
  ],
  fail: [
    {
      name: "the latest version asks for a public address on its second interface",
      inventory: templatesInventory({
        [US]: [
          template(
            "lt-edge",
            "edge",
            defaultAndLatest(
              {},
              {
                networkInterfaces: [
                  { deviceIndex: 0, groupIds: [] },
                  { deviceIndex: 1, associatePublicIpAddress: true, groupIds: ["sg-web"] },
                ],
              },
            ),
          ),
        ],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: "Launch template edge (lt-edge) assigns public IP addresses to instances it launches: version 3 (latest) (device 1).",
          evidence: {
            versions: [
              { versionNumber: 2 },
              { versionNumber: 3, networkInterfaces: [{ deviceIndex: 0 }, { deviceIndex: 1, associatePublicIpAddress: true }] },
            ],
          },
        },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["EC2.25"] }),
    },
  ],
  error: [
    {
      name: "the launch templates could not be read",
      inventory: templatesInventory({ [US]: denied("ec2.launchTemplates", { region: US }) }),
    },
  ],
});

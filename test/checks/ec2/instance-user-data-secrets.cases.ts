import { expect } from "vitest";
import check from "../../../checks/ec2/instance-user-data-secrets.js";
import { checkCases } from "../../support/check-tester.js";
import { instance } from "../../support/fixtures/ec2.js";
import { denied, ok } from "../../support/fixtures/index.js";
import {
  AWS_KEY_ID,
  AWS_SECRET_KEY,
  EU,
  instancesInventory,
  POSTGRES,
  scan,
  SLACK,
  US,
  withUserData,
} from "../../services/ec2/user-data.fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "no user data, or user data the rules find nothing in; terminated instances are not judged",
      inventory: instancesInventory({
        [US]: [
          withUserData(instance("i-none"), ok(null)),
          withUserData(instance("i-clean", { name: "web" }), ok(scan([], { format: "gzip+mime-multipart", parts: 2, bytes: 900 }))),
          instance("i-gone", { state: "terminated" }),
        ],
      }),
      findings: [
        {
          status: "PASS",
          resource: { id: "i-none", type: "AWS::EC2::Instance" },
          message: "Instance i-none has no user data.",
          evidence: { userData: null },
        },
        {
          status: "PASS",
          resource: { id: "i-clean" },
          message: "Instance i-clean (web)'s user data (900 bytes, gzip+mime-multipart) holds no credential the rules flag.",
          evidence: { userData: { bytes: 900, format: "gzip+mime-multipart", parts: 2, detections: [] } },
          responsibility: { layer: "identity" },
        },
      ],
    },
  ],
  fail: [
    {
      name: "an AWS access key: critical, named by rule and line, with its fingerprint and never the secret",
      inventory: instancesInventory({
        [US]: [withUserData(instance("i-leaky", { name: "batch" }), ok(scan([AWS_KEY_ID, AWS_SECRET_KEY, POSTGRES])))],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "critical",
          region: US,
          message:
            "Instance i-leaky (batch) has credentials in its user data: AWS Access Key ID on line 3, AWS Secret Access Key on line 4, PostgreSQL connection string on line 7.",
          evidence: {
            instanceId: "i-leaky",
            state: "running",
            userData: { format: "text", detections: [AWS_KEY_ID, AWS_SECRET_KEY, POSTGRES] },
          },
          responsibility: { layer: "identity", serviceModel: "infrastructure" },
        },
      ],
      assert: ([f]) => {
        expect(f!.compliance).toEqual({});
        expect(f!.evidence.userData).toMatchObject({ detections: [{ fingerprint: "AKIA…5f0c1d2e3a4b" }, {}, {}] });
      },
    },
    {
      name: "only other tokens (a Slack token in a MIME part): high; a stopped instance is judged; detections beyond the kept ones are counted",
      inventory: instancesInventory({
        [EU]: [
          withUserData(
            instance("i-chatops", { state: "stopped" }, EU),
            ok(
              scan([SLACK], {
                format: "mime-multipart",
                parts: 3,
                omittedDetections: 4,
                unscanned: [{ part: 3, reason: "binary content" }],
              }),
            ),
          ),
        ],
      }),
      findings: [
        {
          status: "FAIL",
          severity: "high",
          region: EU,
          message: "Instance i-chatops has credentials in its user data: Slack token in MIME part 2, line 1 (5 in all).",
          evidence: { userData: { omittedDetections: 4, unscanned: [{ part: 3, reason: "binary content" }] } },
        },
      ],
    },
  ],
  error: [
    {
      name: "the instances could not be listed",
      inventory: instancesInventory({ [US]: denied("ec2.instances", { region: US }) }),
      findings: [{ status: "ERROR", resource: { type: "AWS::::Account" }, error: { operation: "DescribeInstances" } }],
    },
    {
      name: "one instance's user data denied (the others are still judged), another's not collected (an older snapshot)",
      inventory: instancesInventory({
        [US]: [
          withUserData(instance("i-denied"), denied("ec2.instanceUserData", { region: US, resource: "i-denied" })),
          instance("i-old"),
          withUserData(instance("i-ok"), ok(null)),
        ],
      }),
      findings: [
        {
          status: "ERROR",
          resource: { id: "i-denied" },
          error: { operation: "DescribeInstanceAttribute", code: "UnauthorizedOperation", resource: "i-denied" },
        },
        { status: "ERROR", resource: { id: "i-old" }, error: { operation: "DescribeInstanceAttribute", code: "NotCollected" } },
        { status: "PASS", resource: { id: "i-ok" } },
      ],
    },
    {
      name: "user data that could not all be scanned, and nothing found in the rest: not a PASS",
      inventory: instancesInventory({
        [US]: [
          withUserData(instance("i-blob"), ok(scan([], { format: "gzip", unscanned: [{ reason: "gzip content too large to scan" }] }))),
        ],
      }),
      findings: [
        {
          status: "ERROR",
          resource: { id: "i-blob" },
          error: { operation: "DescribeInstanceAttribute", code: "UserDataNotScanned", resource: "i-blob" },
          message:
            "Could not evaluate: DescribeInstanceAttribute failed with UserDataNotScanned (user data of Instance i-blob: the whole document (gzip content too large to scan) could not be scanned for credentials).",
        },
      ],
    },
  ],
});

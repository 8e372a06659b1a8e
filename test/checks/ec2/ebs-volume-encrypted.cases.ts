import check from "../../../checks/ec2/ebs-volume-encrypted.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional, volume } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "an encrypted volume",
      inventory: regional({ ec2: { "us-east-1": { volumes: ok([volume("vol-enc", true)]) } } }),
      findings: [{ status: "PASS", resource: { id: "vol-enc", type: "AWS::EC2::Volume" } }],
    },
  ],
  fail: [
    {
      name: "a plain volume, naming its attachments",
      inventory: regional({ ec2: { "us-east-1": { volumes: ok([volume("vol-plain", false, ["i-1"])]) } } }),
      findings: [
        {
          status: "FAIL",
          message: "Volume vol-plain (attached to i-1) is not encrypted (Encrypted: false).",
          evidence: { volumeId: "vol-plain", encrypted: false, attachedInstanceIds: ["i-1"] },
        },
      ],
    },
  ],
  error: [
    {
      name: "the volumes could not be read",
      inventory: regional({ ec2: { "us-east-1": { volumes: denied("ec2.volumes") } } }),
      findings: [{ status: "ERROR" }],
    },
  ],
});

import check from "../../../checks/ec2/subnet-auto-assign-public-ip.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional, subnet } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "a private subnet",
      inventory: regional({ ec2: { "us-east-1": { subnets: ok([subnet("subnet-private", { name: "app" })]) } } }),
      findings: [
        {
          status: "PASS",
          resource: { id: "subnet-private", type: "AWS::EC2::Subnet" },
          message: "Subnet subnet-private (app) in vpc-1 assigns no public address automatically.",
        },
      ],
    },
  ],
  fail: [
    {
      name: "a default subnet mapping public IPv4, and one assigning IPv6: medium",
      inventory: regional({
        ec2: {
          "us-east-1": {
            subnets: ok([
              subnet("subnet-default", { defaultForAz: true, mapPublicIpOnLaunch: true, vpcId: "vpc-default" }),
              subnet("subnet-v6", { assignIpv6AddressOnCreation: true }),
            ]),
          },
        },
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message: "Subnet subnet-default (default) in vpc-default assigns public IPv4 addresses automatically to what is launched in it.",
          evidence: { mapPublicIpOnLaunch: true, defaultForAz: true },
          compliance: { "aws-fsbp": ["EC2.15"] },
        },
        { status: "FAIL", message: "Subnet subnet-v6 in vpc-1 assigns IPv6 addresses automatically to what is launched in it." },
      ],
    },
  ],
  error: [
    {
      name: "DescribeSubnets denied",
      inventory: regional({ ec2: { "us-east-1": { subnets: denied("ec2.subnets") } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeSubnets" } }],
    },
  ],
});

import check from "../../../checks/config/recorder-service-linked-role.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { configuredRegion, recorder } from "../../support/fixtures/config.js";
import { regional } from "../../support/fixtures/ec2.js";

const SLR = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
const CUSTOM = `arn:aws:iam::${ACCOUNT}:role/config-recorder`;
const withRole = (roleArn: string | undefined) => ({
  ...configuredRegion(),
  recorders: ok([recorder("default", roleArn ? { roleArn } : {})]),
});

export default checkCases(check, {
  pass: [
    {
      name: "the service-linked role; regions without a customer recorder give nothing",
      inventory: regional({
        config: {
          "us-east-1": withRole(SLR),
          "eu-west-1": {
            ...configuredRegion(),
            recorders: ok([recorder("AWSConfigurationRecorderForX", { servicePrincipal: "x.amazonaws.com", roleArn: CUSTOM })]),
          },
        },
      }),
      findings: [
        {
          region: "us-east-1",
          status: "PASS",
          resource: { arn: `arn:aws:config:us-east-1:${ACCOUNT}:recorder` },
          message: "AWS Config in us-east-1 records with the service-linked role AWSServiceRoleForConfig.",
          evidence: { recorders: [{ name: "default", roleArn: SLR }] },
          compliance: { "aws-fsbp": ["Config.1"] },
        },
      ],
    },
  ],
  fail: [
    {
      name: "a customer role, or no role reported: low",
      inventory: regional({ config: { "us-east-1": withRole(CUSTOM), "eu-west-1": withRole(undefined) } }),
      findings: [
        {
          region: "us-east-1",
          status: "FAIL",
          severity: "low",
          message: `AWS Config in us-east-1: recorder "default" uses ${CUSTOM}, not the service-linked role AWSServiceRoleForConfig.`,
        },
        {
          region: "eu-west-1",
          status: "FAIL",
          message: 'AWS Config in eu-west-1: recorder "default" uses no role, not the service-linked role AWSServiceRoleForConfig.',
        },
      ],
    },
    {
      name: "another account's service-linked role does not count",
      inventory: regional({ config: { "us-east-1": withRole(SLR.replace(ACCOUNT, "210987654321")) } }),
      findings: [{ status: "FAIL" }],
    },
  ],
  error: [
    {
      name: "DescribeConfigurationRecorders denied",
      inventory: regional({
        config: { "us-east-1": { ...configuredRegion(), recorders: denied("config.recorders", { code: "AccessDeniedException" }) } },
      }),
      findings: [{ status: "ERROR", error: { operation: "DescribeConfigurationRecorders" } }],
    },
  ],
});

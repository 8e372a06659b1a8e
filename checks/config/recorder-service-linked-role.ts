import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Outcome } from "../../src/results.js";
import { customerRecorders, recorderResource } from "./lib/recorders.js";

/** AWS Config's service-linked role, in this account: `arn:<partition>:iam::<account>:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`. */
const isConfigServiceLinkedRole = (roleArn: string | undefined, partition: string, accountId: string): boolean =>
  roleArn === `arn:${partition}:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;

export default defineCheck({
  id: "config-recorder-service-linked-role",
  title: "AWS Config recorders use the AWS Config service-linked role",
  service: "config",
  layer: "monitoring",
  severity: "low",
  needs: ["config.recorders"],
  rationale:
    "The service-linked role AWSServiceRoleForConfig carries exactly the permissions AWS Config needs to record every " +
    "supported resource type, and AWS keeps it current as types are added; a customer role can lack them (resources go " +
    "unrecorded) or hold more than Config needs, and anyone who may edit it can blind the recorder. FSBP Config.1 fails " +
    "recorders that use another role. Each region with a customer-managed recorder passes when every such recorder's " +
    "roleARN is the service-linked role; regions without a recorder are config-recorder-enabled's.",
  remediation: {
    text: "Create the service-linked role if it does not exist, then point the recorder at it.",
    cli: "aws iam create-service-linked-role --aws-service-name config.amazonaws.com; aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=arn:aws:iam::<ACCOUNT_ID>:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig --recording-group allSupported=true,includeGlobalResourceTypes=true",
    url: "https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["Config.1"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const recorders = read("config.recorders", region);
      if (!recorders.ok) return [recorders.outcome];
      const mine = customerRecorders(recorders.value);
      if (mine.length === 0) return [];
      const resource = recorderResource(inv, region);
      const others = mine.filter((r) => !isConfigServiceLinkedRole(r.roleArn, inv.partition, inv.accountId));
      const evidence = { region, recorders: mine.map((r) => ({ name: r.name, roleArn: r.roleArn ?? null })) };
      return [
        others.length === 0
          ? pass(resource, region, `AWS Config in ${region} records with the service-linked role AWSServiceRoleForConfig.`, evidence)
          : fail(
              resource,
              region,
              `AWS Config in ${region}: recorder ${others.map((r) => `"${r.name}" uses ${r.roleArn ?? "no role"}`).join("; ")}, not the service-linked role AWSServiceRoleForConfig.`,
              evidence,
            ),
      ];
    }),
});

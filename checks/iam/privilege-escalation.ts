import { defineCheck } from "../../src/check.js";
import { openEscalationPaths } from "../../src/policy/iam/index.js";
import {
  customerPrincipals,
  distinctSources,
  kindLabel,
  listSome,
  principalVerdict,
  verdictEvidence,
  authorization,
} from "./lib/principals.js";

export default defineCheck({
  id: "iam-privilege-escalation",
  title: "No identity holds a known privilege-escalation path",
  service: "iam",
  layer: "identity",
  severity: "high",
  risk: { exposure: "internal", blastRadius: "admin" },
  needs: ["iam.authorizationDetails"],
  rationale:
    "Some permissions let their holder obtain more: writing or attaching policies, creating another user's keys or password, rewriting a trust policy, or passing a privileged role to a service that runs code (Lambda, EC2, CloudFormation, Glue, Data Pipeline, CodeBuild, SageMaker, ECS). An identity with such a path effectively has the permissions it can reach.",
  remediation: {
    text: "Remove the escalation actions or scope them to resources that cannot lead to more privilege (e.g. iam:PassRole only on the specific roles a service needs, with an iam:PassedToService condition).",
    cli: "aws iam put-user-policy --user-name <user-name> --policy-name scoped --policy-document file://scoped-policy.json",
    url: "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
    cliByResourceType: {
      "AWS::IAM::User": "aws iam put-user-policy --user-name <user-name> --policy-name scoped --policy-document file://scoped-policy.json",
      "AWS::IAM::Group":
        "aws iam put-group-policy --group-name <group-name> --policy-name scoped --policy-document file://scoped-policy.json",
      "AWS::IAM::Role": "aws iam put-role-policy --role-name <role-name> --policy-name scoped --policy-document file://scoped-policy.json",
      "AWS::IAM::Policy":
        "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://scoped-policy.json --set-as-default",
    },
    fix: "Scope down the permissions of <resource-arn>",
  },
  compliance: {},
  noComplianceBecause: "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for privilege-escalation paths.",
  evaluate: (inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    const { analysis } = iam.value;
    return customerPrincipals(analysis).map((p) => {
      const open = openEscalationPaths(p.permissions);
      const grants = distinctSources(open.flatMap((o) => o.via));
      return principalVerdict(
        ctx,
        p,
        open.length
          ? {
              message: `${kindLabel(p)} can escalate its privileges via ${listSome(open.map((o) => o.path.id))}, granted by ${listSome(grants, 3)}.`,
              evidence: {
                paths: open.map((o) => ({ path: o.path.id, how: o.path.how, actions: o.via.map(verdictEvidence) })),
              },
            }
          : undefined,
        `${kindLabel(p)} holds none of the known privilege-escalation paths on broad resources.`,
      );
    });
  },
});

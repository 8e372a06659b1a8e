import { defineCheck, FRAMEWORKS, fail, pass, type EvaluationContext } from "../../src/check.js";
import {
  fullAdmin,
  policyGrantsFullAdmin,
  RESOURCE_TYPES,
  type AnalyzedManagedPolicy,
  type IamAnalysis,
} from "../../src/policy/iam/index.js";
import type { Outcome } from "../../src/results.js";
import {
  customerPrincipals,
  describeGrant,
  describeStatement,
  grantEvidence,
  GLOBAL,
  kindLabel,
  principalVerdict,
  authorization,
  policyUnreadable,
} from "./lib/principals.js";

/** FSBP IAM.1 / CIS 2.15 look at customer-managed policies themselves; AWS-managed ones are AWS's documents. */
function policyOutcome(ctx: EvaluationContext, analysis: IamAnalysis, entry: AnalyzedManagedPolicy): Outcome | undefined {
  const { policy, document } = entry;
  if (policy.awsManaged) return undefined;
  const resource = { arn: policy.arn, id: policy.name, type: RESOURCE_TYPES.policy };
  if (!document) {
    const version = policy.defaultVersionId ?? "(none)";
    return policyUnreadable(ctx, resource, `default version ${version} of ${policy.name}: ${entry.problem ?? "no document"}`, policy.arn);
  }
  const verdict = policyGrantsFullAdmin(analysis.catalog, {
    source: {
      kind: "managed",
      name: policy.name,
      arn: policy.arn,
      awsManaged: false,
      ...(policy.defaultVersionId ? { versionId: policy.defaultVersionId } : {}),
    },
    document,
  });
  if (!verdict.admin)
    return pass(resource, GLOBAL, `Customer-managed policy ${policy.name} does not allow every action on every resource.`);
  return fail(
    resource,
    GLOBAL,
    `Customer-managed policy ${policy.name} (default version ${policy.defaultVersionId ?? "unknown"}) grants full administrator access through ${verdict.grants.map(describeStatement).join("; ")}; it is attached ${policy.attachmentCount ?? 0} time(s).`,
    {
      policyArn: policy.arn,
      versionId: policy.defaultVersionId,
      attachmentCount: policy.attachmentCount ?? null,
      via: verdict.via,
      statements: verdict.grants.map(grantEvidence),
    },
  );
}

export default defineCheck({
  id: "iam-full-admin",
  title: "No identity or customer-managed policy grants full administrator access (* on *)",
  service: "iam",
  layer: "identity",
  severity: "high",
  risk: { exposure: "internal", blastRadius: "admin" },
  needs: ["iam.authorizationDetails"],
  rationale:
    "An identity allowed every action on every resource can do anything in the account, including erasing its own tracks. Grant administrator access to a few break-glass roles at most, and least privilege to everything else. A NotAction statement on * that still leaves IAM permissions management allowed is administrator access one API call away.",
  remediation: {
    text: "Replace the * / NotAction statement with the actions the identity needs, or detach the administrator policy from users and groups and keep it on a tightly trusted role.",
    cli: "aws iam detach-user-policy --user-name <user-name> --policy-arn arn:<partition>:iam::aws:policy/AdministratorAccess",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    cliByResourceType: {
      "AWS::IAM::Group":
        "aws iam detach-group-policy --group-name <group-name> --policy-arn arn:<partition>:iam::aws:policy/AdministratorAccess",
      "AWS::IAM::Role":
        "aws iam detach-role-policy --role-name <role-name> --policy-arn arn:<partition>:iam::aws:policy/AdministratorAccess",
      "AWS::IAM::Policy":
        "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://scoped-policy.json --set-as-default",
    },
    fix: "Scope down the permissions of <resource-arn>",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.15"], [FRAMEWORKS.fsbp]: ["IAM.1"] },
  evaluate: (inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    const { analysis } = iam.value;
    const outcomes: Outcome[] = customerPrincipals(analysis).map((p) => {
      const verdict = fullAdmin(p.permissions);
      return principalVerdict(
        ctx,
        p,
        verdict.admin
          ? {
              message: `${kindLabel(p)} is a full administrator through ${verdict.grants.map(describeGrant).join("; ")}.`,
              evidence: { via: verdict.via, statements: verdict.grants.map(grantEvidence) },
            }
          : undefined,
        `${kindLabel(p)} is not allowed every action on every resource.`,
      );
    });
    for (const entry of analysis.managedPolicies) {
      const outcome = policyOutcome(ctx, analysis, entry);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  },
});

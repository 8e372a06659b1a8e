import { accountResource, defineCheck, fail, FRAMEWORKS, pass, type EvaluationContext } from "../../src/check.js";
import { statementName, type Statement } from "../../src/policy/document.js";
import { RESOURCE_TYPES, statementActions, type ActionCatalog, type AnalyzedManagedPolicy } from "../../src/policy/iam/index.js";
import type { Outcome } from "../../src/results.js";
import { authorization, GLOBAL, listSome, policyUnreadable } from "./lib/principals.js";

/**
 * `*`, `*:*`, `s3:*`, `S3:**`, `s3*:*`: an Action pattern whose action-name part is nothing but `*`, so it
 * allows every action of a whole service (or of every service). `ec2:Describe*` is not one.
 */
export function isServiceWildcard(pattern: string): boolean {
  const p = pattern.trim();
  if (/^\*+$/.test(p)) return true;
  const colon = p.indexOf(":");
  return colon > 0 && /^\*+$/.test(p.slice(colon + 1));
}

/** What one Allow statement grants wholesale: the wildcard patterns, or the services a NotAction leaves whole. */
interface WildcardStatement {
  statement: string;
  actions?: string[];
  /** For an Allow with NotAction: services every one of whose actions the statement allows. */
  notAction?: string[];
  servicesAllowedWhole?: string[];
}

function wholeServices(catalog: ActionCatalog, s: Statement): string[] {
  const allowed = statementActions(catalog, s);
  return catalog.services().filter((service) => {
    const actions = catalog.ofService(service);
    return actions.length > 0 && actions.every((k) => allowed.has(k));
  });
}

function wildcardStatements(catalog: ActionCatalog, statements: readonly Statement[]): WildcardStatement[] {
  const out: WildcardStatement[] = [];
  for (const s of statements) {
    if (s.effect !== "Allow") continue;
    if (s.actions) {
      const wildcards = s.actions.filter(isServiceWildcard);
      if (wildcards.length) out.push({ statement: statementName(s), actions: wildcards });
    } else if (s.notActions) {
      const services = wholeServices(catalog, s);
      if (services.length) out.push({ statement: statementName(s), notAction: s.notActions, servicesAllowedWhole: services });
    }
  }
  return out;
}

const describeWildcard = (w: WildcardStatement): string =>
  w.actions
    ? `${w.statement} allows ${w.actions.map((a) => `"${a}"`).join(", ")}`
    : `${w.statement} allows NotAction ${JSON.stringify(w.notAction)}, which leaves every action of ${listSome(w.servicesAllowedWhole ?? [], 3)} (${w.servicesAllowedWhole?.length ?? 0} service(s))`;

function policyOutcome(ctx: EvaluationContext, catalog: ActionCatalog, entry: AnalyzedManagedPolicy): Outcome {
  const { policy, document } = entry;
  const resource = { arn: policy.arn, id: policy.name, type: RESOURCE_TYPES.policy };
  if (!document) {
    const version = policy.defaultVersionId ?? "(none)";
    return policyUnreadable(ctx, resource, `default version ${version} of ${policy.name}: ${entry.problem ?? "no document"}`, policy.arn);
  }
  const attachments = policy.attachmentCount;
  // FSBP IAM.21 leaves out policies used as permissions boundaries: there a wildcard limits, it grants nothing.
  if (attachments === 0 && (policy.permissionsBoundaryUsageCount ?? 0) > 0) {
    return pass(
      resource,
      GLOBAL,
      `Customer-managed policy ${policy.name} is used only as a permissions boundary, where it grants nothing.`,
      {
        permissionsBoundaryUsageCount: policy.permissionsBoundaryUsageCount,
      },
    );
  }
  const wildcards = wildcardStatements(catalog, document.statements);
  const evidence = {
    versionId: policy.defaultVersionId ?? null,
    attachmentCount: attachments ?? null,
    ...(wildcards.length ? { statements: wildcards } : {}),
  };
  if (wildcards.length === 0) {
    return pass(resource, GLOBAL, `Customer-managed policy ${policy.name} allows no whole service through a wildcard.`, evidence);
  }
  return fail(
    resource,
    GLOBAL,
    `Customer-managed policy ${policy.name} (default version ${policy.defaultVersionId ?? "unknown"}, attached ${attachments ?? "an unknown number of"} time(s)) allows whole services: ${wildcards.map(describeWildcard).join("; ")}.`,
    evidence,
  );
}

export default defineCheck({
  id: "iam-policy-wildcard-service-actions",
  title: "Customer-managed policies do not allow every action of a service (service:*)",
  service: "iam",
  layer: "identity",
  severity: "low",
  needs: ["iam.authorizationDetails"],
  rationale:
    "`s3:*` or `iam:*` grants every action of the service, today's and those AWS adds later, including the destructive " +
    "and permission-changing ones the holder almost never needs. FSBP IAM.21 judges customer-managed policies (their " +
    'default version): one fails when an Allow statement has an Action of the form "service:*" (also "*"), whatever its ' +
    "Resource and Condition, or a NotAction, which allows whole services by leaving them out. Prefix wildcards such as " +
    "ec2:Describe* pass. AWS-managed and inline policies are not judged, nor policies used only as permissions boundaries.",
  remediation: {
    text: "List the actions the policy's holders need (prefix wildcards such as s3:Get* are fine) and publish them as a new default version.",
    cli: "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://scoped-policy.json --set-as-default",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21",
    fix: "Scope down the permissions of <resource-arn>",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["IAM.21"] },
  evaluate: (inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    const { analysis } = iam.value;
    const customer = analysis.managedPolicies.filter((e) => !e.policy.awsManaged);
    if (customer.length === 0) return [pass(accountResource(inv), GLOBAL, "The account has no customer-managed policies.")];
    return customer.map((e) => policyOutcome(ctx, analysis.catalog, e));
  },
});

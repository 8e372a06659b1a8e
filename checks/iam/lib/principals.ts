/** Helpers the IAM checks share: resources, the authorization analysis, wording of grants. */
import { fail, pass, type EvaluationContext, type Gated } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { CredentialReportEntry, IamAuthorizationDetails } from "../../../src/services/iam/inventory.js";
import {
  analyzeIam,
  describe,
  RESOURCE_TYPES,
  type ActionVerdict,
  type Grant,
  type IamAnalysis,
  type IamPrincipal,
} from "../../../src/policy/iam/index.js";
import type { Evidence, Outcome, ResourceRef } from "../../../src/results.js";
export { listSome } from "../../../src/wording.js";

/** IAM is global: its findings carry this region. */
export const GLOBAL = "global";

export const principalResource = (p: Pick<IamPrincipal, "kind" | "arn" | "name">): ResourceRef => ({
  arn: p.arn,
  id: p.name,
  type: RESOURCE_TYPES[p.kind],
});

export const userResource = (entry: Pick<CredentialReportEntry, "arn" | "user">): ResourceRef => ({
  arn: entry.arn,
  id: entry.user,
  type: RESOURCE_TYPES.user,
});

/** The authorization details with their analysis (computed once per inventory), or the ERROR. */
export function authorization(ctx: EvaluationContext): Gated<{ details: IamAuthorizationDetails; analysis: IamAnalysis }> {
  const details = ctx.read("iam.authorizationDetails");
  return details.ok ? { ok: true, value: { details: details.value, analysis: analyzeIam(details.value) } } : details;
}

/** Users, groups and roles the customer owns (service-linked roles are AWS's). */
export const customerPrincipals = (analysis: IamAnalysis): IamPrincipal[] => analysis.principals.filter((p) => !p.serviceLinked);

/**
 * The verdict for one principal: FAIL when `failure` is given; otherwise PASS, unless a
 * policy it holds could not be read, in which case the PASS would be a guess: ERROR.
 */
export function principalVerdict(
  ctx: EvaluationContext,
  p: IamPrincipal,
  failure: { message: string; evidence: Evidence } | undefined,
  passMessage: string,
): Outcome {
  const resource = principalResource(p);
  if (failure) return fail(resource, GLOBAL, failure.message, failure.evidence);
  if (p.problems.length) {
    const first = p.problems[0]!;
    return {
      ...policyUnreadable(ctx, resource, `${first.policy}: ${first.reason}`, p.arn),
      evidence: { unreadablePolicies: p.problems },
    };
  }
  return pass(resource, GLOBAL, passMessage);
}

/** ERROR for a policy document that was read but cannot be analysed. */
export const policyUnreadable = (ctx: EvaluationContext, resource: ResourceRef, message: string, about: string): Outcome =>
  ctx.unusable("iam.authorizationDetails", { resource, region: GLOBAL, code: "PolicyUnreadable", message, about });

export const kindLabel = (p: Pick<IamPrincipal, "kind" | "name">): string =>
  `${p.kind === "user" ? "User" : p.kind === "group" ? "Group" : "Role"} ${p.name}`;

const where = (g: Grant): string =>
  `${g.notResources ? `NotResource ${JSON.stringify(g.notResources)}` : `Resource ${JSON.stringify(g.resources ?? [])}`}${g.conditions?.length ? ", with conditions" : ""}`;

/** `Sid "All" (Action "*" on Resource ["*"])` */
export function describeStatement(g: Grant): string {
  const what = g.matchedBy.startsWith("NotAction") ? g.matchedBy : `Action "${g.matchedBy}"`;
  return `${g.statement} (${what} on ${where(g)})`;
}

/** `customer-managed policy ops-admin, Sid "All" (Action "*" on Resource ["*"])` */
export const describeGrant = (g: Grant): string => `${describe(g.policy)}, ${describeStatement(g)}`;

/**
 * Identities holding the same policies share their verdicts and grants (src/policy/iam/principals.ts):
 * what is said of a grant or verdict is worked out once and shared by the findings of all of them
 * (reports serialize it; nothing changes it afterwards).
 */
function memo<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}

/** `inline policy "x" (via group "g"), Sid "S" (on Resource ["*"])`: the statement, without the action that matched. */
export const describeSource = memo((g: Grant): string => `${describe(g.policy)}, ${g.statement} (on ${where(g)})`);

/** The distinct statements behind some verdicts, described once each. */
export const distinctSources = (verdicts: readonly ActionVerdict[]): string[] => {
  const seen = new Set<string>();
  for (const v of verdicts) for (const g of v.grants) seen.add(describeSource(g));
  return [...seen];
};

/** A grant as evidence: plain data naming policy, statement, pattern and resources. */
export const grantEvidence = memo((g: Grant): Evidence => ({
  policy: g.policy.arn ?? g.policy.name,
  policyType: g.policy.kind === "inline" ? "inline" : g.policy.awsManaged ? "aws-managed" : "customer-managed",
  ...(g.policy.viaGroup ? { viaGroup: g.policy.viaGroup } : {}),
  ...(g.policy.versionId ? { versionId: g.policy.versionId } : {}),
  statement: g.statement,
  matchedBy: g.matchedBy,
  ...(g.resources ? { resources: g.resources } : {}),
  ...(g.notResources ? { notResources: g.notResources } : {}),
  ...(g.conditions?.length ? { conditions: g.conditions } : {}),
}));

/** Actions with the statements granting them, for evidence. */
export const verdictEvidence = memo((v: ActionVerdict): Evidence => ({
  action: v.action,
  ...(v.conditional ? { conditional: true } : {}),
  grantedBy: v.grants.map((g) => grantEvidence(g)),
}));

const DAY_MS = 86_400_000;

/** Whole days from `from` to the inventory's collection time (the scan's "now"). */
export function ageInDays(from: string, inv: Inventory): number {
  return Math.floor((Date.parse(inv.collectedAt) - Date.parse(from)) / DAY_MS);
}

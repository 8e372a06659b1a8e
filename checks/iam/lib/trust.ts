import type { EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import { isServiceLinkedRole, type IamRole } from "../../../src/services/iam/inventory.js";
import { parsePolicy, PolicyParseError, type PolicyDocument } from "../../../src/policy/document.js";
import { analyzeTrustPolicy, RESOURCE_TYPES, type TrustAnalysis } from "../../../src/policy/iam/index.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { policyUnreadable } from "./principals.js";

export const roleResource = (role: IamRole): ResourceRef => ({ arn: role.arn, id: role.name, type: RESOURCE_TYPES.role });

const cache = new WeakMap<IamRole, TrustAnalysis | string>();

/** The trust analysis of a role, or the reason its trust policy could not be read. */
function trustOf(role: IamRole, accountId: string): TrustAnalysis | string {
  let result = cache.get(role);
  if (result === undefined) {
    try {
      result = analyzeTrustPolicy(parsePolicy(role.trustPolicy ?? "{}"), accountId);
    } catch (err) {
      result = err instanceof PolicyParseError ? err.message : String(err);
    }
    cache.set(role, result);
  }
  return result;
}

/** Evaluates every customer role's trust policy (service-linked roles are AWS's). */
export function forEachRoleTrust(
  inv: Inventory,
  ctx: EvaluationContext,
  decide: (role: IamRole, trust: TrustAnalysis) => Outcome,
): Outcome[] {
  const details = ctx.read("iam.authorizationDetails");
  if (!details.ok) return [details.outcome];
  return details.value.roles
    .filter((r) => !isServiceLinkedRole(r))
    .map((role) => {
      const trust = trustOf(role, inv.accountId);
      return typeof trust === "string"
        ? policyUnreadable(ctx, roleResource(role), `trust policy: ${trust}`, role.arn)
        : decide(role, trust);
    });
}

const documents = new WeakMap<IamRole, PolicyDocument | string>();

function trustDocumentOf(role: IamRole): PolicyDocument | string {
  let result = documents.get(role);
  if (result === undefined) {
    try {
      result = parsePolicy(role.trustPolicy ?? "{}");
    } catch (err) {
      result = err instanceof PolicyParseError ? err.message : String(err);
    }
    documents.set(role, result);
  }
  return result;
}

/** Like forEachRoleTrust, with the parsed trust policy itself (for analyses of its statements). */
export function forEachRoleTrustPolicy(ctx: EvaluationContext, decide: (role: IamRole, trust: PolicyDocument) => Outcome): Outcome[] {
  const details = ctx.read("iam.authorizationDetails");
  if (!details.ok) return [details.outcome];
  return details.value.roles
    .filter((r) => !isServiceLinkedRole(r))
    .map((role) => {
      const doc = trustDocumentOf(role);
      return typeof doc === "string" ? policyUnreadable(ctx, roleResource(role), `trust policy: ${doc}`, role.arn) : decide(role, doc);
    });
}

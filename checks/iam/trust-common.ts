import { errorOutcome } from "../../src/check.js";
import type { Inventory } from "../../src/inventory/index.js";
import { isServiceLinkedRole, type IamRole } from "../../src/inventory/iam.js";
import { parsePolicy, PolicyParseError } from "../../src/policy/document.js";
import { analyzeTrustPolicy, RESOURCE_TYPES, type TrustAnalysis } from "../../src/policy/iam/index.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import { GLOBAL, withAuthorizationDetails } from "./support.js";

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
export const forEachRoleTrust = (inv: Inventory, decide: (role: IamRole, trust: TrustAnalysis) => Outcome): Outcome[] =>
  withAuthorizationDetails(inv, (details) =>
    details.roles
      .filter((r) => !isServiceLinkedRole(r))
      .map((role) => {
        const trust = trustOf(role, inv.accountId);
        if (typeof trust === "string") {
          return errorOutcome(roleResource(role), GLOBAL, {
            service: "iam",
            region: GLOBAL,
            operation: "GetAccountAuthorizationDetails",
            code: "PolicyUnreadable",
            message: `trust policy: ${trust}`,
            resource: role.arn,
          });
        }
        return decide(role, trust);
      }),
  );

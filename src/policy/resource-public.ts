/**
 * The statements of a resource policy (a KMS key policy, a Secrets Manager secret's policy) that let
 * anyone act on the resource: Allow statements for everyone (`Principal: "*"`, `{"AWS": "*"}`, or
 * NotPrincipal) without a condition pinning the caller, for actions of the resource's service that
 * no unconditional Deny for everyone takes back. Each service's analysis weighs the actions.
 */
import {
  isEveryone,
  statementCoversAction,
  statementName,
  type Condition,
  type PolicyDocument,
  type Principal,
  type Statement,
} from "./document.js";
import { iamActionCatalog } from "./iam/catalog.js";
import { pinsCaller } from "./pinning.js";

export interface EveryoneGrant {
  statement: string;
  principal: Principal | { NotPrincipal: Principal };
  /** The statement's Action (or `NotAction …`) as written. */
  actions: string[];
  /** The service's actions it grants everyone once unconditional Deny statements are applied, as catalogue keys (lower case). */
  effective: string[];
  /** Its conditions, none of which pins the caller. */
  conditions: Condition[];
}

export interface PinnedStatement {
  statement: string;
  /** The condition keys that pin it (as written in the policy, lower-cased). */
  pinnedBy: string[];
}

export interface EveryoneGrants {
  public: EveryoneGrant[];
  /** Statements for everyone that a condition pins to known callers: not public. */
  pinned: PinnedStatement[];
}

const toEveryone = (s: Statement): boolean => isEveryone(s.principal) || s.notPrincipal !== undefined;

const unconditionalEveryoneDeny = (s: Statement): boolean => s.effect === "Deny" && toEveryone(s) && s.conditions.length === 0;

/** Every action of `service` a policy could grant: the catalogue's, and any the policy spells that it lacks. */
function serviceActions(policy: PolicyDocument, service: string): string[] {
  const prefix = `${service.toLowerCase()}:`;
  const spelt = policy.statements
    .flatMap((s) => s.actions ?? [])
    .map((a) => a.toLowerCase())
    .filter((a) => a.startsWith(prefix) && /^[a-z0-9-]+:[a-z0-9]+$/.test(a));
  return [...new Set([...iamActionCatalog().ofService(service), ...spelt])];
}

/** The public and the pinned statements for everyone of a policy on a `service` resource, pinned by `pinningKeys`. */
export function everyoneGrants(policy: PolicyDocument, service: string, pinningKeys: ReadonlySet<string>): EveryoneGrants {
  const denies = policy.statements.filter(unconditionalEveryoneDeny);
  const candidates = serviceActions(policy, service);
  const out: EveryoneGrants = { public: [], pinned: [] };
  for (const s of policy.statements) {
    if (s.effect !== "Allow" || !toEveryone(s)) continue;
    const pins = s.conditions.filter((c) => pinsCaller(c, pinningKeys));
    if (pins.length > 0) {
      out.pinned.push({ statement: statementName(s), pinnedBy: [...new Set(pins.map((c) => c.key))] });
      continue;
    }
    const effective = candidates.filter((a) => statementCoversAction(s, a) && !denies.some((d) => statementCoversAction(d, a)));
    if (effective.length === 0) continue;
    out.public.push({
      statement: statementName(s),
      principal: s.principal ?? { NotPrincipal: s.notPrincipal! },
      actions: s.actions ?? (s.notActions ? s.notActions.map((a) => `NotAction ${a}`) : []),
      effective,
      conditions: s.conditions,
    });
  }
  return out;
}

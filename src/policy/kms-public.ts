/**
 * Whether a KMS key policy lets anyone use or manage the key: an Allow statement for everyone
 * (`Principal: "*"`, `{"AWS": "*"}`, or NotPrincipal) with no condition pinning the caller, for KMS
 * actions that no unconditional Deny for everyone takes back.
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
import { CALLER_PINNING_KEYS, pinsCaller } from "./pinning.js";

/**
 * The global pinning keys and `kms:CallerAccount` (the key AWS managed keys' own policies use:
 * everyone, as long as the caller is in this account). `kms:ViaService` alone does not pin: any
 * account can call that AWS service.
 */
export const KMS_PINNING_KEYS: ReadonlySet<string> = new Set([...CALLER_PINNING_KEYS, "kms:calleraccount"]);

export const kmsConditionPins = (c: Condition): boolean => pinsCaller(c, KMS_PINNING_KEYS);

export interface PublicKeyGrant {
  statement: string;
  principal: Principal | { NotPrincipal: Principal };
  /** The statement's Action (or `NotAction …`) as written. */
  actions: string[];
  /** The KMS actions it grants everyone once unconditional Deny statements are applied (AWS's spelling). */
  effectiveActions: string[];
  /** "write": it can use the key (Decrypt, Encrypt, Sign, …) or manage it (PutKeyPolicy, ScheduleKeyDeletion, CreateGrant, …); "read": metadata only. */
  access: "write" | "read";
  /** Its conditions, none of which pins the caller. */
  conditions: Condition[];
}

export interface PinnedStatement {
  statement: string;
  /** The condition keys that pin it (as written in the policy, lower-cased). */
  pinnedBy: string[];
}

export interface KeyPolicyExposure {
  public: PublicKeyGrant[];
  /** Statements for everyone that a condition pins to known callers: not public. */
  pinned: PinnedStatement[];
}

const toEveryone = (s: Statement): boolean => isEveryone(s.principal) || s.notPrincipal !== undefined;

const unconditionalEveryoneDeny = (s: Statement): boolean => s.effect === "Deny" && toEveryone(s) && s.conditions.length === 0;

const READ_LEVELS = new Set(["List", "Read"]);

/** Every KMS action a policy could grant: the catalogue's, and any kms: action the policy spells that it lacks. */
function kmsActions(policy: PolicyDocument): string[] {
  const catalog = iamActionCatalog();
  const spelt = policy.statements.flatMap((s) => s.actions ?? []).filter((a) => /^kms:[a-z]+$/i.test(a));
  return [...new Set([...catalog.ofService("kms"), ...spelt.map((a) => a.toLowerCase())])];
}

export function keyPolicyExposure(policy: PolicyDocument): KeyPolicyExposure {
  const catalog = iamActionCatalog();
  const denies = policy.statements.filter(unconditionalEveryoneDeny);
  const candidates = kmsActions(policy);
  const out: KeyPolicyExposure = { public: [], pinned: [] };
  for (const s of policy.statements) {
    if (s.effect !== "Allow" || !toEveryone(s)) continue;
    const pins = s.conditions.filter(kmsConditionPins);
    if (pins.length > 0) {
      out.pinned.push({ statement: statementName(s), pinnedBy: [...new Set(pins.map((c) => c.key))] });
      continue;
    }
    const effective = candidates.filter((a) => statementCoversAction(s, a) && !denies.some((d) => statementCoversAction(d, a)));
    if (effective.length === 0) continue;
    const write = effective.some((a) => catalog.accessLevels(a).some((level) => !READ_LEVELS.has(level)) || !catalog.get(a));
    out.public.push({
      statement: statementName(s),
      principal: s.principal ?? { NotPrincipal: s.notPrincipal! },
      actions: s.actions ?? (s.notActions ? s.notActions.map((a) => `NotAction ${a}`) : []),
      effectiveActions: effective.map((a) => catalog.display(a)),
      access: write ? "write" : "read",
      conditions: s.conditions,
    });
  }
  return out;
}

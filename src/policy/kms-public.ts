/**
 * Whether a KMS key policy lets anyone use or manage the key: an Allow statement for everyone
 * (`Principal: "*"`, `{"AWS": "*"}`, or NotPrincipal) with no condition pinning the caller, for KMS
 * actions that no unconditional Deny for everyone takes back.
 */
import type { Condition, PolicyDocument, Principal } from "./document.js";
import { iamActionCatalog } from "./iam/catalog.js";
import { CALLER_PINNING_KEYS, pinsCaller } from "./pinning.js";
import { everyoneGrants, type PinnedStatement } from "./resource-public.js";

export type { PinnedStatement } from "./resource-public.js";

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

export interface KeyPolicyExposure {
  public: PublicKeyGrant[];
  /** Statements for everyone that a condition pins to known callers: not public. */
  pinned: PinnedStatement[];
}

const READ_LEVELS = new Set(["List", "Read"]);

export function keyPolicyExposure(policy: PolicyDocument): KeyPolicyExposure {
  const catalog = iamActionCatalog();
  const grants = everyoneGrants(policy, "kms", KMS_PINNING_KEYS);
  return {
    public: grants.public.map((g) => ({
      statement: g.statement,
      principal: g.principal,
      actions: g.actions,
      effectiveActions: g.effective.map((a) => catalog.display(a)),
      access: g.effective.some((a) => catalog.accessLevels(a).some((level) => !READ_LEVELS.has(level)) || !catalog.get(a))
        ? "write"
        : "read",
      conditions: g.conditions,
    })),
    pinned: grants.pinned,
  };
}

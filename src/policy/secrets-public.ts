/**
 * Whether a Secrets Manager secret's resource policy lets anyone act on the secret: read its value
 * (GetSecretValue), change or delete it (PutSecretValue, UpdateSecret, DeleteSecret, PutResourcePolicy,
 * RotateSecret, …) or only read its metadata (DescribeSecret, GetResourcePolicy, ListSecretVersionIds).
 * Statements for everyone pinned by the global caller keys (`./pinning.ts`) are not public.
 */
import type { Condition, PolicyDocument, Principal } from "./document.js";
import { iamActionCatalog } from "./iam/catalog.js";
import { CALLER_PINNING_KEYS } from "./pinning.js";
import { everyoneGrants, type PinnedStatement } from "./resource-public.js";

/** The action that returns a secret's value (its access level in the Service Authorization Reference is only Read). */
export const SECRET_VALUE_ACTION = "secretsmanager:GetSecretValue";

const PINNING_KEYS: ReadonlySet<string> = new Set(CALLER_PINNING_KEYS);

/** "value": anyone can read the secret; "write": change, rotate, delete it or its policy; "metadata": describe it only. */
export type SecretAccess = "value" | "write" | "metadata";

export interface PublicSecretGrant {
  statement: string;
  principal: Principal | { NotPrincipal: Principal };
  /** The statement's Action (or `NotAction …`) as written. */
  actions: string[];
  /** The Secrets Manager actions it grants everyone once unconditional Deny statements are applied (AWS's spelling). */
  effectiveActions: string[];
  access: SecretAccess;
  /** Its conditions, none of which pins the caller. */
  conditions: Condition[];
}

export interface SecretPolicyExposure {
  public: PublicSecretGrant[];
  pinned: PinnedStatement[];
}

const READ_LEVELS = new Set(["List", "Read"]);

export function secretPolicyExposure(policy: PolicyDocument): SecretPolicyExposure {
  const catalog = iamActionCatalog();
  const value = SECRET_VALUE_ACTION.toLowerCase();
  const grants = everyoneGrants(policy, "secretsmanager", PINNING_KEYS);
  return {
    public: grants.public.map((g) => ({
      statement: g.statement,
      principal: g.principal,
      actions: g.actions,
      effectiveActions: g.effective.map((a) => catalog.display(a)),
      access: g.effective.includes(value)
        ? "value"
        : g.effective.some((a) => !catalog.get(a) || catalog.accessLevels(a).some((level) => !READ_LEVELS.has(level)))
          ? "write"
          : "metadata",
      conditions: g.conditions,
    })),
    pinned: grants.pinned,
  };
}

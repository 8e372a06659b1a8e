/**
 * Who outside the account a bucket policy lets in: the other accounts a policy's Allow
 * statements name, whether by principal or by condition, and the organizations they are pinned to.
 * Public grants (anyone, no pinning condition) are the public-access analysis's, not this one's.
 */
import { isEveryone, statementCoversAction, statementName, type Condition, type PolicyDocument, type Statement } from "./document.js";
import { principalAccount } from "./iam/trust.js";

/**
 * The actions FSBP S3.6 denies to other accounts (its `blacklistedactionpatterns`, not
 * customizable): whoever holds them can rewrite who may read the bucket.
 */
export const BUCKET_ADMIN_ACTIONS = [
  "s3:DeleteBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutBucketPolicy",
  "s3:PutEncryptionConfiguration",
  "s3:PutObjectAcl",
] as const;

export interface CrossAccountGrant {
  statement: string;
  /** Other accounts the statement names: principal entries, or aws:PrincipalAccount / aws:SourceAccount values. */
  accounts: string[];
  /** The principal entries naming them (or `*` when a condition names the accounts). */
  principals: string[];
  /** aws:PrincipalOrgID values the statement (or a Deny guarding the policy) restricts callers to; empty: none. */
  organizations: string[];
  /** What it allows, as written. */
  actions: string[];
  /** The FSBP S3.6 bucket-administration actions it allows. */
  adminActions: string[];
  /** The statement carries conditions (they may narrow it further). */
  conditional: boolean;
}

const POSITIVE = /^(foranyvalue:)?(stringequals|stringequalsignorecase|stringlike)$/;
const NEGATIVE = /^(foranyvalue:)?(stringnotequals|stringnotequalsignorecase|stringnotlike)$/;

const valuesOf = (conditions: readonly Condition[], key: string, op: RegExp): string[] =>
  conditions.filter((c) => c.key === key && op.test(c.operator.toLowerCase())).flatMap((c) => c.values);

/** Organizations a Deny for everyone outside them guards the whole policy with (`StringNotEquals aws:PrincipalOrgID`). */
function guardingOrganizations(policy: PolicyDocument): string[] {
  return policy.statements
    .filter(
      (s) =>
        s.effect === "Deny" &&
        (isEveryone(s.principal) || s.principal === undefined) &&
        statementCoversAction(s, "s3:GetObject") &&
        statementCoversAction(s, "s3:PutObject"),
    )
    .flatMap((s) => valuesOf(s.conditions, "aws:principalorgid", NEGATIVE));
}

const describeActions = (s: Statement): string[] => s.actions ?? (s.notActions ? s.notActions.map((a) => `NotAction ${a}`) : []);

/** Allow statements that grant principals of other accounts (named, or `*` pinned to accounts or organizations). */
export function crossAccountGrants(policy: PolicyDocument, ownAccount: string): CrossAccountGrant[] {
  const guards = guardingOrganizations(policy);
  const grants: CrossAccountGrant[] = [];
  for (const s of policy.statements) {
    if (s.effect !== "Allow" || s.notPrincipal !== undefined || s.principal === undefined) continue;
    const orgs = [...new Set([...valuesOf(s.conditions, "aws:principalorgid", POSITIVE), ...guards])];
    const conditionAccounts = [
      ...valuesOf(s.conditions, "aws:principalaccount", POSITIVE),
      ...valuesOf(s.conditions, "aws:sourceaccount", POSITIVE),
    ].filter((a) => /^\d{12}$/.test(a) && a !== ownAccount);
    let accounts: string[];
    let principals: string[];
    if (isEveryone(s.principal)) {
      // Anyone, narrowed to accounts or organizations by a condition (no narrowing: a public grant, not ours).
      if (conditionAccounts.length === 0 && orgs.length === 0) continue;
      accounts = conditionAccounts;
      principals = ["*"];
    } else {
      const entries = s.principal === "*" ? [] : (s.principal.AWS ?? []);
      const foreign = entries.filter((e) => {
        const account = principalAccount(e);
        return account !== undefined && account !== ownAccount;
      });
      if (foreign.length === 0) continue;
      accounts = foreign.map((e) => principalAccount(e)!);
      principals = foreign;
    }
    grants.push({
      statement: statementName(s),
      accounts: [...new Set(accounts)],
      principals,
      organizations: orgs,
      actions: describeActions(s),
      adminActions: BUCKET_ADMIN_ACTIONS.filter((a) => statementCoversAction(s, a)),
      conditional: s.conditions.length > 0,
    });
  }
  return grants;
}

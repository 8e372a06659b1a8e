import {
  isEveryone,
  statementCoversAction,
  statementName,
  type Condition,
  type PolicyDocument,
  type Principal,
  type Statement,
} from "../document.js";

/** The actions a trust policy governs. */
const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

/** Condition keys that pin the caller to known identities, accounts or organizations (lower case, as parsed). */
const IDENTITY_KEYS = new Set([
  "aws:principalaccount",
  "aws:principalarn",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:userid",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
]);

const POSITIVE_OPERATORS = new Set(["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"]);
const NEGATIVE_OPERATORS = new Set(["stringnotequals", "stringnotequalsignorecase", "stringnotlike", "arnnotequals", "arnnotlike"]);

/** `ForAnyValue:StringEquals` → `stringequals`; `…IfExists` and `ForAllValues:` can match an absent key, so they never restrict. */
function baseOperator(operator: string): string | undefined {
  const op = operator.toLowerCase();
  if (op.endsWith("ifexists") || op.startsWith("forallvalues:")) return undefined;
  return op.replace(/^foranyvalue:/, "");
}

const meaningfulValues = (values: readonly string[]): boolean => values.length > 0 && values.some((v) => v.replace(/[*?]/g, "") !== "");

/** A condition that limits who may assume the role to named identities, accounts or organizations. */
export function restrictsCaller(c: Condition): boolean {
  const op = baseOperator(c.operator);
  return op !== undefined && POSITIVE_OPERATORS.has(op) && IDENTITY_KEYS.has(c.key) && meaningfulValues(c.values);
}

/** A Deny that refuses every caller outside named identities (`StringNotEquals aws:PrincipalOrgID …`). */
function denyRestrictsCallers(s: Statement): boolean {
  if (s.effect !== "Deny" || !ASSUME_ACTIONS.some((a) => statementCoversAction(s, a))) return false;
  if (s.principal !== undefined && !isEveryone(s.principal)) return false;
  return s.conditions.some((c) => {
    const op = baseOperator(c.operator);
    return op !== undefined && NEGATIVE_OPERATORS.has(op) && IDENTITY_KEYS.has(c.key) && meaningfulValues(c.values);
  });
}

/** A condition requiring a specific `sts:ExternalId`. */
export function requiresExternalId(c: Condition): boolean {
  const op = baseOperator(c.operator);
  return op !== undefined && POSITIVE_OPERATORS.has(op) && c.key === "sts:externalid" && meaningfulValues(c.values);
}

export interface PublicTrust {
  statement: string;
  principal: Principal | { NotPrincipal: Principal };
  conditions: Condition[];
}

export interface CrossAccountTrust {
  statement: string;
  /** Foreign account ids. */
  accounts: string[];
  /** The principal entries naming them. */
  principals: string[];
  externalId: boolean;
  conditions: Condition[];
}

export interface TrustAnalysis {
  /** Statements that let anyone assume the role with no condition pinning the caller. */
  public: PublicTrust[];
  /** Statements that trust principals of other accounts. */
  crossAccount: CrossAccountTrust[];
}

/** The account of an AWS principal entry (`123456789012`, `arn:aws:iam::123456789012:role/x`); undefined for unique ids and `*`. */
export function principalAccount(entry: string): string | undefined {
  if (/^\d{12}$/.test(entry)) return entry;
  const parts = entry.split(":");
  return parts[0] === "arn" && parts.length >= 6 && /^\d{12}$/.test(parts[4] ?? "") ? parts[4] : undefined;
}

const allowsAssume = (s: Statement): boolean => s.effect === "Allow" && ASSUME_ACTIONS.some((a) => statementCoversAction(s, a));

function trustsEveryone(s: Statement): boolean {
  if (s.notPrincipal !== undefined) return true; // Allow + NotPrincipal: everyone but a few.
  const p = s.principal;
  if (p === undefined) return false;
  return isEveryone(p) || (p !== "*" && (p.Federated ?? []).includes("*"));
}

export function analyzeTrustPolicy(doc: PolicyDocument, ownAccount: string): TrustAnalysis {
  const guardedByDeny = doc.statements.some(denyRestrictsCallers);
  const result: TrustAnalysis = { public: [], crossAccount: [] };
  for (const s of doc.statements) {
    if (!allowsAssume(s)) continue;
    if (trustsEveryone(s)) {
      if (!guardedByDeny && !s.conditions.some(restrictsCaller)) {
        result.public.push({
          statement: statementName(s),
          principal: s.notPrincipal !== undefined ? { NotPrincipal: s.notPrincipal } : s.principal!,
          conditions: s.conditions,
        });
      }
      continue;
    }
    const entries = s.principal && s.principal !== "*" ? (s.principal.AWS ?? []) : [];
    const foreign = entries.filter((e) => {
      const account = principalAccount(e);
      return account !== undefined && account !== ownAccount;
    });
    if (foreign.length) {
      result.crossAccount.push({
        statement: statementName(s),
        accounts: [...new Set(foreign.map((e) => principalAccount(e)!))],
        principals: foreign,
        externalId: s.conditions.some(requiresExternalId),
        conditions: s.conditions,
      });
    }
  }
  return result;
}

// ---- service trust and the confused deputy ------------------------------------------------------

/** Condition keys that tie a service's assumption of the role to the account or resource it acts for. */
const SOURCE_KEYS = new Set(["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths"]);

/** A condition that pins the calling service to named source accounts, resources or organizations. */
export function restrictsSource(c: Condition): boolean {
  const op = baseOperator(c.operator);
  return op !== undefined && POSITIVE_OPERATORS.has(op) && SOURCE_KEYS.has(c.key) && meaningfulValues(c.values);
}

/** A Deny that refuses every source outside named accounts or organizations (`StringNotEquals aws:SourceAccount …`). */
function denyRestrictsSources(s: Statement): boolean {
  if (s.effect !== "Deny" || !ASSUME_ACTIONS.some((a) => statementCoversAction(s, a))) return false;
  // The Deny must reach the service principals: everyone, or services named in it.
  if (s.principal !== undefined && !isEveryone(s.principal) && (s.principal === "*" || !s.principal.Service?.length)) return false;
  return s.conditions.some((c) => {
    const op = baseOperator(c.operator);
    return op !== undefined && NEGATIVE_OPERATORS.has(op) && SOURCE_KEYS.has(c.key) && meaningfulValues(c.values);
  });
}

export interface ServiceTrust {
  statement: string;
  /** The service principals the statement trusts. */
  services: string[];
  /** A condition (or a Deny) pins the source account, resource or organization. */
  sourcePinned: boolean;
  conditions: Condition[];
}

/** Statements that let AWS services assume the role, and whether each pins the source the service acts for. */
export function serviceTrusts(doc: PolicyDocument): ServiceTrust[] {
  const guarded = doc.statements.some(denyRestrictsSources);
  const out: ServiceTrust[] = [];
  for (const s of doc.statements) {
    if (!allowsAssume(s) || s.principal === undefined || s.principal === "*") continue;
    const services = s.principal.Service ?? [];
    if (services.length === 0) continue;
    out.push({
      statement: statementName(s),
      services,
      sourcePinned: guarded || s.conditions.some(restrictsSource),
      conditions: s.conditions,
    });
  }
  return out;
}

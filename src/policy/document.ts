/**
 * IAM / resource policy documents, normalized: every field that AWS allows as a string or
 * an array becomes an array, so analysers never branch on JSON shape.
 */
import { wildcardMatch } from "../wildcard.js";

export { wildcardMatch, wildcardRegExp } from "../wildcard.js";

export type Effect = "Allow" | "Deny";

/** `"*"` (anyone) or principals by kind: { AWS: [...], Service: [...], Federated: [...], CanonicalUser: [...] }. */
export type Principal = "*" | Record<string, string[]>;

export interface Condition {
  /** e.g. "StringEquals", "ForAnyValue:StringLike", "IpAddress", "Bool" (IfExists kept in the name). */
  operator: string;
  /** Condition key, lower-cased (condition keys are case-insensitive). */
  key: string;
  values: string[];
}

export interface Statement {
  /** Position in the document (0-based), for naming it when it has no Sid. */
  index: number;
  sid?: string;
  effect: Effect;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principal?: Principal;
  notPrincipal?: Principal;
  conditions: Condition[];
}

export interface PolicyDocument {
  version?: string;
  statements: Statement[];
}

export class PolicyParseError extends Error {
  override name = "PolicyParseError";
}

/** AWS returns IAM policy documents URL-encoded (moto sometimes does not): decode only when encoded. */
export function decodePolicyText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

const asArray = (v: unknown): string[] | undefined => {
  if (v === undefined) return undefined;
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
  throw new PolicyParseError(`expected a string or an array of strings, got ${JSON.stringify(v)?.slice(0, 80)}`);
};

function parsePrincipal(v: unknown): Principal | undefined {
  if (v === undefined) return undefined;
  if (v === "*") return "*";
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const out: Record<string, string[]> = {};
    for (const [kind, ids] of Object.entries(v)) out[kind] = asArray(ids) ?? [];
    return out;
  }
  throw new PolicyParseError(`unsupported Principal ${JSON.stringify(v)?.slice(0, 80)}`);
}

function parseConditions(v: unknown): Condition[] {
  if (v === undefined) return [];
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new PolicyParseError("Condition must be an object");
  const out: Condition[] = [];
  for (const [operator, block] of Object.entries(v as Record<string, unknown>)) {
    if (typeof block !== "object" || block === null || Array.isArray(block)) {
      throw new PolicyParseError(`Condition operator ${operator} must map keys to values`);
    }
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      const list = Array.isArray(values) ? values : [values];
      out.push({ operator, key: key.toLowerCase(), values: list.map((x) => String(x)) });
    }
  }
  return out;
}

function parseStatement(raw: unknown, index: number): Statement {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new PolicyParseError(`statement ${index} is not an object`);
  const s = raw as Record<string, unknown>;
  if (s.Effect !== "Allow" && s.Effect !== "Deny") throw new PolicyParseError(`statement ${index} has Effect ${JSON.stringify(s.Effect)}`);
  const statement: Statement = { index, effect: s.Effect, conditions: parseConditions(s.Condition) };
  if (typeof s.Sid === "string" && s.Sid) statement.sid = s.Sid;
  const fields = [
    ["Action", "actions"],
    ["NotAction", "notActions"],
    ["Resource", "resources"],
    ["NotResource", "notResources"],
  ] as const;
  for (const [from, to] of fields) {
    const value = asArray(s[from]);
    if (value) statement[to] = value;
  }
  const principal = parsePrincipal(s.Principal);
  if (principal) statement.principal = principal;
  const notPrincipal = parsePrincipal(s.NotPrincipal);
  if (notPrincipal) statement.notPrincipal = notPrincipal;
  return statement;
}

/** Parses a policy from its JSON text (URL-encoded or not) or an already-parsed object. Throws PolicyParseError. */
export function parsePolicy(input: string | object): PolicyDocument {
  let raw: unknown = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(decodePolicyText(input));
    } catch (err) {
      throw new PolicyParseError(`policy is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new PolicyParseError("policy is not a JSON object");
  const doc = raw as Record<string, unknown>;
  const statements = doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return {
    ...(typeof doc.Version === "string" ? { version: doc.Version } : {}),
    statements: statements.map(parseStatement),
  };
}

/** A statement's name for messages: its Sid, or its position. */
export const statementName = (s: Statement): string => (s.sid ? `Sid "${s.sid}"` : `statement #${s.index + 1}`);

/** Whether an action pattern (`s3:Get*`, `*`) covers an action (`s3:GetObject`); actions are case-insensitive. */
export const actionMatches = (pattern: string, action: string): boolean => wildcardMatch(pattern, action, true);

/** Whether a statement's Action / NotAction covers `action`. */
export function statementCoversAction(s: Statement, action: string): boolean {
  if (s.actions) return s.actions.some((p) => actionMatches(p, action));
  if (s.notActions) return !s.notActions.some((p) => actionMatches(p, action));
  return false;
}

/** Principal `*` or `{"AWS": "*"}` (or an AWS list containing `*`): anyone, any account. */
export function isEveryone(p: Principal | undefined): boolean {
  if (p === undefined) return false;
  if (p === "*") return true;
  return (p.AWS ?? []).includes("*") || (p.CanonicalUser ?? []).includes("*");
}

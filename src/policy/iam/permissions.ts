import { statementName, type Condition, type PolicyDocument, type Statement } from "../document.js";
import { actionKey, type ActionCatalog } from "./catalog.js";
import { denyCovers, isBroad, narrowest, scopeBreadth, widest, type ResourceBreadth } from "./resources.js";

/** Where a policy an identity holds comes from. */
export interface PolicySource {
  kind: "inline" | "managed";
  name: string;
  /** Managed policies only. */
  arn?: string;
  awsManaged: boolean;
  /** Set when the identity holds the policy through a group. */
  viaGroup?: string;
  /** The managed policy version in force. */
  versionId?: string;
}

export interface LoadedPolicy {
  source: PolicySource;
  document: PolicyDocument;
}

/** One statement that grants an action: the evidence behind a verdict. */
export interface Grant {
  policy: PolicySource;
  statement: string;
  /** The Action pattern that matched, or `NotAction [...]`. */
  matchedBy: string;
  resources?: string[];
  notResources?: string[];
  breadth: ResourceBreadth;
  conditions?: Condition[];
}

export interface ActionVerdict {
  /** Canonical action name. */
  action: string;
  allowed: boolean;
  /** Allowed on every resource of one of its resource types (or on everything); see ResourceBreadth. */
  broad: boolean;
  /** Allowed on every resource (`*`). */
  allResources: boolean;
  /** Every grant that survives carries a Condition. */
  conditional: boolean;
  /** The Allow statements that survive Deny and the permissions boundary. */
  grants: Grant[];
  /** Unconditional Deny statements that cancelled grants. */
  deniedBy: Grant[];
  /** The permissions boundary does not allow the action. */
  blockedByBoundary: boolean;
}

/** A statement compiled once: the set of action keys it covers, and its resource reach for any action (`all` is what matters). */
export interface CompiledStatement {
  policy: PolicySource;
  statement: Statement;
  actions: ReadonlySet<string>;
  breadth: ResourceBreadth;
}

const actionSetCache = new WeakMap<ActionCatalog, Map<string, ReadonlySet<string>>>();

/** The action keys a statement's Action or NotAction covers, expanded over the catalogue (cached per pattern list). */
export function statementActions(catalog: ActionCatalog, s: Statement): ReadonlySet<string> {
  let cache = actionSetCache.get(catalog);
  if (!cache) actionSetCache.set(catalog, (cache = new Map<string, ReadonlySet<string>>()));
  const cacheKey = s.actions ? `A|${s.actions.join("\n")}` : s.notActions ? `N|${s.notActions.join("\n")}` : "";
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const set: ReadonlySet<string> = s.actions
    ? catalog.expandAll(s.actions)
    : s.notActions
      ? catalog.complement(s.notActions)
      : new Set<string>();
  cache.set(cacheKey, set);
  return set;
}

export const compileStatement = (catalog: ActionCatalog, policy: PolicySource, statement: Statement): CompiledStatement => ({
  policy,
  statement,
  actions: statementActions(catalog, statement),
  breadth: scopeBreadth(statement),
});

/** Per statement: each covered key → the first of its Action patterns that covers it (built once; AWS's read-only policies list thousands). */
const firstPatterns = new WeakMap<Statement, Map<string, string>>();

function matchedBy(catalog: ActionCatalog, s: Statement, key: string): string {
  if (s.notActions) return `NotAction ${JSON.stringify(s.notActions)}`;
  if (!s.actions) return key;
  let first = firstPatterns.get(s);
  if (!first) {
    first = new Map<string, string>();
    for (const p of s.actions) for (const k of catalog.expand(p)) if (!first.has(k)) first.set(k, p);
    firstPatterns.set(s, first);
  }
  return first.get(key) ?? key;
}

/** How far a statement's resources reach for one action. */
export function grantBreadth(catalog: ActionCatalog, s: Statement, key: string): ResourceBreadth {
  if (s.notResources) return s.notResources.length === 0 ? "all" : "type";
  return (s.resources ?? []).map((r) => catalog.resourceBreadth(key, r)).reduce<ResourceBreadth>(widest, "scoped");
}

export function toGrant(catalog: ActionCatalog, c: CompiledStatement, key: string): Grant {
  const s = c.statement;
  return {
    policy: c.policy,
    statement: statementName(s),
    matchedBy: matchedBy(catalog, s, key),
    ...(s.resources ? { resources: s.resources } : {}),
    ...(s.notResources ? { notResources: s.notResources } : {}),
    breadth: grantBreadth(catalog, s, key),
    ...(s.conditions.length ? { conditions: s.conditions } : {}),
  };
}

/**
 * What an identity may do, from the identity policies it holds (its own and its groups'),
 * honouring explicit Deny, resource scope and its permissions boundary.
 *
 * Rules, stated so findings can be trusted:
 * - an Allow with a Condition still grants (it is reported as conditional);
 * - a Deny cancels an Allow only when it is unconditional and its resources cover all of the Allow's;
 * - a permissions boundary limits what is allowed to what it allows itself;
 * - SCPs, RCPs, resource policies and session policies are outside this view.
 */
export class EffectivePermissions {
  readonly #allows: CompiledStatement[] = [];
  readonly #denies: CompiledStatement[] = [];
  /** Verdicts of actions some Allow statement covers; the others share one verdict per action (`notAllowed`). */
  readonly #verdicts = new Map<string, ActionVerdict>();
  readonly #broadly = new WeakMap<readonly string[], ActionVerdict[]>();

  constructor(
    readonly catalog: ActionCatalog,
    readonly policies: readonly LoadedPolicy[],
    readonly boundary?: EffectivePermissions,
  ) {
    for (const p of policies) {
      for (const s of p.document.statements) {
        const compiled = compileStatement(catalog, p.source, s);
        (s.effect === "Allow" ? this.#allows : this.#denies).push(compiled);
      }
    }
  }

  /** Allow statements, compiled (for analyses that look at statement shape, e.g. `*` on `*`). */
  get allowStatements(): readonly CompiledStatement[] {
    return this.#allows;
  }

  check(action: string): ActionVerdict {
    const key = actionKey(action);
    const cached = this.#verdicts.get(key);
    if (cached) return cached;
    // Most actions are granted by nothing an identity holds: their verdict is the same for every identity,
    // and is not stored per identity (hundreds of actions are asked of each of tens of thousands of identities).
    if (!this.#allows.some((a) => a.actions.has(key))) return notAllowed(this.catalog, key);

    const denies = this.#denies.filter((d) => d.actions.has(key) && d.statement.conditions.length === 0);
    const grants: Grant[] = [];
    const deniedBy = new Map<CompiledStatement, Grant>();
    let breadth: ResourceBreadth | undefined;
    let conditional = true;
    for (const allow of this.#allows) {
      if (!allow.actions.has(key)) continue;
      const cancelling = denies.find((d) => denyCovers(d.statement, allow.statement));
      if (cancelling) {
        if (!deniedBy.has(cancelling)) deniedBy.set(cancelling, toGrant(this.catalog, cancelling, key));
        continue;
      }
      const grant = toGrant(this.catalog, allow, key);
      grants.push(grant);
      breadth = breadth === undefined ? grant.breadth : widest(breadth, grant.breadth);
      if (allow.statement.conditions.length === 0) conditional = false;
    }

    let blockedByBoundary = false;
    if (breadth !== undefined && this.boundary) {
      const b = this.boundary.check(key);
      if (!b.allowed) {
        blockedByBoundary = true;
        breadth = undefined;
      } else {
        breadth = narrowest(breadth, b.allResources ? "all" : b.broad ? "type" : "scoped");
      }
    }

    const allowed = breadth !== undefined;
    const verdict: ActionVerdict = {
      action: this.catalog.display(key),
      allowed,
      broad: allowed && isBroad(breadth!),
      allResources: allowed && breadth === "all",
      conditional: allowed && conditional,
      grants: allowed ? grants : [],
      deniedBy: [...deniedBy.values()],
      blockedByBoundary,
    };
    this.#verdicts.set(key, verdict);
    return verdict;
  }

  /** The actions among `keys` allowed on broad resources (all of a type, or `*`); a new array (callers sort it). */
  broadlyAllowed(keys: readonly string[]): ActionVerdict[] {
    let out = this.#broadly.get(keys);
    if (!out) {
      out = [];
      // Only the actions an Allow statement covers can be allowed: no identity is asked about every key.
      const candidates = this.#allows.length === 0 ? [] : keys;
      for (const k of candidates) {
        const v = this.check(k);
        if (v.broad) out.push(v);
      }
      this.#broadly.set(keys, out);
    }
    return [...out];
  }
}

const notAllowedCache = new WeakMap<ActionCatalog, Map<string, ActionVerdict>>();

/** The verdict of an action no Allow statement covers: not allowed, nothing granted or denied (shared, frozen). */
function notAllowed(catalog: ActionCatalog, key: string): ActionVerdict {
  let cache = notAllowedCache.get(catalog);
  if (!cache) notAllowedCache.set(catalog, (cache = new Map<string, ActionVerdict>()));
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = Object.freeze({
      action: catalog.display(key),
      allowed: false,
      broad: false,
      allResources: false,
      conditional: false,
      grants: Object.freeze([]) as unknown as Grant[],
      deniedBy: Object.freeze([]) as unknown as Grant[],
      blockedByBoundary: false,
    });
    cache.set(key, verdict);
  }
  return verdict;
}

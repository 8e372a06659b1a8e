import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { SNAPSHOT_FORMAT, type CallError, type Inventory } from "./inventory/index.js";
import { CALL_ERRORS_SCHEMA, schemaPath, serviceSchema, type SchemaSource } from "./inventory/schemas.js";
import { UsageError } from "./errors.js";
import { isServiceId, isSliceId, serviceById } from "./services/index.js";
import { jsonPieces } from "./json-file.js";
import { readJsonInput } from "./text-file.js";

const compiled = new Map<string, ValidateFunction>();

function validator(source: SchemaSource): ValidateFunction {
  let validate = compiled.get(source.schema);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaPath(source), "utf8")) as Record<string, unknown>;
    // The generated schemas are large and trusted (a test checks them); skipping their meta-validation and
    // code optimisation halves the compile time a scan from a snapshot pays once.
    validate = new Ajv({ strict: false, validateSchema: false, code: { optimize: false } }).compile(schema);
    compiled.set(source.schema, validate);
  }
  return validate;
}

/** Snapshots are read in chunks (never as one string), so the cap is only a guard against the wrong file. */
export const MAX_SNAPSHOT_BYTES = 4096 * 1024 * 1024;

/**
 * The snapshot file's text, `JSON.stringify(inventory, null, 1)` and a newline, in pieces (one per
 * listed resource and smaller), so that an inventory of any size is written without one string
 * holding it all (V8 caps a string near 512 MiB).
 */
export function* snapshotPieces(inventory: Inventory): Generator<string> {
  yield* jsonPieces(inventory, 1, 8);
  yield "\n";
}

/** The whole snapshot text as one string (small inventories, tests). */
export const snapshotText = (inventory: Inventory): string => [...snapshotPieces(inventory)].join("");

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Reads an inventory snapshot of any size, refusing anything that is not one (with a one-line reason). */
export function loadSnapshot(path: string): Inventory {
  return validateInventory(readJsonInput(path, "snapshot", MAX_SNAPSHOT_BYTES), path);
}

const BASE_KEYS = new Set(["format", "accountId", "partition", "collectedAt", "collectedBy", "regions", "slices", "errors"]);

/** The first schema violation of `value`, as "<where> <what>", with `prefix` in front of the JSON pointer. */
function violation(validate: ValidateFunction, value: unknown, prefix: string): string | undefined {
  if (validate(value)) return undefined;
  const e = validate.errors?.[0];
  const extra =
    e?.keyword === "additionalProperties" ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'` : "";
  return `${prefix}${e?.instancePath ?? ""} ${e?.message ?? "is invalid"}${extra}`;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
}

export function parseSnapshot(text: string, name = "snapshot"): Inventory {
  return validateInventory(parseJson(text, name), name);
}

/** An organization snapshot: one entry per account, each an inventory or the reason it could not be entered. */
export const ORG_SNAPSHOT_FORMAT = "yourside-organization/1";

export type OrgSnapshotEntry =
  { accountId: string; name?: string; inventory: Inventory } | { accountId: string; name?: string; error: CallError };

export type AnySnapshot = { kind: "account"; inventory: Inventory } | { kind: "organization"; accounts: OrgSnapshotEntry[] };

/** Reads a single-account snapshot or an organization snapshot. */
export function loadAnySnapshot(path: string): AnySnapshot {
  return anySnapshot(readJsonInput(path, "snapshot", MAX_SNAPSHOT_BYTES), path);
}

export const parseAnySnapshot = (text: string, name = "snapshot"): AnySnapshot => anySnapshot(parseJson(text, name), name);

function anySnapshot(data: unknown, name: string): AnySnapshot {
  const org = data as { format?: unknown; accounts?: unknown } | null;
  if (typeof org !== "object" || org === null || org.format !== ORG_SNAPSHOT_FORMAT)
    return { kind: "account", inventory: validateInventory(data, name) };
  const invalid = (problem: string) => new UsageError(`${name} is not a valid organization snapshot: ${problem}`);
  if (!Array.isArray(org.accounts)) throw invalid("/accounts must be array");
  const extra = Object.keys(org).filter((k) => k !== "format" && k !== "accounts");
  if (extra.length) throw invalid(`(top level) must NOT have additional properties '${extra[0]}'`);
  const errors = validator(CALL_ERRORS_SCHEMA);
  const seen = new Set<string>();
  const accounts = org.accounts.map((raw, i): OrgSnapshotEntry => {
    const e = raw as Record<string, unknown> | null;
    if (typeof e !== "object" || e === null || typeof e.accountId !== "string" || !/^\d{12}$/.test(e.accountId))
      throw invalid(`/accounts/${i}/accountId must be a 12-digit string`);
    if (seen.has(e.accountId)) throw invalid(`/accounts/${i} repeats account ${e.accountId}`);
    seen.add(e.accountId);
    if (e.name !== undefined && typeof e.name !== "string") throw invalid(`/accounts/${i}/name must be a string`);
    const base = { accountId: e.accountId, ...(typeof e.name === "string" ? { name: e.name } : {}) };
    if ("inventory" in e) {
      const inventory = validateInventory(e.inventory, `${name} /accounts/${i}/inventory`);
      if (inventory.accountId !== e.accountId) throw invalid(`/accounts/${i}/inventory is of account ${inventory.accountId}`);
      return { ...base, inventory };
    }
    const problem = violation(errors, e.error, `/accounts/${i}/error`);
    if (problem || e.error === undefined) throw invalid(problem ?? `/accounts/${i} has neither inventory nor error`);
    return { ...base, error: e.error as CallError };
  });
  return { kind: "organization", accounts };
}

/** Validates parsed JSON as an inventory snapshot. */
export function validateInventory(data: unknown, name: string): Inventory {
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new UsageError(`${name} is not a yourside inventory snapshot (not a JSON object)`);
  const inv = data as Record<string, unknown>;
  if (inv.format !== SNAPSHOT_FORMAT) {
    throw new UsageError(
      `${name} is not a yourside inventory snapshot (format ${JSON.stringify(inv.format) ?? "missing"}, expected "${SNAPSHOT_FORMAT}")`,
    );
  }
  const problems: string[] = [];
  if (typeof inv.accountId !== "string" || !/^\d{12}$/.test(inv.accountId)) problems.push("accountId must be a 12-digit string");
  if (typeof inv.partition !== "string") problems.push("partition must be a string");
  if (typeof inv.collectedAt !== "string" || Number.isNaN(Date.parse(inv.collectedAt))) problems.push("collectedAt must be an ISO date");
  if (inv.collectedBy !== undefined && (typeof inv.collectedBy !== "string" || !inv.collectedBy.startsWith("arn:")))
    problems.push("collectedBy must be an ARN");
  if (!isStringArray(inv.regions)) problems.push("regions must be an array of strings");
  if (!isStringArray(inv.slices)) problems.push("slices must be an array of strings");
  else {
    const unknown = inv.slices.filter((s) => !isSliceId(s));
    if (unknown.length) problems.push(`unknown slices: ${unknown.slice(0, 5).join(", ")}`);
  }
  if (problems.length) throw new UsageError(`${name} is not a valid inventory snapshot: ${problems.join("; ")}`);
  const invalid = (problem: string) => new UsageError(`${name} is not a valid inventory snapshot: ${problem}`);
  if (!Array.isArray(inv.errors)) throw invalid("/errors must be array");
  const errors = validator(CALL_ERRORS_SCHEMA);
  inv.errors.forEach((e, i) => {
    const problem = violation(errors, e, `/errors/${i}`);
    if (problem) throw invalid(problem);
  });
  for (const [key, value] of Object.entries(inv)) {
    if (BASE_KEYS.has(key)) continue;
    if (!isServiceId(key)) throw invalid(`(top level) must NOT have additional properties '${key}'`);
    const problem = violation(validator(serviceSchema(serviceById(key))), value, `/${key}`);
    if (problem) throw invalid(problem);
  }
  return data as Inventory;
}

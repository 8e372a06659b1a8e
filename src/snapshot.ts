import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { isSliceId, SNAPSHOT_FORMAT, type Inventory } from "./inventory/index.js";
import type { SnapshotShape } from "./inventory/snapshot-shape.js";
import { UsageError } from "./errors.js";
import { readTextFile } from "./text-file.js";
import { packageRoot } from "./version.js";

/** Generated from the inventory types by `npm run schema`; a test keeps it in step with them. */
export const SNAPSHOT_SCHEMA_PATH = join(packageRoot(), "src", "inventory", "snapshot.schema.json");

let compiledShape: ValidateFunction<SnapshotShape> | undefined;

function shapeValidator(): ValidateFunction<SnapshotShape> {
  if (!compiledShape) {
    const schema = JSON.parse(readFileSync(SNAPSHOT_SCHEMA_PATH, "utf8")) as Record<string, unknown>;
    // The generated schema is large and trusted (a test checks it); skipping its meta-validation and
    // code optimisation halves the compile time a scan from a snapshot pays once.
    compiledShape = new Ajv({ strict: false, validateSchema: false, code: { optimize: false } }).compile<SnapshotShape>(schema);
  }
  return compiledShape;
}

const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

export const snapshotText = (inventory: Inventory): string => `${JSON.stringify(inventory, null, 1)}\n`;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Reads an inventory snapshot, refusing anything that is not one (with a one-line reason). */
export function loadSnapshot(path: string): Inventory {
  return parseSnapshot(readTextFile(path, "snapshot", MAX_SNAPSHOT_BYTES), path);
}

export function parseSnapshot(text: string, name = "snapshot"): Inventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
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
  if (!isStringArray(inv.regions)) problems.push("regions must be an array of strings");
  if (!isStringArray(inv.slices)) problems.push("slices must be an array of strings");
  else {
    const unknown = inv.slices.filter((s) => !isSliceId(s));
    if (unknown.length) problems.push(`unknown slices: ${unknown.slice(0, 5).join(", ")}`);
  }
  if (problems.length) throw new UsageError(`${name} is not a valid inventory snapshot: ${problems.join("; ")}`);
  const shape = shapeValidator();
  const { format: _f, accountId: _a, partition: _p, collectedAt: _c, regions: _r, slices: _s, ...rest } = inv;
  if (!shape(rest)) {
    const e = shape.errors?.[0];
    const extra =
      e?.keyword === "additionalProperties" ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'` : "";
    throw new UsageError(
      `${name} is not a valid inventory snapshot: ${e?.instancePath || "(top level)"} ${e?.message ?? "is invalid"}${extra}`,
    );
  }
  return data as Inventory;
}

import { readFileSync } from "node:fs";
import { isSliceId, SNAPSHOT_FORMAT, type Inventory } from "./inventory/index.js";
import { UsageError } from "./errors.js";
import { writeFileAtomic } from "./output.js";

export function saveSnapshot(path: string, inventory: Inventory): void {
  writeFileAtomic(path, `${JSON.stringify(inventory, null, 1)}\n`);
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Reads an inventory snapshot, refusing anything that is not one (with a one-line reason). */
export function loadSnapshot(path: string): Inventory {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read snapshot ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseSnapshot(text, path);
}

export function parseSnapshot(text: string, name = "snapshot"): Inventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new UsageError(`${name} is not a yourside inventory snapshot (not a JSON object)`);
  const inv = data as Record<string, unknown>;
  if (inv.format !== SNAPSHOT_FORMAT) {
    throw new UsageError(`${name} is not a yourside inventory snapshot (format ${JSON.stringify(inv.format) ?? "missing"}, expected "${SNAPSHOT_FORMAT}")`);
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
  if (!Array.isArray(inv.errors)) problems.push("errors must be an array");
  for (const service of ["s3", "iam", "ec2", "config"]) {
    const part = inv[service];
    if (part !== undefined && (typeof part !== "object" || part === null || Array.isArray(part))) problems.push(`${service} must be an object`);
  }
  if (problems.length) throw new UsageError(`${name} is not a valid inventory snapshot: ${problems.join("; ")}`);
  return data as Inventory;
}

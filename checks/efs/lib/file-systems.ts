/** What the EFS checks share: every file system of every scanned region. */
import { PolicyParseError, parsePolicy, type PolicyDocument } from "../../../src/policy/document.js";
import type { EvaluationContext, Gated } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { fileSystemResource, type FileSystem } from "../../../src/services/efs/inventory.js";

export interface FileSystemAt {
  resource: ResourceRef;
  region: string;
}

/** `fs-0123 (name)`, for messages. */
export const fileSystemName = (fs: FileSystem): string => (fs.name ? `${fs.id} (${fs.name})` : fs.id);

/** One outcome per file system, in its region, and an ERROR for each region whose file systems could not be listed. */
export function forEachFileSystem(
  inv: Inventory,
  { read }: EvaluationContext,
  evaluate: (fs: FileSystem, at: FileSystemAt) => Outcome,
): Outcome[] {
  return inv.regions.flatMap((region) => {
    const listed = read("efs.fileSystems", region);
    if (!listed.ok) return [listed.outcome];
    return listed.value.map((fs) => evaluate(fs, { resource: fileSystemResource(fs), region }));
  });
}

/** The file system's policy, parsed; `null` when it has none; the ERROR when it could not be read or is not a policy. */
export function fileSystemPolicy(ctx: EvaluationContext, fs: FileSystem, { resource, region }: FileSystemAt): Gated<PolicyDocument | null> {
  const text = ctx.read("efs.fileSystemPolicy", fs, region);
  if (!text.ok || text.value === null) return text as Gated<null>;
  try {
    return { ok: true, value: parsePolicy(text.value) };
  } catch (err) {
    if (!(err instanceof PolicyParseError)) throw err;
    const outcome = ctx.unusable("efs.fileSystemPolicy", { resource, region, code: "MalformedPolicy", message: err.message, about: fs.id });
    return { ok: false, error: outcome.error!, outcome };
  }
}

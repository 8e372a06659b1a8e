/**
 * What is checked before anything is called on AWS: a named profile exists, the regions are AWS's,
 * the places reports go can be written. A problem is one line and exit 2, and costs no AWS call.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { partition } from "@aws-sdk/core/client";
import { loadSharedConfigFiles } from "@smithy/core/config";
import { UsageError } from "../errors.js";

const errno = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** A profile given by --profile or AWS_PROFILE must exist in the shared config or credentials file. */
export async function checkProfile(name: string | undefined, source: string): Promise<void> {
  if (!name) return;
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  if (name in files.configFile || name in files.credentialsFile) return;
  const known = [...new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)])].sort();
  throw new UsageError(
    `AWS profile ${JSON.stringify(name)} (${source}) is not defined in the shared config or credentials file` +
      (known.length ? ` (profiles there: ${known.slice(0, 10).join(", ")}${known.length > 10 ? ", …" : ""})` : " (there are no profiles)"),
  );
}

/** The partition a region belongs to, by the SDK's own region data; undefined for a region it does not know. */
export function regionPartition(region: string): string | undefined {
  const info = partition(region) as { name?: string; description?: string };
  // Known regions carry a description; a name that only matches a partition's pattern does not.
  return info.description !== undefined && !region.endsWith("-global") ? info.name : undefined;
}

/** Regions must be AWS's (by the SDK's partition data, not a list of ours). */
export function checkRegions(regions: readonly string[]): void {
  const unknown = regions.filter((r) => regionPartition(r) === undefined);
  if (unknown.length) {
    throw new UsageError(
      `--regions: unknown region ${unknown.map((r) => JSON.stringify(r)).join(", ")} (not a region of any AWS partition this release of yourside knows; 'aws ec2 describe-regions --all-regions' lists yours)`,
    );
  }
}

/** The account's partition must hold every region asked for (an aws-cn account cannot scan us-east-1). */
export function checkRegionsInPartition(regions: readonly string[], accountPartition: string): void {
  const elsewhere = regions.filter((r) => regionPartition(r) !== accountPartition);
  if (elsewhere.length) {
    throw new UsageError(`--regions: ${elsewhere.join(", ")} not in partition ${accountPartition}, where the account is`);
  }
}

/**
 * `mkdir -p`, one directory at a time: Node's recursive mkdirSync never returns for a path under a
 * pseudo file system that refuses new entries (`/proc/nope`).
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}

/** The output directory exists or can be made, and a file can be written in it: found out before the scan, not after. */
export function checkWritableDir(flag: string, dir: string): void {
  if (dir === "") throw new UsageError(`${flag}: a directory is required`);
  try {
    makeDirs(dir);
  } catch (err) {
    throw new UsageError(`${flag}: cannot create ${dir}: ${errno(err)}`);
  }
  if (!statSync(dir).isDirectory()) throw new UsageError(`${flag}: ${dir} is not a directory`);
  const probe = join(dir, `.yourside-write-test.${process.pid}`);
  try {
    writeFileSync(probe, "");
  } catch (err) {
    throw new UsageError(`${flag}: cannot write in ${dir}: ${errno(err)}`);
  }
  rmSync(probe, { force: true });
}

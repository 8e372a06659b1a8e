import { readFileSync, statSync } from "node:fs";
import { UsageError } from "./errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a user-supplied text file (snapshot, config): refused with one line when it is missing,
 * a directory, larger than `maxBytes` (checked before reading) or not UTF-8.
 */
export function readTextFile(path: string, what: string, maxBytes: number): string {
  let bytes: Buffer;
  try {
    if (statSync(path).size > maxBytes) throw new UsageError(`${what} ${path} is larger than ${maxBytes / 1024 / 1024} MB`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UsageError(`${what} ${path} is not UTF-8 text`);
  }
}

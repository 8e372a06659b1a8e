import { readFileSync, statSync } from "node:fs";
import { UsageError } from "./errors.js";
import { JsonFileError, readJsonFile, type ReadJsonOptions } from "./json-file.js";
import { heapGuard, OutOfMemoryError } from "./memory.js";

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

/**
 * Reads a user-supplied JSON file of any size up to `maxBytes` (snapshot, baseline report) in chunks,
 * never as one string (see json-file.ts): refused with one line when it is missing, a directory,
 * larger than `maxBytes`, not UTF-8 or not JSON.
 */
export function readJsonInput(path: string, what: string, maxBytes: number, options: ReadJsonOptions = {}): unknown {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (stat.size > maxBytes) throw new UsageError(`${what} ${path} is larger than ${maxBytes / 1024 / 1024} MB`);
    const total = `${Math.round(stat.size / 1024 / 1024)} MB`;
    let read = 0;
    heapGuard.during(`reading ${what} ${path}`, () => `${Math.round(read / 1024 / 1024)} MB of its ${total} read`);
    return readJsonFile(path, {
      ...options,
      progress: (bytes) => {
        read = bytes;
        heapGuard.tick();
      },
    });
  } catch (err) {
    if (err instanceof UsageError || err instanceof OutOfMemoryError) throw err;
    if (err instanceof JsonFileError) {
      throw new UsageError(err.kind === "encoding" ? `${what} ${path} is not UTF-8 text` : `${path} is not valid JSON: ${err.message}`);
    }
    throw new UsageError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

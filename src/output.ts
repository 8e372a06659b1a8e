import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { heapGuard } from "./memory.js";

/**
 * Writes a file so that readers only ever see the old content or the complete new one:
 * a temporary file in the same directory, flushed, then renamed over the target.
 */
export function writeFileAtomic(path: string, content: string | Iterable<string>): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "w", 0o644);
    if (typeof content === "string") writeSync(fd, content);
    else writePieces(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

const FLUSH_AT = 1 << 20;

/** Pieces gathered into writes of about a MiB: few system calls, and never the whole file in memory. */
function writePieces(fd: number, pieces: Iterable<string>): void {
  let buffered: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    heapGuard.tick();
    buffered.push(piece);
    size += piece.length;
    if (size >= FLUSH_AT) {
      writeSync(fd, buffered.join(""));
      buffered = [];
      size = 0;
    }
  }
  if (size > 0) writeSync(fd, buffered.join(""));
}

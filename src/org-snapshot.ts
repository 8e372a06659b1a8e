/**
 * Writes an organization snapshot one account at a time, as each completes: a temporary file beside the
 * target, one account per line, renamed over the target only when every account is in. Readers see the
 * old file or the complete new one; memory never holds more than the account being written.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { jsonPieces } from "./json-file.js";
import { ORG_SNAPSHOT_FORMAT, type OrgSnapshotEntry } from "./snapshot.js";

const CHUNK = 1 << 20;

export class OrgSnapshotWriter {
  readonly #path: string;
  readonly #tmp: string;
  #fd: number | undefined;
  #count = 0;

  constructor(path: string) {
    this.#path = path;
    this.#tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    this.#fd = openSync(this.#tmp, "w", 0o644);
    writeSync(this.#fd, `{"format":${JSON.stringify(ORG_SNAPSHOT_FORMAT)},"accounts":[\n`);
  }

  add(entry: OrgSnapshotEntry): void {
    if (this.#fd === undefined) throw new Error("snapshot already closed");
    // In pieces, gathered into chunks: one account's inventory can be larger than a string can hold.
    let chunk = this.#count > 0 ? ",\n" : "";
    for (const piece of jsonPieces(entry, 0, 9)) {
      chunk += piece;
      if (chunk.length >= CHUNK) {
        writeSync(this.#fd, chunk);
        chunk = "";
      }
    }
    writeSync(this.#fd, chunk);
    this.#count++;
  }

  commit(): void {
    if (this.#fd === undefined) return;
    writeSync(this.#fd, "\n]}\n");
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    this.#fd = undefined;
    renameSync(this.#tmp, this.#path);
  }

  abort(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#tmp, { force: true });
  }
}

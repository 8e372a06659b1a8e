/**
 * The heap guard: running out of memory is one line and exit 4, never V8's fatal error.
 *
 * V8 cannot be asked to fail softly: when the heap reaches its limit (`--max-old-space-size`, by
 * default a share of the machine's memory) the process dies with "FATAL ERROR: Reached heap limit",
 * a native stack trace and exit 134. So the scan watches the heap itself, at checkpoints in every
 * loop whose size grows with the account (snapshot reading, check evaluation, report building,
 * report writing). When the heap in use passes `trigger` of the limit, it collects garbage and
 * measures again; if what is still live passes `abort` of the limit, the scan stops with an
 * OutOfMemoryError naming what it was doing and how much it held, before V8 would. Reports are
 * written to a temporary file and renamed, so the previous report stays as it was.
 *
 * What fills up is V8's old generation (`--max-old-space-size`): the heap limit V8 reports also
 * counts the young generation (three semi-spaces, 16 MB each by default), which never holds more
 * than its own size. So the guard compares the old generation's use with the heap limit less the
 * young generation.
 *
 * A checkpoint costs about a microsecond (v8.getHeapStatistics), and only one call in `every` reads it.
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export class OutOfMemoryError extends Error {
  override name = "OutOfMemoryError";
}

export interface HeapGuardOptions {
  /** Heap in use (share of the limit) at which garbage is collected and the heap measured again. */
  trigger?: number;
  /** Live heap after collection (share of the limit) at which the scan stops. */
  abort?: number;
  /** One checkpoint call in this many reads the heap. */
  every?: number;
  /** The heap limit in bytes (default: V8's). */
  limit?: number;
}

const MB = 1024 * 1024;

/** The young generation's largest size: three semi-spaces of `--max-semi-space-size` (16 MB on 64-bit by default). */
function youngGenerationLimit(): number {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  let semiSpace = 16;
  for (const flag of flags) {
    const m = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(flag);
    if (m) semiSpace = Number(m[1]);
  }
  return 3 * semiSpace * MB;
}

/** Bytes in use outside the young generation (what `--max-old-space-size` limits). */
function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name !== "new_space" && space.space_name !== "new_large_object_space") used += space.space_used_size;
  }
  return used;
}
const size = (bytes: number): string => (bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`);

let collect: (() => void) | undefined;
/** A full garbage collection (the flag is set only when first needed, near the limit). */
function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}

export class HeapGuard {
  readonly limit: number;
  readonly #trigger: number;
  readonly #abort: number;
  readonly #every: number;
  #calls = 0;
  /** Heap in use at which the next collection is made. */
  #next: number;
  #activity = "starting";
  #held: () => string | undefined = () => undefined;

  constructor(options: HeapGuardOptions = {}) {
    this.limit = options.limit ?? Math.max(16 * MB, getHeapStatistics().heap_size_limit - youngGenerationLimit());
    this.#trigger = options.trigger ?? 0.65;
    // Below 0.8: V8 also gives up when a full collection leaves its old generation over 80% of the limit
    // four times running, freeing too little ("Ineffective mark-compacts near heap limit").
    this.#abort = options.abort ?? 0.75;
    this.#every = Math.max(1, options.every ?? 128);
    this.#next = this.#trigger * this.limit;
  }

  /** What the scan is doing from now on, and what it holds (for the message). */
  during(activity: string, held: () => string | undefined = () => undefined): void {
    this.#activity = activity;
    this.#held = held;
  }

  /** A checkpoint in a loop: cheap; throws OutOfMemoryError when the live heap is near the limit. */
  tick(): void {
    if (++this.#calls % this.#every === 0) this.check();
  }

  /** Reads the heap now (see tick). */
  check(): void {
    // The total in use bounds the old generation's from above, and is the cheaper read.
    if (getHeapStatistics().used_heap_size < this.#next) return;
    if (oldGenerationUsed() < this.#next) return;
    collectGarbage();
    const live = oldGenerationUsed();
    if (live >= this.#abort * this.limit) {
      const held = this.#held();
      throw new OutOfMemoryError(
        `out of memory while ${this.#activity}: ${size(live)} of the ${size(this.limit)} heap in use after garbage collection${held ? ` (${held})` : ""}; raise the limit with NODE_OPTIONS=--max-old-space-size=${Math.ceil((2 * this.limit) / MB)} or scan fewer regions/services (the previous reports are intact)`,
      );
    }
    // Collect again once another 5% of the limit is in use (V8 collects on its own in between).
    this.#next = Math.max(this.#trigger * this.limit, live + 0.05 * this.limit);
  }
}

/** The process's guard, used by every stage of a scan. */
export const heapGuard = new HeapGuard();

/** `count` with thousands separators, and its noun: "253,185 findings". */
export const counted = (count: number, noun: string): string => `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;

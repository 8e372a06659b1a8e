import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getHeapSpaceStatistics } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { demoSnapshotPath } from "../../src/demo.js";
import type { Inventory } from "../../src/inventory/index.js";
import { HeapGuard, OutOfMemoryError } from "../../src/memory.js";
import { snapshotText } from "../../src/snapshot.js";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "yourside-oom-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample account with `n` buckets (distinct names): ~11 MB of snapshot for 8,000. */
function snapshotWithBuckets(n: number): string {
  const inv = JSON.parse(readFileSync(demoSnapshotPath(), "utf8")) as Inventory;
  const buckets = inv.s3!.buckets!;
  if (!buckets.ok) throw new Error("the sample account lists its buckets");
  const originals = [...buckets.value];
  for (let i = 0; buckets.value.length < n; i++) {
    const b = structuredClone(originals[i % originals.length]!);
    buckets.value.push({ ...b, name: `${b.name}-c${i}`, arn: `${b.arn}-c${i}` });
  }
  return snapshotText(inv);
}

const oldGeneration = (): number =>
  getHeapSpaceStatistics()
    .filter((s) => s.space_name !== "new_space" && s.space_name !== "new_large_object_space")
    .reduce((n, s) => n + s.space_used_size, 0);

describe("running out of memory", () => {
  it("a scan larger than its heap stops with one line and exit 4, never V8's fatal error, and the previous report survives", async () => {
    const snapshot = join(dir, "large.snapshot.json");
    writeFileSync(snapshot, snapshotWithBuckets(8000));
    const out = join(dir, "out");
    rmSync(out, { recursive: true, force: true });
    const report = join(dir, "yourside-report.json");
    writeFileSync(report, "the previous report\n");
    // A 64 MB heap holds the program and the sample account, not 8,000 buckets' findings.
    const run = await runCli(
      ["scan", "--from-snapshot", snapshot, "--services", "s3", "--format", "json", "--output", report, "--fail-on", "none", "--quiet"],
      { NODE_OPTIONS: "--max-old-space-size=64" },
    );
    expect(run.stderr).not.toMatch(/FATAL|heap limit|stack|^\s+at /im);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^yourside: out of memory while (reading snapshot \S+|evaluating check s3-[a-z-]+): \d+ MB of the 64 MB heap in use after garbage collection( \([^)]+\))?; raise the limit with NODE_OPTIONS=--max-old-space-size=128 or scan fewer regions\/services \(the previous reports are intact\)$/,
    );
    expect(readFileSync(report, "utf8")).toBe("the previous report\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("the guard stops when what is live after collecting garbage passes its share of the limit, naming the activity and what it held", () => {
    const used = oldGeneration();
    // Whatever garbage collection frees, more than 1 MB stays live: over the line at once.
    const tight = new HeapGuard({ limit: 1024 * 1024, every: 1 });
    tight.during("evaluating check s3-bucket-versioning", () => "12,345 findings");
    expect(() => tight.tick()).toThrow(OutOfMemoryError);
    expect(() => tight.check()).toThrow(
      /^out of memory while evaluating check s3-bucket-versioning: \d+ MB of the \d+ MB heap in use after garbage collection \(12,345 findings\); raise the limit with NODE_OPTIONS=--max-old-space-size=\d+ /,
    );
    const roomy = new HeapGuard({ limit: used * 10, every: 1 });
    for (let i = 0; i < 1000; i++) roomy.tick();
    // Below the trigger it reads the heap and nothing else: no garbage collection is forced.
    const sometimes = new HeapGuard({ limit: used * 10, every: 1000 });
    expect(() => {
      for (let i = 0; i < 10_000; i++) sometimes.tick();
    }).not.toThrow();
  });
});

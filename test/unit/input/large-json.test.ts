import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadBaseline } from "../../../src/baseline.js";
import { demoSnapshotPath } from "../../../src/demo.js";
import { JsonFileError, jsonPieces, parseJsonBytes, readJsonFile } from "../../../src/json-file.js";
import type { Inventory } from "../../../src/inventory/index.js";
import { loadSnapshot, parseSnapshot, snapshotPieces, snapshotText } from "../../../src/snapshot.js";
import { renderToString } from "../../../reports/renderer.js";
import { jsonRenderer } from "../../../reports/json.js";
import { bucket, buildFixtureReport, makeFinding } from "../../support/report-fixture.js";
import { REPO_ROOT } from "../../support/paths.js";

const DEMO_BYTES = readFileSync(demoSnapshotPath());
const DEMO = JSON.parse(DEMO_BYTES.toString("utf8")) as Inventory;
/** A snapshot taken by an earlier version (format yourside-inventory/1): users keep snapshots as audit evidence. */
const REFERENCE = join(REPO_ROOT, "test", "fixtures", "inventory-v1.snapshot.json");

const dir = mkdtempSync(join(tmpdir(), "yourside-large-json-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** JSON.parse's verdict on bytes (as the old reader: UTF-8 decoded, byte order mark dropped). */
function parsedWhole(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

function parsedInChunks(bytes: Uint8Array, maxPiece: number, chunk: number): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: parseJsonBytes(bytes, { maxPiece, chunk }) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The sample account with its bucket list grown to `n` (distinct names), several MB of snapshot. */
function grownInventory(n: number): Inventory {
  const inv = structuredClone(DEMO);
  const buckets = inv.s3!.buckets!;
  if (!buckets.ok) throw new Error("the sample account lists its buckets");
  const originals = buckets.value;
  for (let i = 0; buckets.value.length < n; i++) {
    const b = originals[i % originals.length]!;
    buckets.value.push({ ...structuredClone(b), name: `${b.name}-copy${i}`, arn: `${b.arn}-copy${i}` });
  }
  return inv;
}

describe("writing JSON in pieces", () => {
  it("the pieces joined are JSON.stringify's text, for the sample account at every depth and indent", () => {
    for (const indent of [0, 1, 2]) {
      for (const depth of [0, 1, 3, 8, 20]) expect([...jsonPieces(DEMO, indent, depth)].join("")).toBe(JSON.stringify(DEMO, null, indent));
    }
  });

  it("the pieces joined are JSON.stringify's text for any JSON value, and for what JSON.stringify leaves out or turns into null", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }), (value, indent, depth) => {
        expect([...jsonPieces(value, indent, depth)].join("")).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 300 },
    );
    const odd = {
      a: undefined,
      b: [undefined, () => 1, Number.NaN, { when: new Date(0) }],
      c: {},
      d: [],
      e: "line\nbreak",
      f: Symbol("s"),
    };
    for (const depth of [0, 1, 2, 5]) expect([...jsonPieces(odd, 1, depth)].join("")).toBe(JSON.stringify(odd, null, 1));
    expect([...jsonPieces(undefined, 1)]).toEqual([]);
  });

  it("a snapshot's text is JSON.stringify(inventory, null, 1) and a newline, as snapshots always were, written one resource at a time", () => {
    const inv = grownInventory(3000);
    const pieces = [...snapshotPieces(inv)];
    expect(pieces.join("")).toBe(`${JSON.stringify(inv, null, 1)}\n`);
    expect(snapshotText(DEMO)).toBe(`${JSON.stringify(DEMO, null, 1)}\n`);
    // No piece holds more than one bucket (a long string, such as a policy document, is one piece of its own).
    const largestBucket = (inv.s3!.buckets as { value: unknown[] }).value.reduce<number>(
      (n, b) => Math.max(n, JSON.stringify(b, null, 1).length),
      0,
    );
    const longest = pieces.filter((p) => !p.startsWith('"')).reduce((n, p) => Math.max(n, p.length), 0);
    expect(pieces.length).toBeGreaterThan(3000);
    expect(longest).toBeLessThanOrEqual(largestBucket);
  });
});

describe("reading JSON in chunks", () => {
  it("reads the sample account as JSON.parse does, with any piece and chunk size", () => {
    for (const [maxPiece, chunk] of [
      [16, 16],
      [100, 37],
      [4096, 1000],
      [1 << 20, 8 << 20],
    ] as const) {
      expect(parsedInChunks(DEMO_BYTES, maxPiece, chunk)).toEqual({ ok: true, value: DEMO });
    }
  });

  it("reads any JSON value, printed any way, as JSON.parse does", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 16, max: 300 }),
        fc.integer({ min: 16, max: 100 }),
        (value, indent, maxPiece, chunk) => {
          const bytes = Buffer.from(JSON.stringify(value, null, indent));
          expect(parsedInChunks(bytes, maxPiece, chunk)).toEqual(parsedWhole(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses exactly what JSON.parse refuses: truncated texts and texts with a byte changed, added or removed", () => {
    const text = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v, null, 1));
    const edit = fc.record({
      at: fc.nat(),
      byte: fc.constantFrom(...'{}[],:" \\\n0-e.tx'.split("").map((c) => c.charCodeAt(0))),
      kind: fc.constantFrom("truncate", "replace", "insert", "delete"),
    });
    fc.assert(
      fc.property(text, edit, fc.integer({ min: 16, max: 64 }), (t, e, maxPiece) => {
        const src = Buffer.from(t);
        const at = src.length === 0 ? 0 : e.at % src.length;
        const edited =
          e.kind === "truncate"
            ? src.subarray(0, at)
            : e.kind === "replace"
              ? Buffer.concat([src.subarray(0, at), Buffer.from([e.byte]), src.subarray(at + 1)])
              : e.kind === "insert"
                ? Buffer.concat([src.subarray(0, at), Buffer.from([e.byte]), src.subarray(at)])
                : Buffer.concat([src.subarray(0, at), src.subarray(at + 1)]);
        const whole = parsedWhole(edited);
        const chunked = parsedInChunks(edited, maxPiece, 16);
        if (whole.ok) expect(chunked).toEqual(whole);
        else {
          expect(chunked.ok).toBe(false);
          expect((chunked as { error: unknown }).error).toBeInstanceOf(JsonFileError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps a '__proto__' member an own property, as JSON.parse does, in the parts it takes apart too", () => {
    const text = `{"__proto__": {"polluted": true}, "list": [${Array.from({ length: 40 }, (_, i) => `{"__proto__": ${i}}`).join(",")}]}`;
    const read = parsedInChunks(Buffer.from(text), 16, 16);
    expect(read).toEqual({ ok: true, value: JSON.parse(text) });
    const value = (read as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "list"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("drops a byte order mark as the UTF-8 decoder did, and refuses bytes that are not UTF-8, wherever they are", () => {
    expect(parsedInChunks(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), DEMO_BYTES]), 64, 64)).toEqual({ ok: true, value: DEMO });
    const latin1 = Buffer.from(DEMO_BYTES.toString("utf8").replace("public-acl", "publ\u00e9c-acl"), "latin1");
    for (const maxPiece of [16, 1 << 20]) {
      const read = parsedInChunks(latin1, maxPiece, 64);
      expect(read.ok).toBe(false);
      expect((read as { error: JsonFileError }).error.kind).toBe("encoding");
    }
  });

  it("says where the text stops being JSON", () => {
    const read = (text: string) => {
      const r = parsedInChunks(Buffer.from(text), 16, 16);
      return r.ok ? "accepted" : (r.error as Error).message;
    };
    expect(read("")).toBe("Unexpected end of JSON input");
    expect(read(`[${"1,".repeat(20)}]`)).toMatch(/Unexpected token ']' at byte 41/);
    expect(read(`{"a": [${"1,".repeat(20)}1] "b": 2}`)).toMatch(/Unexpected token '"' at byte \d+/);
    expect(read(`[${"1,".repeat(20)}1] trailing`)).toMatch(/Unexpected token 't' at byte 44/);
    expect(read(`[${'"x",'.repeat(10)}{"a": tru}]`)).toMatch(/in the value at byte 41/);
  });

  it("reads a file larger than one piece as the text parsed whole", () => {
    const path = join(dir, "grown.json");
    const inv = grownInventory(6000);
    writeFileSync(path, JSON.stringify(inv));
    expect(readFileSync(path).length).toBeGreaterThan(4 << 20);
    expect(readJsonFile(path)).toEqual(inv);
  });
});

describe("snapshots and baselines of any size", () => {
  it("a snapshot written in pieces loads back equal to the inventory", () => {
    const path = join(dir, "snapshot.json");
    const inv = grownInventory(6000);
    writeFileSync(path, [...snapshotPieces(inv)].join(""));
    expect(loadSnapshot(path)).toEqual(inv);
    expect(loadSnapshot(path)).toEqual(parseSnapshot(readFileSync(path, "utf8"), path));
  });

  it("the reference snapshot of format yourside-inventory/1 still loads, as it did with JSON.parse", () => {
    const inv = loadSnapshot(REFERENCE);
    expect(inv.format).toBe("yourside-inventory/1");
    expect(inv).toEqual(parseSnapshot(readFileSync(REFERENCE, "utf8"), REFERENCE));
  });

  it("a baseline report larger than one piece is read finding by finding, keeping what the comparison needs", () => {
    const base = buildFixtureReport();
    const findings = Array.from({ length: 6000 }, (_, i) =>
      makeFinding("s3-bucket-versioning", {
        status: i % 3 ? "FAIL" : "PASS",
        resource: bucket(`b-${i}`),
        message: `Bucket b-${i} has versioning off.`,
        evidence: { blob: "x".repeat(400) },
      }),
    ).map((f) => (f.status === "FAIL" ? { ...f, firstSeen: "2026-01-01T00:00:00.000Z" } : f));
    const path = join(dir, "baseline.json");
    writeFileSync(path, renderToString(jsonRenderer, { ...base, findings }));
    expect(readFileSync(path).length).toBeGreaterThan(2 << 20);
    const baseline = loadBaseline(path);
    expect(baseline.findings.size).toBe(6000);
    for (const f of [findings[0]!, findings[1]!, findings[5999]!]) {
      expect(baseline.findings.get(f.id)).toEqual({
        id: f.id,
        checkId: f.checkId,
        region: f.region,
        resource: f.resource,
        severity: f.severity,
        layer: f.responsibility.layer,
        status: f.status,
        ...(f.firstSeen ? { firstSeen: f.firstSeen } : {}),
      });
    }
  });
});

/** evaluateScan lets go of an inventory handed over in a handle, and reports exactly what it reports for the inventory itself. */
import { describe, expect, it } from "vitest";
import { demoSnapshotPath } from "../../src/demo.js";
import { evaluateScan, type EvaluateScanOptions, type InventoryHandle } from "../../src/scan.js";
import { CHECKS } from "../../src/services/index.js";
import { DEFAULT_SETTINGS } from "../../src/settings.js";
import { loadSnapshot } from "../../src/snapshot.js";

const options = (inventory: EvaluateScanOptions["inventory"]): EvaluateScanOptions => ({
  inventory,
  checks: CHECKS,
  settings: DEFAULT_SETTINGS,
  mutes: [],
  startedAt: new Date("2026-12-02T00:00:00Z"),
  stats: { calls: {}, skipped: {} },
  source: "demo",
});

describe("an inventory handed over to evaluation", () => {
  it("is taken out of its handle once the checks have run, with the same report as the inventory given as such", () => {
    const handle: InventoryHandle = { inventory: loadSnapshot(demoSnapshotPath()) };
    const handed = evaluateScan(options(handle));
    expect(handle.inventory).toBeUndefined();
    const kept = loadSnapshot(demoSnapshotPath());
    const direct = evaluateScan(options(kept));
    expect(kept.accountId).toBe("123456789012");
    const stable = (r: typeof direct) => ({ ...r, scan: { ...r.scan, id: "", finishedAt: "" } });
    expect(stable(handed)).toEqual(stable(direct));
    expect(handed.scan.collectedAt).toBe(kept.collectedAt);
    expect(handed.findings.length).toBeGreaterThan(600);
  });

  it("cannot be evaluated twice", () => {
    const handle: InventoryHandle = { inventory: loadSnapshot(demoSnapshotPath()) };
    evaluateScan(options(handle));
    expect(() => evaluateScan(options(handle))).toThrow(/already evaluated/);
  });
});

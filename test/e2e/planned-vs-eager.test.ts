import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport as Report } from "../../reports/json.js";
import type { AnyItemSlice } from "../../src/services/define.js";
import { CHECKS, SLICES, sliceById } from "../../src/services/index.js";
import type { SliceId } from "../../src/inventory/index.js";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy.js";
import { startMoto, type MotoServer } from "../support/moto.js";
import { inParallel, reportOf, scanVia, seedEverything, verdictLines } from "../faults/scenario.js";

const key = (sliceId: string): string => {
  const [op] = sliceById(sliceId as SliceId).operations;
  return `${op.service}:${op.operation}`;
};

/** The slices collection may skip, from the registry: every item slice with a plan. */
const PLANNED = SLICES.filter((s): s is AnyItemSlice => s.level === "item" && s.plan !== undefined);
/** The calls a plan decides on: those it waits for, and those it may skip. Each group is denied in one scan below. */
const DECIDING = [[...new Set(PLANNED.flatMap((s) => s.plan!.after.map(key)))].sort(), [...new Set(PLANNED.map((s) => key(s.id)))].sort()];
/** The services whose checks read a planned slice's listing: what a denied planned call can change. */
const AFFECTED = [
  ...new Set(CHECKS.filter((c) => PLANNED.some((s) => c.needs.includes(s.parent as SliceId))).map((c) => c.service)),
].sort();

/** Every finding by stable id, with what a user's baseline and mutelist rely on. */
const verdictsById = (report: Report): Map<string, string> =>
  new Map(report.findings.map((f) => [f.id, `${f.checkId} ${f.resource.id} ${f.region} ${f.status} ${f.severity}`]));

describe("collection plan: skipping needless calls leaves every verdict as an eager collection gives it", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  const dir = mkdtempSync(join(tmpdir(), "yourside-plan-"));

  beforeAll(async () => {
    moto = await startMoto({ awsManagedPolicies: true });
    proxy = await startFaultProxy({ target: moto.url });
    // The sample account: every service's end-to-end scenario, in two regions.
    await seedEverything(moto);
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the registry plans some reads, and each waits only for slices of the same item", () => {
    expect(PLANNED.map((s) => s.id).sort()).toEqual(["s3.bucketAcl", "s3.bucketPolicyStatus"]);
    expect(AFFECTED).toEqual(["cloudtrail", "s3"]);
    for (const s of PLANNED)
      for (const after of s.plan!.after)
        expect((sliceById(after as SliceId) as AnyItemSlice).parent, `${s.id} after ${after}`).toBe(s.parent);
  });

  it("the sample account: the same findings id for id, fewer calls, and each skipped call accounted for", async () => {
    const [planned, eager] = (
      await inParallel(2, [() => scanVia(proxy.url, dir), () => scanVia(proxy.url, dir, { args: ["--collect-all"] })])
    ).map(reportOf);
    expect(verdictsById(planned!)).toEqual(verdictsById(eager!));
    expect(planned!.findings.length).toBeGreaterThan(100);
    const { calls, skipped } = planned!.scan.stats;
    expect(eager!.scan.stats.skipped).toEqual({});
    // Skipped + made = what the eager plan made, for each planned read; every other operation is made by both.
    // (Not compared call for call: how often the credential report is polled depends on moto's timing.)
    for (const op of PLANNED.map((s) => key(s.id))) expect((calls[op] ?? 0) + (skipped[op] ?? 0), op).toBe(eager!.scan.stats.calls[op]);
    expect(Object.keys(calls).sort()).toEqual(Object.keys(eager!.scan.stats.calls).sort());
    // The sample account has buckets of each kind: ACLs disabled and not, with and without a policy.
    for (const s of PLANNED) {
      expect(skipped[key(s.id)], `${s.id} skipped somewhere`).toBeGreaterThan(0);
      expect(calls[key(s.id)], `${s.id} still read where it matters`).toBeGreaterThan(0);
    }
  }, 120_000);

  it.each(DECIDING.map((ops) => [ops.join(", "), ops] as const))(
    "AccessDenied on %s: planned and eager collection still agree, finding by finding",
    async (_name, ops) => {
      const own = await startFaultProxy({ target: moto.url });
      const services = ["--services", AFFECTED.join(",")];
      try {
        own.setRules([{ operations: ops, fault: { kind: "access-denied" } }]);
        const [planned, eager] = (
          await inParallel(2, [
            () => scanVia(own.url, dir, { args: services }),
            () => scanVia(own.url, dir, { args: [...services, "--collect-all"] }),
          ])
        ).map(reportOf);
        expect(verdictLines(planned!.findings)).toEqual(verdictLines(eager!.findings));
        expect(verdictsById(planned!)).toEqual(verdictsById(eager!));
        // The denial was met by both (a second signal such as GetBucketPolicyStatus fails no verdict when denied).
        for (const report of [planned!, eager!])
          for (const op of ops)
            expect(
              report.scan.errors.some((e) => `${e.service}:${e.operation}` === op && e.code === "AccessDenied"),
              op,
            ).toBe(true);
      } finally {
        await own.stop();
      }
    },
    120_000,
  );
});

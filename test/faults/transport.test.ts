import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";
import type { JsonReport as Report } from "../../reports/json.js";
import { errorCode } from "../../src/aws/errors.js";
import { AwsSession } from "../../src/aws/session.js";
import { errorFor, startFaultProxy, type Fault, type FaultProxy, type FaultRule, type Protocol } from "../support/fault-proxy.js";
import { startMoto, TEST_CREDENTIALS, type MotoServer } from "../support/moto.js";
import {
  checkOperationGroups,
  FAST_FAIL_ENV,
  faultViolations,
  inParallel,
  newErrors,
  REGIONS,
  reportOf,
  scanVia,
  seedEverything,
  sortedErrors,
  verdictLines,
  type Scan,
} from "./scenario.js";

const GROUPS = checkOperationGroups();
const MAX_ATTEMPTS = Number(FAST_FAIL_ENV.AWS_MAX_ATTEMPTS);
const CALL_TIMEOUT_MS = Number(FAST_FAIL_ENV.YOURSIDE_CALL_TIMEOUT) * 1000;
/** The CLI's default number of AWS calls in flight. */
const DEFAULT_CONCURRENCY = 16;
/** What the closing note reports per fault. */
const notes: string[] = [];

/**
 * Transport faults against a full scan of the sample account: throttling, server errors,
 * timeouts, dropped connections, cut-off answers, a whole region down.
 */
describe("transport faults: retried within bounds, then ERROR — never a false verdict, never a hang", () => {
  let moto: MotoServer;
  let dir: string;
  let clean: Scan;
  let cleanReport: Report;
  const protocols = new Map<string, Protocol>();
  const codeOf = (fault: Fault, op: string) => errorFor(fault, protocols.get(op) ?? "query").code;

  /** A scan through a fresh proxy with `rules`; resolves to the run and what the proxy injected. */
  async function faultedScan(rules: FaultRule[], env: NodeJS.ProcessEnv = {}, args: string[] = []) {
    const proxy: FaultProxy = await startFaultProxy({ target: moto.url });
    try {
      proxy.setRules(rules);
      const run = await scanVia(proxy.url, dir, { env, args });
      const slowest = Math.max(0, ...proxy.log().map((l) => l.upstreamMs ?? 0));
      notes.push(`(slowest moto answer in a faulted scan: ${slowest} ms)`);
      return { run, report: reportOf(run), stats: proxy.stats(), log: proxy.log() };
    } finally {
      await proxy.stop();
    }
  }

  /** Injections of `kind` per operation. */
  const injectedOf = (stats: { injectedByOperation: Record<string, number> }, kind: string, op: string) =>
    stats.injectedByOperation[`${kind} ${op}`] ?? 0;

  beforeAll(async () => {
    moto = await startMoto({ awsManagedPolicies: true });
    dir = mkdtempSync(join(tmpdir(), "yourside-faults-transport-"));
    await seedEverything(moto);
    const proxy = await startFaultProxy({ target: moto.url });
    try {
      clean = await scanVia(proxy.url, dir);
      cleanReport = reportOf(clean);
      for (const l of proxy.log()) protocols.set(l.info.key, l.info.protocol);
      const slow = [...proxy.log()].sort((a, b) => (b.upstreamMs ?? 0) - (a.upstreamMs ?? 0)).slice(0, 5);
      console.log(
        `slowest moto answers: ${slow.map((l) => `${l.info.key} ${l.upstreamMs} ms`).join(", ")}; groups: ${JSON.stringify(GROUPS)}`,
      );
    } finally {
      await proxy.stop();
    }
  }, 120_000);

  afterAll(async () => {
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (notes.length) console.log(`transport faults:\n  ${notes.join("\n  ")}`);
  });

  it("the retry budget survives expected answers: after a retried call ends in 'not configured' (NoSuchBucketPolicy), later calls still retry", async () => {
    const proxy = await startFaultProxy({ target: moto.url });
    const session = new AwsSession({ endpointUrl: proxy.url, credentials: () => Promise.resolve(TEST_CREDENTIALS) });
    try {
      // "vpce-only" has a policy; "sse-s3" has none: every GetBucketPolicy on it is a retried 503, then NoSuchBucketPolicy.
      proxy.setRules([{ operations: ["s3:GetBucketPolicy"], fault: { kind: "server-error", status: 503 }, fraction: 0.5 }]);
      const s3 = session.client(S3Client, "s3", "us-east-1");
      const outcomes: string[] = [];
      for (let i = 0; i < 60; i++) {
        outcomes.push(
          await s3.send(new GetBucketPolicyCommand({ Bucket: "sse-s3" })).then(
            () => "policy",
            (e: unknown) => errorCode(e),
          ),
        );
      }
      outcomes.push(
        await s3.send(new GetBucketPolicyCommand({ Bucket: "vpce-only" })).then(
          () => "policy",
          (e: unknown) => errorCode(e),
        ),
      );
      expect(new Set(outcomes.slice(0, 60))).toEqual(new Set(["NoSuchBucketPolicy"]));
      expect(outcomes[60]).toBe("policy");
      expect(proxy.stats().injected["server-error"]).toBe(61);
    } finally {
      session.destroy();
      await proxy.stop();
    }
  });

  it("throttling on half of all calls (every call's first attempt), and 500/503 on half: the same findings and exit code as a clean scan", async () => {
    const ops = Object.keys(cleanReport.scan.stats.calls).sort();
    const half = Math.ceil(ops.length / 2);
    const [throttled, serverErrors] = await inParallel(2, [
      () => faultedScan([{ fault: { kind: "throttle" }, fraction: 0.5 }]),
      () =>
        faultedScan([
          { operations: ops.slice(0, half), fault: { kind: "server-error", status: 500 }, fraction: 0.5 },
          { operations: ops.slice(half), fault: { kind: "server-error", status: 503 }, fraction: 0.5 },
        ]),
    ]);
    for (const [name, faulted] of [
      ["throttling", throttled!],
      ["5xx", serverErrors!],
    ] as const) {
      expect(faulted.run.stderr).not.toMatch(/^\s+at /m);
      expect(verdictLines(faulted.report.findings), `${name}: ${JSON.stringify(faulted.report.scan.errors)}`).toEqual(
        verdictLines(cleanReport.findings),
      );
      expect(new Set(faulted.report.findings.map((f) => `${f.id} ${f.status}`)), name).toEqual(
        new Set(cleanReport.findings.map((f) => `${f.id} ${f.status}`)),
      );
      expect(faulted.run.code, name).toBe(clean.code);
      expect(sortedErrors(faulted.report.scan.errors), name).toEqual(sortedErrors(cleanReport.scan.errors));
      expect(faulted.report.scan.complete, name).toBe(cleanReport.scan.complete);
      // Exactly half of all requests were faulted, and every operation was among them.
      const injected = Object.values(faulted.stats.injected).reduce((a, b) => a + (b ?? 0), 0);
      expect(injected, name).toBe(faulted.stats.forwarded);
      for (const op of ops) {
        const n = Object.entries(faulted.stats.injectedByOperation)
          .filter(([k]) => k.endsWith(` ${op}`))
          .reduce((a, [, v]) => a + v, 0);
        expect(n, `${name} ${op}`).toBeGreaterThan(0);
      }
      notes.push(
        `${name} on half of all calls: ${injected} injected / ${faulted.stats.forwarded} passed; ${faulted.report.findings.length} findings equal to the clean scan's; exit ${faulted.run.code} (clean ${clean.code}); ${faulted.run.ms} ms (clean ${clean.ms} ms)`,
      );
    }
    expect(throttled!.stats.injected.throttle).toBeGreaterThan(0);
    expect(serverErrors!.stats.injected["server-error"]).toBeGreaterThan(0);
  }, 180_000);

  it("a region that fails entirely (every call signed for it answers 503): every other region's results are unchanged", async () => {
    const down = REGIONS[1];
    const { run, report, stats } = await faultedScan([{ region: down, fault: { kind: "server-error", status: 503 } }], {
      AWS_MAX_ATTEMPTS: "2",
    });
    expect(run.code).toBe(3);
    expect(report.scan.complete).toBe(false);
    expect(run.ms).toBeLessThan(60_000);
    // Nothing in the failed region is a verdict: every result there is an ERROR about a call there.
    const there = report.findings.filter((f) => f.region === down);
    expect(there.length).toBeGreaterThan(0);
    for (const f of there) expect(`${f.checkId} ${f.status} ${f.error?.region}`).toBe(`${f.checkId} ERROR ${down}`);
    // Everywhere else: the clean verdict, or an ERROR caused by a call in the failed region (e.g. a global check over all regions).
    const cleanById = new Map(cleanReport.findings.map((f) => [f.id, f]));
    for (const f of report.findings.filter((x) => x.region !== down)) {
      const before = cleanById.get(f.id);
      if (f.status === "ERROR" && f.error?.region === down) continue;
      expect(`${f.checkId} ${f.resource.id} ${f.region} ${f.status}`).toBe(`${f.checkId} ${f.resource.id} ${f.region} ${before?.status}`);
    }
    for (const c of cleanReport.findings.filter((x) => x.region !== down))
      expect(
        report.findings.some((f) => f.id === c.id),
        `${c.checkId} ${c.resource.id}`,
      ).toBe(true);
    // Each failed call was attempted at most twice (the attempt limit), and only calls in that region failed
    // (beyond what failed in the clean scan too: moto's own gaps, see newErrors). Fewer than twice once a
    // client's retry quota is spent: the SDK's 500 tokens pay for 35 retries of a 5xx (14 each), and a region
    // that is down fails more calls than that in S3 alone, which then fail fast instead of waiting.
    const failed = newErrors(report, cleanReport);
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed)
      expect(`${e.service}:${e.operation} ${e.region} ${e.code}`).toMatch(new RegExp(` ${down} (ServiceUnavailable|Unavailable)$`));
    expect(stats.injected["server-error"]).toBeLessThanOrEqual(2 * failed.length);
    expect(stats.injected["server-error"]).toBeGreaterThan(failed.length);
    notes.push(
      `${down} down (503 on every call signed for it): ${failed.length} failed calls, ${there.length} ERROR results there, other regions unchanged; exit ${run.code}; ${run.ms} ms`,
    );
  }, 120_000);

  it("hung answers and dropped connections: each call is cut at the per-call timeout, retried up to the attempt limit, then ERROR; cut-off bodies and persistent throttling/5xx likewise", async () => {
    const [g0 = [], g1 = [], g2 = [], g3 = [], g4 = [], g5 = []] = GROUPS;
    // Hang one operation per service (its least called); drop a whole group (a drop is immediate).
    const calls = (op: string) => cleanReport.scan.stats.calls[op] ?? 0;
    const hung = [...new Set(g0.map((op) => op.split(":")[0]))].map(
      (service) => g0.filter((op) => op.startsWith(`${service}:`)).sort((a, b) => calls(a) - calls(b) || a.localeCompare(b))[0]!,
    );
    const connectionFaults: [string[], Fault][] = [
      [hung, { kind: "hang" }],
      [g1, { kind: "drop" }],
    ];
    const answerFaults: [string[], Fault][] = [
      [g2, { kind: "malformed" }],
      [g3, { kind: "throttle" }],
      [g4, { kind: "server-error", status: 500 }],
      [g5, { kind: "server-error", status: 503 }],
    ];
    // A hung call holds its slot for MAX_ATTEMPTS × the per-call timeout: with a slot for every hung call
    // and some to spare, they all time out in one wave, and the scan takes that long plus its own time.
    const hungCalls = hung.reduce((n, op) => n + calls(op), 0);
    const slots = String(Math.max(DEFAULT_CONCURRENCY, hungCalls + 8));
    const bound = MAX_ATTEMPTS * CALL_TIMEOUT_MS + 30_000;
    const started = Date.now();
    const [connections, answers] = await inParallel(2, [
      () =>
        faultedScan(
          connectionFaults.map(([operations, fault]) => ({ operations, fault })),
          FAST_FAIL_ENV,
          ["--concurrency", slots],
        ),
      () =>
        faultedScan(
          answerFaults.map(([operations, fault]) => ({ operations, fault })),
          FAST_FAIL_ENV,
        ),
    ]);
    expect(Date.now() - started, "both scans together").toBeLessThan(bound + 30_000);

    const expectedCode = (fault: Fault, op: string): string[] => {
      if (fault.kind === "hang") return ["TimeoutError"];
      if (fault.kind === "drop") return ["ECONNRESET"];
      // A cut-off body is unparseable; a cut-off bucket policy is read as text and fails the policy parser.
      if (fault.kind === "malformed") return op === "s3:GetBucketPolicy" ? ["MalformedResponse", "MalformedPolicy"] : ["MalformedResponse"];
      return [codeOf(fault, op)];
    };
    for (const [plan, faulted] of [
      [connectionFaults, connections!],
      [answerFaults, answers!],
    ] as const) {
      const faultOf = new Map(plan.flatMap(([ops, fault]) => ops.map((op) => [op, fault] as const)));
      const { run, report, stats } = faulted;
      expect(run.code, run.stderr).toBe(3);
      expect(report.scan.complete).toBe(false);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.ms, "a scan with faults stays bounded").toBeLessThan(bound);
      expect(faultViolations(cleanReport, report, new Set(faultOf.keys()), (op) => expectedCode(faultOf.get(op)!, op))).toEqual([]);
      for (const [op, fault] of faultOf) {
        const calls = report.scan.stats.calls[op] ?? 0;
        const injected = injectedOf(stats, fault.kind, op);
        if (calls === 0) continue; // not reached: an operation it depends on failed first (that one is checked)
        // Retryable faults: every call made exactly MAX_ATTEMPTS attempts, all faulted. A cut-off body is not retried.
        expect(injected, `${fault.kind} ${op}`).toBe(fault.kind === "malformed" ? calls : calls * MAX_ATTEMPTS);
        const failed = report.scan.errors.filter((e) => `${e.service}:${e.operation}` === op);
        if (!(fault.kind === "malformed" && op === "s3:GetBucketPolicy")) expect(failed.length, op).toBe(calls);
        for (const e of failed) expect(expectedCode(fault, op), op).toContain(e.code);
        notes.push(
          `${fault.kind === "server-error" ? `${fault.status} always` : fault.kind === "throttle" ? "throttling always" : fault.kind} on ${op}: ${calls} calls × ${injected / calls} attempts → ${failed.length} failed calls (${[...new Set(failed.map((e) => e.code))].join(", ") || "read as text"}), ${report.findings.filter((f) => f.error && `${f.error.service}:${f.error.operation}` === op).length} ERROR results`,
        );
      }
      notes.push(`(scan with ${plan.map(([, f]) => f.kind).join(" + ")}: exit ${run.code}, ${run.ms} ms; clean ${clean.ms} ms)`);
    }
  }, 180_000);
});

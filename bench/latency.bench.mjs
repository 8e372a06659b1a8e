#!/usr/bin/env node
// Latency benchmark: how close a scan comes to the limit that latency and concurrency set.
//
// Seeds moto with the larger account of bench/lib/account.mjs (1,400 resources), puts a proxy in front
// that answers every request LATENCY ms after it arrives (bench/lib/latency-proxy.mjs), and scans S3,
// IAM, EC2 and Config in two regions with the built CLI:
//   1. live:   through the proxy to moto, recording moto's answers (moto's own service time included);
//   2. replay: the same scan answered from the recording after exactly LATENCY ms — a server with a
//              fixed latency and no capacity limit, as AWS looks from one client — at the default limits;
//   3. replay with every limit at 256: its time is the critical path (the chain of calls that depend on
//      each other, plus start-up, evaluation and writing the report), less the queueing it still has.
// ideal = critical path + max(busiest endpoint's calls / its limit, all calls / --concurrency) × LATENCY;
// ratio = measured (2) / ideal. Target ≤ 1.3.
// Usage: npm run bench:latency -- [latencyMs=50]      (needs `npm run build` and the moto virtualenv)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LARGE, REGIONS, resourceCount, seedAccount } from "./lib/account.mjs";
import { startLatencyProxy } from "./lib/latency-proxy.mjs";
import { root, startMoto } from "./lib/moto.mjs";

const latencyMs = Number(process.argv[2] ?? 50);
const SERVICES = "s3,iam,ec2,config";
const dir = mkdtempSync(join(tmpdir(), "yourside-latency-"));
const { DEFAULT_TOTAL_CONCURRENCY, serviceLimit } = await import(join(root, "dist/src/aws/concurrency.js"));
const { ENDPOINT_SERVICES } = await import(join(root, "dist/src/services/index.js"));

const moto = await startMoto();
const proxy = await startLatencyProxy({ target: moto.url, latencyMs });
try {
  process.stdout.write(`seeding ${resourceCount(LARGE)} resources (${JSON.stringify(LARGE)}) … `);
  let t = Date.now();
  await seedAccount(moto.url, LARGE);
  console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);

  let n = 0;
  // The proxy runs in this process: the scan must be a child this process waits for without blocking.
  const scan = async (extra = []) => {
    const out = join(dir, `report-${++n}.json`);
    const env = { ...process.env, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" };
    const args = [
      join(root, "bin", "yourside.js"),
      "scan",
      "--endpoint-url",
      proxy.url,
      "--regions",
      REGIONS.join(","),
      "--services",
      SERVICES,
      "--output",
      out,
      "--quiet",
      "--fail-on",
      "none",
      ...extra,
    ];
    const started = process.hrtime.bigint();
    const { code, stderr } = await new Promise((resolve) => {
      const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.on("close", (c) => resolve({ code: c, stderr: err }));
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Exit 3 is expected: moto's credential report has no root row, so the root checks are ERROR.
    if (code !== 0 && code !== 3) throw new Error(`scan exited ${code}: ${stderr}`);
    const report = JSON.parse(readFileSync(out, "utf8"));
    return { ms, report, log: proxy.log() };
  };
  const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  const endpointOf = (e) => (["iam", "sts"].includes(e.service) ? e.service : `${e.service}|${e.region}`);
  /** Seconds of queueing the busiest endpoint (or the total limit) needs at these limits. */
  const queueing = (log, limitOf, totalLimit) => {
    const per = new Map();
    for (const e of log) per.set(endpointOf(e), (per.get(endpointOf(e)) ?? 0) + 1);
    let worst = { endpoint: "all", rounds: log.length / totalLimit };
    for (const [endpoint, calls] of per) {
      const rounds = calls / limitOf(endpoint.split("|")[0]);
      if (rounds > worst.rounds) worst = { endpoint, rounds, calls };
    }
    return worst;
  };

  proxy.setMode("record");
  const live = await scan();
  proxy.setMode("replay");
  const replay = await scan();
  const replayMisses = proxy.misses();
  const replayLog = replay.log;
  proxy.setMode("replay");
  const wide = ["--concurrency", "256", "--service-concurrency", ENDPOINT_SERVICES.map((s) => `${s}=256`).join(",")];
  const unbounded = await scan(wide);
  proxy.setMode("replay");
  const eager = await scan(["--collect-all"]);

  const defaults = { total: DEFAULT_TOTAL_CONCURRENCY, services: {} };
  const atDefaults = queueing(replayLog, (s) => serviceLimit(defaults, s), DEFAULT_TOTAL_CONCURRENCY);
  const at256 = queueing(unbounded.log, () => 256, 256);
  const criticalMs = unbounded.ms - at256.rounds * latencyMs;
  const idealMs = criticalMs + atDefaults.rounds * latencyMs;
  const { calls, skipped } = replay.report.scan.stats;
  const s3Calls = (c) =>
    Object.entries(c)
      .filter(([k]) => k.startsWith("s3:") && k !== "s3:ListBuckets")
      .reduce((a, [, v]) => a + v, 0);

  console.log(`latency ${latencyMs} ms per response; services ${SERVICES}; regions ${REGIONS.join(", ")}`);
  console.log(
    `calls: ${total(calls)} made, ${total(skipped)} skipped by the plan (${JSON.stringify(skipped)}); findings ${replay.report.findings.length}`,
  );
  console.log(
    `calls per bucket: ${(s3Calls(calls) / LARGE.buckets).toFixed(2)} planned, ${(s3Calls(eager.report.scan.stats.calls) / LARGE.buckets).toFixed(2)} with --collect-all (moto lacks BucketRegion: GetBucketLocation is one of them)`,
  );
  console.log(
    `busiest endpoint at the default limits: ${atDefaults.endpoint} (${atDefaults.calls ?? total(calls)} calls, ${atDefaults.rounds.toFixed(1)} rounds of ${latencyMs} ms)`,
  );
  console.log(
    `critical path (replay, every limit 256): ${(criticalMs / 1000).toFixed(2)} s (measured ${(unbounded.ms / 1000).toFixed(2)} s less ${at256.rounds.toFixed(1)} rounds)`,
  );
  console.log(
    `ideal: ${(idealMs / 1000).toFixed(2)} s; measured (replay, default limits): ${(replay.ms / 1000).toFixed(2)} s; ratio ${(replay.ms / idealMs).toFixed(2)}`,
  );
  console.log(
    `failed calls in the replayed scan: ${replay.report.scan.errors.length}; ERROR results: ${replay.report.findings.filter((f) => f.status === "ERROR").length}`,
  );
  console.log(`replayed requests not recorded (forwarded to moto): ${replayMisses}`);
  console.log(
    `for reference, live through moto with the same latency: ${(live.ms / 1000).toFixed(2)} s (moto's own service time included)`,
  );
  console.log(`--collect-all (eager) replayed: ${(eager.ms / 1000).toFixed(2)} s, ${total(eager.report.scan.stats.calls)} calls`);
} finally {
  await proxy.stop();
  moto.stop();
}

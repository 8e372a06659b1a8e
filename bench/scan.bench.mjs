#!/usr/bin/env node
// Collection benchmark: seeds a moto server with N buckets (and IAM users / security groups
// when those collectors exist), runs the built CLI against it, and prints wall time and the
// API calls it made. Usage: npm run bench -- [buckets=200] [concurrency=16]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";

const root = fileURLToPath(new URL("..", import.meta.url));
const buckets = Number(process.argv[2] ?? 200);
const concurrency = String(process.argv[3] ?? 16);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const port = await new Promise((resolve) => {
  const srv = net.createServer().listen(0, "127.0.0.1", () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
const url = `http://127.0.0.1:${port}`;
const moto = spawn(join(root, ".venv", "bin", "moto_server"), ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
try {
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error("moto did not start (run npm test once to install it into .venv)");
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
  const s3 = new S3Client({ region: "us-east-1", endpoint: url, forcePathStyle: true, credentials });
  for (let i = 0; i < buckets; i++) {
    const Bucket = `bench-${String(i).padStart(5, "0")}`;
    await s3.send(new CreateBucketCommand({ Bucket }));
    if (i % 10 === 0) {
      const Policy = JSON.stringify({
        Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${Bucket}/*` }],
      });
      await s3.send(new PutBucketPolicyCommand({ Bucket, Policy }));
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "yourside-bench-"));
  const out = join(dir, "report.json");
  const env = { ...process.env, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" };
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const started = process.hrtime.bigint();
    const res = spawnSync(
      process.execPath,
      [
        join(root, "bin", "yourside.js"),
        "scan",
        "--endpoint-url",
        url,
        "--regions",
        "us-east-1",
        "--services",
        "s3",
        "--concurrency",
        concurrency,
        "--output",
        out,
        "--quiet",
        "--fail-on",
        "none",
      ],
      { env, encoding: "utf8" },
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.status !== 0) throw new Error(`scan exited ${res.status}: ${res.stderr}`);
    runs.push(ms);
  }
  const report = JSON.parse(readFileSync(out, "utf8"));
  const calls = Object.values(report.scan.stats.calls).reduce((a, b) => a + b, 0);
  runs.sort((a, b) => a - b);
  console.log(`buckets: ${buckets}, concurrency: ${concurrency}`);
  console.log(
    `scan wall time (3 runs, CLI start to exit): min ${runs[0].toFixed(0)} ms, median ${runs[1].toFixed(0)} ms, max ${runs[2].toFixed(0)} ms`,
  );
  console.log(`API calls: ${calls} total, ${((calls - 3) / buckets).toFixed(2)} per bucket; findings: ${report.findings.length}`);
  console.log(
    `calls per operation: ${JSON.stringify(report.scan.stats.calls)}; skipped by the plan: ${JSON.stringify(report.scan.stats.skipped)}`,
  );
} finally {
  moto.kill("SIGTERM");
}

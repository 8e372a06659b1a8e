#!/usr/bin/env node
// Scale of evaluation (issue 13): how wall time and peak memory of `scan --from-snapshot` grow
// with the number of resources in the account.
//
// For each N (default 10,000 50,000 100,000 250,000) it writes a synthetic snapshot of N
// resources made from the bundled sample account (bench/synthetic.mjs: S3 buckets 40%, IAM users
// 20%, IAM roles 10%, EC2 security groups 15%, the other kinds 15% in the sample's proportions),
// then runs the BUILT CLI on it as a child process:
//
//   node bin/yourside.js scan --from-snapshot <file> --format json --output <file> --fail-on none --quiet
//
// with the Node flags in NODE_OPTIONS (none by default: V8's default heap limit). Wall time is
// measured around the child; CPU time (user + system, what a busy machine does not inflate) and
// peak RSS, the child's maximum resident set size, as the kernel reports them through GNU time
// (`/usr/bin/time -v`), or, without GNU time, peak RSS only, through
// process.resourceUsage().maxRSS read at the child's exit (bench/max-rss.mjs, preloaded with
// --import; a child that dies of a fatal error reports none then). Findings and per-finding bytes
// are counted from the report's finding lines (one finding per line), never by parsing the whole
// report. Build first (`npm run build`).
//
// Usage: npm run bench:scale -- [N ...] [--keep] [--format json|sarif]
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { writeSyntheticSnapshot } from "./synthetic.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const keep = args.includes("--keep");
const formatAt = args.indexOf("--format");
const format = formatAt >= 0 ? args[formatAt + 1] : "json";
const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--format").map(Number);
const totals = sizes.length > 0 ? sizes : [10_000, 50_000, 100_000, 250_000];
const GNU_TIME = "/usr/bin/time";
const useTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-v", "true"]).status === 0;

if (!existsSync(join(root, "dist", "src", "cli", "main.js"))) {
  console.error("scale bench: build first (npm run build)");
  process.exit(2);
}

/** Findings in a JSON report and their mean bytes, from its finding lines. */
async function countFindings(path) {
  let findings = 0;
  let bytes = 0;
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('    {"id":')) {
      findings++;
      bytes += Buffer.byteLength(line) + 1;
    }
  }
  return { findings, perFinding: findings ? Math.round(bytes / findings) : 0 };
}

/** SARIF results, by their rule ids (one per result). */
async function countResults(path) {
  let results = 0;
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (/^\s*"ruleIndex": /.test(line)) results++;
  return { findings: results, perFinding: results ? Math.round(statSync(path).size / results) : 0 };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rows = [];
const dir = mkdtempSync(join(tmpdir(), "yourside-scale-"));
try {
  for (const total of totals) {
    const snapshot = join(dir, `snapshot-${total}.json`);
    const report = join(dir, `report-${total}.${format}`);
    const t0 = process.hrtime.bigint();
    const resources = writeSyntheticSnapshot(snapshot, total);
    const generated = Number(process.hrtime.bigint() - t0) / 1e9;
    const rssFile = join(dir, `rss-${total}`);
    const cli = [join(root, "bin", "yourside.js"), "scan", "--from-snapshot", snapshot, "--format", format, "--output", report];
    cli.push("--fail-on", "none", "--quiet");
    const [command, argv] = useTime
      ? [GNU_TIME, ["-v", process.execPath, ...cli]]
      : [process.execPath, ["--import", join(root, "bench", "max-rss.mjs"), ...cli]];
    const started = process.hrtime.bigint();
    const run = spawnSync(command, argv, {
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, YOURSIDE_MAX_RSS_FILE: rssFile },
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const stderr = run.stderr ?? "";
    const rssKb = useTime
      ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN)
      : existsSync(rssFile)
        ? Number(readFileSync(rssFile, "utf8"))
        : NaN;
    const cpu = useTime
      ? Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN) +
        Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN)
      : NaN;
    const status = useTime ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? run.status) : run.status;
    const signal = useTime ? /Command terminated by signal (\d+)/.exec(stderr)?.[1] : run.signal;
    const ok = status === 0 && !signal && existsSync(report);
    const counted = ok ? await (format === "json" ? countFindings(report) : countResults(report)) : undefined;
    const own = stderr
      .split("\n")
      .filter((l) => l && !/^\t/.test(l) && !/^\s*Command (being timed|exited|terminated)/.test(l))
      .slice(0, 3)
      .join(" | ");
    rows.push({
      resources,
      generate: `${generated.toFixed(1)} s`,
      snapshot: mb(statSync(snapshot).size),
      wall: `${wall.toFixed(1)} s`,
      cpu: Number.isNaN(cpu) ? "?" : `${cpu.toFixed(1)} s`,
      "peak RSS": Number.isNaN(rssKb) ? "?" : mb(rssKb * 1024),
      exit: signal ? `signal ${signal}` : String(status),
      findings: counted?.findings ?? "—",
      "report bytes": ok ? mb(statSync(report).size) : "—",
      "bytes/finding": counted?.perFinding ?? "—",
      ...(ok ? {} : { error: own.slice(0, 200) }),
    });
    console.error(`scale bench: ${resources} resources: ${rows.at(-1).wall}, ${rows.at(-1)["peak RSS"]}, exit ${rows.at(-1).exit}`);
    rmSync(snapshot, { force: true });
    if (!keep) rmSync(report, { force: true });
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else console.error(`scale bench: files kept in ${dir}`);
}
console.log(`node ${process.version}, ${useTime ? "peak RSS from /usr/bin/time -v" : "peak RSS from process.resourceUsage()"}`);
console.table(rows);

// yourside and Prowler on the same account: each tool gets its own moto server, seeded identically
// (bench/lib/account.mjs), and is measured for wall time, peak RSS (/usr/bin/time), the requests moto
// served it (moto's request recorder: /moto-api/recorder) and its findings. Run through bench/peers/run.
//
// Prowler needs one workaround against moto: it takes no endpoint flag, so it is pointed at moto with
// boto3's own AWS_ENDPOINT_URL variable (which every botocore client honours, STS included since
// Prowler 5.20), with the same dummy credentials yourside gets.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LARGE, REGIONS, SMALL, resourceCount, seedAccount } from "../lib/account.mjs";
import { root, startMoto } from "../lib/moto.mjs";

const sizes = { small: SMALL, large: LARGE };
const wanted = process.argv[2] ? [process.argv[2]] : Object.keys(sizes);
for (const w of wanted) if (!sizes[w]) throw new Error(`unknown size ${w}: small or large`);
const prowler = join(root, "bench", "peers", ".venv", "bin", "prowler");
const TIME = "/usr/bin/time";
if (!existsSync(TIME)) throw new Error("/usr/bin/time is needed for peak RSS (apt-get install time)");

const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "testing",
  AWS_SECRET_ACCESS_KEY: "testing",
  AWS_REGION: "us-east-1",
  AWS_DEFAULT_REGION: "us-east-1",
};

/** Runs a command under /usr/bin/time: wall seconds and peak RSS in MiB. */
function measured(cmd, args, extraEnv) {
  const started = process.hrtime.bigint();
  const res = spawnSync(TIME, ["-f", "%M", cmd, ...args], { env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = Number(res.stderr.trim().split("\n").pop());
  return { status: res.status, wall, rssMiB: rssKb / 1024, stderr: res.stderr };
}

const tools = {
  yourside(url, dir) {
    const out = join(dir, "yourside.json");
    const run = measured(process.execPath, [
      join(root, "bin", "yourside.js"),
      "scan",
      "--endpoint-url",
      url,
      "--regions",
      REGIONS.join(","),
      "--services",
      "s3,iam,ec2,config",
      "--output",
      out,
      "--quiet",
      "--fail-on",
      "none",
    ]);
    if (![0, 3].includes(run.status)) throw new Error(`yourside exited ${run.status}: ${run.stderr}`);
    const findings = JSON.parse(readFileSync(out, "utf8")).findings;
    return { ...run, findings: countBy(findings.map((f) => f.status)) };
  },
  prowler(url, dir) {
    const run = measured(
      prowler,
      [
        "aws",
        "--services",
        "s3",
        "iam",
        "ec2",
        "vpc",
        "config",
        "--region",
        ...REGIONS,
        "--output-formats",
        "json-ocsf",
        "--output-directory",
        dir,
        "--no-banner",
        "--ignore-exit-code-3",
      ],
      { AWS_ENDPOINT_URL: url },
    );
    if (run.status !== 0) throw new Error(`prowler exited ${run.status}: ${run.stderr.slice(-2000)}`);
    const file = readdirSync(dir).find((f) => f.endsWith(".ocsf.json"));
    const findings = file ? JSON.parse(readFileSync(join(dir, file), "utf8")) : [];
    return { ...run, findings: countBy(findings.map((f) => f.status_code)) };
  },
};

function countBy(values) {
  const out = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

const post = (url, path) => fetch(`${url}${path}`, { method: "POST" });

const rows = [];
for (const size of wanted) {
  const shape = sizes[size];
  const results = {};
  for (const [name, run] of Object.entries(tools)) {
    const dir = mkdtempSync(join(tmpdir(), `peers-${name}-`));
    const recording = join(dir, "moto-requests.jsonl");
    process.env.MOTO_RECORDER_FILEPATH = recording;
    const moto = await startMoto();
    try {
      await seedAccount(moto.url, shape);
      await post(moto.url, "/moto-api/recorder/reset-recording");
      await post(moto.url, "/moto-api/recorder/start-recording");
      const r = run(moto.url, dir);
      await post(moto.url, "/moto-api/recorder/stop-recording");
      const requests = readFileSync(recording, "utf8").split("\n").filter(Boolean).length;
      results[name] = { ...r, requests };
      console.log(
        `${size} (${resourceCount(shape)} resources) ${name}: ${r.wall.toFixed(1)} s, ${requests} requests, peak RSS ${r.rssMiB.toFixed(0)} MiB, findings ${JSON.stringify(r.findings)}`,
      );
    } finally {
      moto.stop();
    }
  }
  rows.push({ size, shape, ...results });
}

console.log("\n| account | tool | wall time | HTTP requests | peak RSS | findings |\n|---|---|---|---|---|---|");
for (const row of rows) {
  for (const name of Object.keys(tools)) {
    const r = row[name];
    console.log(
      `| ${row.size} (${resourceCount(row.shape)} resources) | ${name} | ${r.wall.toFixed(1)} s | ${r.requests} | ${r.rssMiB.toFixed(0)} MiB | ${JSON.stringify(r.findings)} |`,
    );
  }
  console.log(
    `| | yourside / Prowler wall time | ${(row.yourside.wall / row.prowler.wall).toFixed(3)} | requests ${(row.yourside.requests / row.prowler.requests).toFixed(3)} | | |`,
  );
}

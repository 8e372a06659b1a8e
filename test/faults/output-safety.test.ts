import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport as Report } from "../../reports/json.js";
import { demoSnapshotPath } from "../../src/demo.js";
import type { Inventory } from "../../src/inventory/index.js";
import { runCli, type CliRun } from "../support/cli.js";
import { startFaultProxy, type FaultProxy, type FaultRule } from "../support/fault-proxy.js";
import { startMoto, type MotoServer } from "../support/moto.js";
import { CLI, REPO_ROOT } from "../support/paths.js";
import { seedS3Scenario } from "../services/s3/scenario.js";
import { inParallel } from "./scenario.js";

describe("reports are written atomically: a scan killed at any moment leaves the previous report intact", () => {
  let dir: string;
  let bigSnapshot: string;
  const PREVIOUS = `${JSON.stringify({ previous: "report", findings: ["kept intact"] }, null, 2)}\n`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "yourside-faults-atomic-"));
    // The sample account with 5,000 buckets: a ~50 MB report, so writing it takes a while.
    const inv = JSON.parse(readFileSync(demoSnapshotPath(), "utf8")) as Inventory;
    const buckets = inv.s3?.buckets;
    if (!buckets?.ok || buckets.value.length === 0) throw new Error("the sample snapshot has no buckets to multiply");
    const many = Array.from({ length: 5000 }, (_, i) => {
      const b = structuredClone(buckets.value[i % buckets.value.length]!);
      b.name = `bulk-${String(i).padStart(5, "0")}`;
      b.arn = `arn:aws:s3:::${b.name}`;
      return b;
    });
    bigSnapshot = join(dir, "big.snapshot.json");
    writeFileSync(bigSnapshot, JSON.stringify({ ...inv, s3: { ...inv.s3, buckets: { ok: true, value: many } } }));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the CLI writing `out`, and SIGKILLs it when `killWhen` says so; resolves once it is dead. */
  async function runAndKill(out: string, killWhen: { tmp: "created" | "written" } | { afterMs: number }): Promise<{ killed: boolean }> {
    const outDir = join(out, "..");
    const child = spawn(process.execPath, [CLI, "scan", "--from-snapshot", bigSnapshot, "--format", "json", "--output", out, "--quiet"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: "ignore",
    });
    let killed = false;
    const kill = () => {
      if (!killed && child.exitCode === null) {
        killed = child.kill("SIGKILL");
      }
    };
    const prefix = `.${out.split("/").at(-1)}.`;
    const watcher = watch(outDir, (event, name) => {
      if (!("tmp" in killWhen) || !name?.startsWith(prefix) || !name.endsWith(".tmp")) return;
      // "rename" is the temporary file appearing; "change" is data written into it.
      if (killWhen.tmp === "created" || event === "change") kill();
    });
    const timer = "afterMs" in killWhen ? setTimeout(kill, killWhen.afterMs) : undefined;
    const guard = setTimeout(kill, 60_000);
    try {
      await once(child, "exit");
    } finally {
      watcher.close();
      clearTimeout(timer);
      clearTimeout(guard);
    }
    return { killed };
  }

  /** The file at `out` is the previous report, byte for byte, or a complete new one: never anything in between. */
  function expectIntactOrComplete(out: string): "previous" | "new" {
    const text = readFileSync(out, "utf8");
    if (text === PREVIOUS) return "previous";
    const report = JSON.parse(text) as Report;
    expect(report.findings.filter((f) => f.resource.id.startsWith("bulk-")).length).toBe(5000 * 7);
    return "new";
  }

  it("SIGKILL between creating the temporary file and renaming it (empty, and with data written): the previous report survives byte for byte", async () => {
    const outcomes: string[] = [];
    for (const moment of ["created", "written"] as const) {
      let caught = false;
      for (let attempt = 0; attempt < 4 && !caught; attempt++) {
        const out = join(dir, `kill-${moment}-${attempt}`, "report.json");
        mkdirSync(join(out, ".."));
        writeFileSync(out, PREVIOUS);
        const { killed } = await runAndKill(out, { tmp: moment });
        const state = expectIntactOrComplete(out);
        const leftovers = readdirSync(join(out, "..")).filter((f) => f.endsWith(".tmp"));
        const sizes = leftovers.map((f) => statSync(join(out, "..", f)).size);
        outcomes.push(
          `kill when the temp file is ${moment}: ${killed ? "killed" : "finished"}, report is ${state}, temp file left: ${sizes.map((n) => `${n} bytes`).join(", ") || "none"}`,
        );
        // The kill landed in the window that matters: the new report was being written, not yet renamed.
        caught = killed && state === "previous" && sizes.length === 1 && (moment === "created" || sizes[0]! > 0);
        // Nothing but hidden temporary files beside the report: no truncated file at or near its name.
        expect(readdirSync(join(out, "..")).filter((f) => !f.startsWith("."))).toEqual(["report.json"]);
      }
      expect(caught, outcomes.join("\n")).toBe(true);
    }
    console.log(`atomic write:\n  ${outcomes.join("\n  ")}`);
  }, 120_000);

  it("SIGKILL at other moments (while evaluating, rendering, writing): the path always holds the previous or the complete new report", async () => {
    const seen: string[] = [];
    for (const afterMs of [700, 1600]) {
      const out = join(dir, `timed-${afterMs}`, "report.json");
      mkdirSync(join(out, ".."));
      writeFileSync(out, PREVIOUS);
      const { killed } = await runAndKill(out, { afterMs });
      seen.push(`${afterMs} ms: ${killed ? "killed" : "finished"}, ${expectIntactOrComplete(out)}`);
    }
    console.log(`atomic write, timed kills: ${seen.join("; ")}`);
  }, 120_000);
});

describe("secrets never appear in output: credentials and a session token in the environment, searched for everywhere", () => {
  const KEY_ID = "ASIAYOURSIDELEAKTEST";
  const SECRET = "yoursideSecret/DoNotLeak+0123456789abcdefghij";
  const TOKEN = `IQoJb3JpZ2luX2VjEYoursideSessionToken${"DoNotLeak0123456789abcdefXYZ".repeat(24)}==`;
  const ENV = { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN };

  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
    dir = mkdtempSync(join(tmpdir(), "yourside-faults-secrets-"));
    await seedS3Scenario(moto);
  });
  afterAll(async () => {
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Every piece of the secrets that could betray them: the values, encodings, and overlapping 20-character slices. */
  const needles = (): string[] => {
    const slices = (s: string, width: number, step: number) =>
      Array.from({ length: Math.max(1, Math.floor((s.length - width) / step) + 1) }, (_, i) => s.slice(i * step, i * step + width));
    return [
      KEY_ID,
      SECRET,
      encodeURIComponent(SECRET),
      TOKEN,
      encodeURIComponent(TOKEN),
      ...slices(TOKEN, 20, 10),
      ...slices(SECRET, 16, 4),
      KEY_ID.slice(4),
    ];
  };

  function leaks(label: string, text: string): string[] {
    return needles()
      .filter((n) => text.includes(n))
      .map((n) => `${label} contains ${JSON.stringify(n.slice(0, 24))}…`);
  }

  /** Runs the CLI through a proxy with `rules`; returns every output it produced. */
  async function outputsOf(name: string, rules: FaultRule[], args: string[]): Promise<{ run: CliRun; texts: Record<string, string> }> {
    const proxy: FaultProxy = await startFaultProxy({ target: moto.url });
    const out = join(dir, name);
    mkdirSync(out);
    try {
      proxy.setRules(rules);
      const run = await runCli(
        ["scan", "--endpoint-url", proxy.url, "--regions", "us-east-1,eu-west-1", ...args.map((a) => a.replace("{out}", out))],
        ENV,
        { timeoutMs: 90_000 },
      );
      const texts: Record<string, string> = { [`${name} stdout`]: run.stdout, [`${name} stderr`]: run.stderr };
      for (const f of readdirSync(out)) texts[`${name}/${f}`] = readFileSync(join(out, f), "utf8");
      // The secrets did go out (signed requests), so their absence from the outputs means something.
      expect(proxy.log().length, name).toBeGreaterThan(0);
      return { run, texts };
    } finally {
      await proxy.stop();
    }
  }

  it("in stdout, stderr, JSON, SARIF, HTML and the snapshot — on success, on a credential error and on errors whose messages echo the signing headers", async () => {
    const echoDenied: FaultRule = {
      operations: [
        "s3:GetBucketPolicy",
        "s3-control:GetPublicAccessBlock",
        "iam:GetAccountSummary",
        "ec2:DescribeVolumes",
        "config:DescribeConfigurationRecorders",
      ],
      fault: { kind: "access-denied", echoHeaders: true },
    };
    const expiredEcho: FaultRule = {
      operations: ["sts:GetCallerIdentity"],
      fault: {
        kind: "error",
        status: 403,
        code: "ExpiredToken",
        message: "The security token included in the request is expired.",
        echoHeaders: true,
      },
    };
    const files = ["--format", "json,sarif,html", "--output-dir", "{out}", "--save-snapshot", "{out}/inventory.json"];
    const runs = await inParallel(2, [
      () => outputsOf("success", [], files),
      () => outputsOf("expired", [expiredEcho], files),
      () => outputsOf("denied-echo", [echoDenied], files),
      () => outputsOf("denied-echo-stdout", [echoDenied], ["--format", "sarif", "--output", "-"]),
    ]);
    const [success, expired, denied, deniedStdout] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];

    // Each path ran as intended.
    expect([1, 3], success.run.stderr).toContain(success.run.code);
    expect(Object.keys(success.texts)).toEqual(
      expect.arrayContaining([
        "success/yourside-report.json",
        "success/yourside-report.sarif",
        "success/yourside-report.html",
        "success/inventory.json",
      ]),
    );
    expect(expired.run.code).toBe(2);
    expect(expired.run.stderr).toMatch(/^yourside: AWS credentials are missing, invalid or expired/);
    expect(denied.run.code).toBe(3);
    expect(deniedStdout.run.code).toBe(3);
    expect(JSON.parse(deniedStdout.run.stdout).runs).toBeDefined();
    // The echoed headers reached the scanner's error messages (redacted), so the search below is not vacuous.
    const report = JSON.parse(denied.texts["denied-echo/yourside-report.json"] ?? "{}") as Report;
    expect(report.scan.errors.some((e) => e.message.includes("Request headers: Authorization"))).toBe(true);
    expect(expired.run.stderr).toContain("Request headers: Authorization");

    const found = runs.flatMap(({ texts }) => Object.entries(texts).flatMap(([label, text]) => leaks(label, text)));
    expect(found).toEqual([]);
  }, 180_000);
});

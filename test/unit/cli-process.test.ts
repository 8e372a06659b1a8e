import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { SERVICE_IDS } from "../../src/services/index.js";
import { runCli } from "../support/cli.js";
import { CLI, REPO_ROOT } from "../support/paths.js";

describe("the yourside process", () => {
  it("a reader that closes the pipe early (`yourside demo --output - | head -c 100`): no crash, the scan's own exit code", async () => {
    const child = spawn(process.execPath, [CLI, "demo", "--format", "sarif", "--output", "-", "--fail-on", "high"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let received = 0;
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", (d: Buffer) => {
      received = d.length;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(received).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect(code).toBe(1); // the sample account has high-severity failures
  });

  it.each([
    [
      [],
      /^yourside: no command given \(commands: scan, demo, quickstart, checks, policy, merge; .*'yourside demo' needs no AWS account\)$/,
    ],
    [["frob"], /^yourside: unknown command 'frob' \(commands: scan, demo/],
    [["scan", "--bogus"], /^yourside: unknown option '--bogus' \(run 'yourside --help' for usage\)$/],
    [["scan", "--regions"], /^yourside: option '--regions <list>' argument missing \(run 'yourside --help' for usage\)$/],
    [
      ["demo", "--services", "s3,\u001b[31mred\nline"],
      new RegExp(`^yourside: --services: unknown service \\\\u001b\\[31mred line \\(known: ${SERVICE_IDS.join(", ")}\\)$`),
    ],
  ])("%j: one line, exit 2", async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.endsWith("\n")).toBe(true);
    const lines = run.stderr.slice(0, -1).split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe("exit codes a cron job can trust", () => {
  it("`yourside demo` exits 0 (the sample account fails on purpose), but judges it when asked: --fail-on low exits 1", async () => {
    expect((await runCli(["demo", "--quiet", "--output", "-"])).code).toBe(0);
    expect((await runCli(["demo", "--quiet", "--output", "-", "--fail-on", "low"])).code).toBe(1);
    expect((await runCli(["demo", "--quiet", "--output", "-", "--fail-on", "critical"])).code).toBe(1);
  });

  it("an internal error is its own exit code (4) with one line that asks for a bug report", async () => {
    // A scan whose report cannot be rendered: a renderer that throws is a bug, not a usage error.
    const { RENDERERS } = await import("../../reports/index.js");
    const { main } = await import("../../src/cli/main.js");
    const json = RENDERERS.json;
    const original = json.render;
    let stderr = "";
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string | Uint8Array) => ((stderr += String(chunk)), true);
    (json as { render: typeof original }).render = () => {
      throw new TypeError("cannot read properties of undefined (reading 'x')");
    };
    try {
      expect(await main(["demo", "--quiet", "--output", "/dev/null"])).toBe(4);
    } finally {
      (json as { render: typeof original }).render = original;
      process.stderr.write = write;
    }
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(
      /^yourside: internal error: cannot read properties of undefined \(reading 'x'\) — this is a bug in yourside [\d.]+; please report it/,
    );
  });
});

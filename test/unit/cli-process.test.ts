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
    [[], /^yourside: no command given \(commands: scan, demo, quickstart, checks, policy; .*'yourside demo' needs no AWS account\)$/],
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

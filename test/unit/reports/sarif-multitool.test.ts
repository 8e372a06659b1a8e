/**
 * Validates yourside's SARIF with Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool 5.7.0).
 *
 * What the tool does, learnt by running it:
 * - `validate` exits 0 whether or not it finds problems; it writes its findings as a SARIF log
 *   (`--output`), which is what this test reads. Exit code 1 means it could not run at all.
 * - `--rule-kind "Sarif;Ghas"` (`Gh` is the deprecated spelling of `Ghas`) runs the JSON schema, the
 *   SARIF rules and the GitHub Advanced Security rules GH1013-GH1018/GH2012. GitHub's ingestion rules
 *   GH1001-GH1007 (locations, regions, relative URIs, message text) stay disabled unless a policy
 *   file enables them; the npm package ships none, so ./multitool-github.config.xml does. The
 *   negative control below proves they fire.
 * - Notes are only written with `--level "Error;Warning;Note"`.
 * - A file it cannot deserialize (a wrong enum value or type) is reported as clean: zero results,
 *   exit 0, and the other files of the same invocation go silent too. A real yourside run always
 *   gets SARIF2010 notes (cloud resources have no code snippets), so a run without them was not
 *   read and the test fails. The Ajv schema check in sarif.test.ts covers what it cannot read.
 * - One invocation takes ~1.5-2.5 s (a self-contained .NET binary); parallel invocations are much
 *   slower (server GC on a small machine). So the three logs checked here go in one file, as three
 *   runs, validated in one invocation; each problem names its run (`runs[N]...`).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSarif } from "../../../reports/sarif.js";
import { packageRoot } from "../../../src/version.js";
import { buildFixtureReport } from "../../support/report-fixture.js";
import { MULTITOOL } from "./sarif-rules.js";

const CONFIG = fileURLToPath(new URL("./multitool-github.config.xml", import.meta.url));

interface Problem {
  ruleId: string;
  level: string;
  /** The run of the validated file it is about, from its `runs[N]` path; undefined for the file. */
  run: number | undefined;
  text: string;
}

interface Validation {
  exitCode: number;
  stderr: string;
  seconds: number;
  log: Log;
  problems: Problem[];
}

const levelOf = (r: Result, rule: ReportingDescriptor | undefined): string => r.level ?? rule?.defaultConfiguration?.level ?? "warning";

/** The multitool writes message ids + arguments; expand them with the rule's message strings. */
function textOf(r: Result, rule: ReportingDescriptor | undefined): string {
  const template = r.message.text ?? (r.message.id ? rule?.messageStrings?.[r.message.id]?.text : undefined) ?? r.message.id ?? "";
  return template.replace(/\{(\d+)\}/g, (_, i: string) => r.message.arguments?.[Number(i)] ?? "");
}

function validate(dir: string, sarif: Log): Promise<Validation> {
  const input = join(dir, "input.sarif");
  const output = join(dir, "validation.sarif");
  writeFileSync(input, `${JSON.stringify(sarif, null, 2)}\n`);
  const args = [
    "validate",
    input,
    "--rule-kind",
    "Sarif;Ghas",
    "--config",
    CONFIG,
    "--level",
    "Error;Warning;Note",
    "--output",
    output,
    "--log",
    "ForceOverwrite",
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(MULTITOOL, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const seconds = (performance.now() - started) / 1000;
      const exitCode = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      let log: Log;
      try {
        log = JSON.parse(readFileSync(output, "utf8")) as Log;
      } catch (e) {
        reject(new Error(`Sarif.Multitool wrote no output (exit ${exitCode}): ${stderr || String(e)}`));
        return;
      }
      const run = log.runs[0]!;
      const rules = run.tool.driver.rules ?? [];
      const problems = (run.results ?? []).map((r) => {
        const rule = r.ruleIndex !== undefined ? rules[r.ruleIndex] : rules.find((x) => x.id === r.ruleId);
        const where = /^runs\[(\d+)\]/.exec(r.message.arguments?.[0] ?? "")?.[1];
        return {
          ruleId: r.ruleId ?? "?",
          level: levelOf(r, rule),
          run: where === undefined ? undefined : Number(where),
          text: textOf(r, rule),
        };
      });
      resolve({ exitCode, stderr, seconds, log, problems });
    });
  });
}

const hasHomepage = (): boolean =>
  typeof (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { homepage?: unknown }).homepage === "string";

/** Errors and warnings about `run` (or the whole file), except SARIF2005 ("no informationUri") when allowed. */
const problemsOf = (v: Validation, run: number, allowMissingInformationUri: boolean): string[] =>
  v.problems
    .filter((p) => p.run === run || p.run === undefined)
    .filter((p) => p.level === "error" || p.level === "warning")
    .filter((p) => !(allowMissingInformationUri && p.ruleId === "SARIF2005"))
    .map((p) => `${p.level} ${p.ruleId}: ${p.text}`);

const FIXTURE = 0;
const VARIANT = 1;
const BROKEN = 2;

describe("SARIF Multitool", () => {
  let dir: string;
  let v: Validation;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "yourside-sarif-"));
    const report = buildFixtureReport();
    const fixture = buildSarif(report);
    const variant = buildSarif(report, {
      includeMuted: true,
      maxResults: 3,
      maxNotifications: 1,
      informationUri: "https://example.com/yourside",
    });
    const broken = buildSarif(report).runs[0]!;
    const results = broken.results!;
    delete results[0]!.locations;
    results[1]!.locations![0]!.physicalLocation!.artifactLocation!.uri = "arn:aws:s3:::public-reports";
    delete results[2]!.locations![0]!.physicalLocation!.region;
    v = await validate(dir, { ...fixture, runs: [fixture.runs[0]!, variant.runs[0]!, broken] });
    console.info(`Sarif.Multitool validate: ${v.seconds.toFixed(1)} s`);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("ran and read every run", () => {
    expect(v.exitCode, v.stderr).toBe(0);
    const invocation = v.log.runs[0]!.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(true);
    const toolErrors = [...(invocation?.toolExecutionNotifications ?? []), ...(invocation?.toolConfigurationNotifications ?? [])].filter(
      (n) => n.level === "error",
    );
    expect(toolErrors.map((n) => n.message.text)).toEqual([]);
    for (const run of [FIXTURE, VARIANT, BROKEN]) {
      const canary = v.problems.some((p) => p.run === run && p.ruleId === "SARIF2010");
      expect(canary, `no SARIF2010 note for runs[${run}]: the multitool did not read the file`).toBe(true);
    }
  });

  it("finds no error or warning in the SARIF yourside writes", () => {
    expect(problemsOf(v, FIXTURE, !hasHomepage())).toEqual([]);
  });

  it("finds none with muted results, truncation notifications and an informationUri", () => {
    expect(problemsOf(v, VARIANT, false)).toEqual([]);
  });

  it("does flag what GitHub rejects (the GitHub rules are really on)", () => {
    const flagged = problemsOf(v, BROKEN, true).join("\n");
    expect(flagged).toMatch(/error GH1001: runs\[2\]\.results\[0\]/);
    expect(flagged).toMatch(/error GH1005: .*arn:aws:s3:::public-reports/);
    expect(flagged).toMatch(/error GH1003: runs\[2\]\.results\[2\]/);
  });
});

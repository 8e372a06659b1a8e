import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { validateReport } from "../../reports/schema/validate.js";
import { main } from "../../src/cli/main.js";
import { demoSnapshotPath } from "../../src/demo.js";
import { runCli } from "../support/cli.js";
import { validateSarifSchema } from "../support/sarif-schema.js";
import { countRuns, FUZZ_COUNTS } from "./support.js";

/**
 * The CLI fed random command lines built from its own vocabulary (every flag, good and bad
 * values, broken files) and from noise. Whatever it gets: exit 0–3, never an exception or a
 * stack trace; exit 2 is exactly one `yourside: …` line, nothing on stdout and no report file.
 */

let files: string;
/** Live scans must fail fast and offline: nothing listens on port 9 (discard). */
const DEAD_ENDPOINT = "http://127.0.0.1:9";
const ENV: Record<string, string> = {
  AWS_ENDPOINT_URL: DEAD_ENDPOINT,
  AWS_ACCESS_KEY_ID: "AKIAFUZZFUZZFUZZFUZZ",
  AWS_SECRET_ACCESS_KEY: "fuzz-secret-fuzz-secret",
  AWS_REGION: "us-east-1",
  AWS_MAX_ATTEMPTS: "1",
  AWS_EC2_METADATA_DISABLED: "true",
};
const savedEnv: Record<string, string | undefined> = {};

function writeInputFiles(dir: string): void {
  const demo = readFileSync(demoSnapshotPath(), "utf8");
  copyFileSync(demoSnapshotPath(), join(dir, "good.snapshot.json"));
  writeFileSync(join(dir, "truncated.snapshot.json"), demo.slice(0, demo.length / 2));
  writeFileSync(join(dir, "binary.bin"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(join(dir, "latin1.json"), Buffer.from(demo.replace("public-acl", "publ\u00e9c-acl"), "latin1"));
  writeFileSync(join(dir, "empty"), "");
  writeFileSync(join(dir, "wrong-shape.snapshot.json"), demo.replace('"buckets": {', '"buckets": { "unexpected": 1,'));
  writeFileSync(join(dir, "other.json"), JSON.stringify({ format: "something-else/1" }));
  writeFileSync(
    join(dir, "good.config.yaml"),
    "settings:\n  unusedCredentialDays: 60\nmutelist:\n  - checkId: iam-root-mfa\n    resource: '*'\n    reason: fuzz\n",
  );
  writeFileSync(join(dir, "unknown-key.config.yaml"), "settings:\n  unusedCredentialDayz: 60\n");
  writeFileSync(join(dir, "wrong-type.config.yaml"), "settings:\n  adminPorts: twenty-two\n");
  writeFileSync(
    join(dir, "alias-bomb.config.yaml"),
    `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join("\n")}\n`,
  );
  // Sparse files: huge to stat, free on disk, never read.
  writeFileSync(join(dir, "huge.json"), "");
  truncateSync(join(dir, "huge.json"), 600 * 1024 * 1024);
  writeFileSync(join(dir, "huge.yaml"), "");
  truncateSync(join(dir, "huge.yaml"), 6 * 1024 * 1024);
  mkdirSync(join(dir, "a-directory"));
}

const inputFile = (name: string) => fc.constant(name).map((n) => join(files, n));
const anyInput = fc.oneof(
  ...[
    "good.snapshot.json",
    "truncated.snapshot.json",
    "binary.bin",
    "latin1.json",
    "empty",
    "wrong-shape.snapshot.json",
    "other.json",
    "good.config.yaml",
    "unknown-key.config.yaml",
    "wrong-type.config.yaml",
    "alias-bomb.config.yaml",
    "huge.json",
    "huge.yaml",
    "a-directory",
    "missing.json",
  ].map(inputFile),
);
const noise = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "-", "--", "-x", "--=", "=", "\u0000", "\n", "💥"),
);

/** Values per flag: valid ones (so real scans happen), near misses, files and noise. */
const VALUES: Record<string, fc.Arbitrary<string>> = {
  "--profile": fc.oneof(fc.constantFrom("default", "no-such-profile"), noise),
  "--regions": fc.oneof(fc.constantFrom("us-east-1", "us-east-1,eu-west-1", "all", "eu-west-1,", "us-east-one", ","), noise),
  "--endpoint-url": fc.oneof(fc.constantFrom(DEAD_ENDPOINT, "ftp://127.0.0.1", "not a url", "http://"), noise),
  "--concurrency": fc.oneof(fc.constantFrom("1", "16", "256", "257", "0", "-3", "1.5", "1e2", "99999999999999999999"), noise),
  "--save-snapshot": fc.oneof(fc.constantFrom("saved.json", "no-such-dir/saved.json", "."), noise),
  "--from-snapshot": fc.oneof(anyInput, anyInput, noise),
  "--services": fc.oneof(fc.constantFrom("s3", "iam,ec2", "config", "s3,lambda", "S3"), noise),
  "--checks": fc.oneof(fc.constantFrom("s3-bucket-public-acl", "iam-root-mfa,ec2-ami-public", "no-such-check"), noise),
  "--severity": fc.oneof(fc.constantFrom("high+", "critical,low", "informational", "severe"), noise),
  "--format": fc.oneof(fc.constantFrom("json", "sarif", "json,sarif", "JSON", "xml"), noise),
  "--output": fc.oneof(fc.constantFrom("report.json", "-", "out/report.json", ".", ""), noise),
  "--output-dir": fc.oneof(fc.constantFrom("out", ".", "nested/dir"), inputFile("binary.bin"), noise),
  "--fail-on": fc.oneof(fc.constantFrom("none", "high", "low", "informational", "whatever"), noise),
  "--config": fc.oneof(anyInput, anyInput, noise),
};
const BARE_FLAGS = ["--quiet", "-q", "--json", "--markdown", "--help", "-V", "--demo", "--no-such-flag"];

const commandLine: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.oneof(fc.constantFrom("scan", "scan", "scan", "demo", "demo", "checks", "policy", "quickstart"), noise),
    fc.array(
      fc.oneof(
        fc.constantFrom(...Object.keys(VALUES)).chain((flag) =>
          fc.oneof(
            VALUES[flag]!.map((v) => [flag, v]),
            VALUES[flag]!.map((v) => [`${flag}=${v}`]),
            fc.constant([flag]),
          ),
        ),
        fc.constantFrom(...BARE_FLAGS).map((f) => [f]),
        noise.map((n) => [n]),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([command, groups]) => [command, ...groups.flat()]);

/** Mostly-valid command lines, so that real evaluations and report writes are fuzzed too. */
const VALID_VALUES: Record<string, fc.Arbitrary<string>> = {
  "--services": fc.constantFrom("s3", "iam,ec2", "config", "s3,iam,ec2,config"),
  "--severity": fc.constantFrom("high+", "critical,low", "informational", "medium"),
  "--format": fc.constantFrom("json", "sarif", "json,sarif"),
  "--output-dir": fc.constantFrom("out", ".", "nested/dir"),
  "--fail-on": fc.constantFrom("none", "high", "low", "critical"),
  "--regions": fc.constantFrom("us-east-1", "eu-west-1", "us-east-1,eu-west-1"),
  "--config": inputFile("good.config.yaml"),
  "--save-snapshot": fc.constantFrom("saved.json"),
  "--checks": fc.constantFrom("s3-bucket-public-acl", "iam-root-mfa,ec2-ami-public", "ec2-security-group-admin-ports-open"),
};
const mostlyValidLine: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom(["demo"], ["scan", "--from-snapshot", "SNAPSHOT"]),
    fc
      .uniqueArray(fc.constantFrom(...Object.keys(VALID_VALUES)), { maxLength: 4 })
      .chain((flags) => fc.tuple(...flags.map((f) => VALID_VALUES[f]!.map((v) => [f, v])))),
    fc.option(
      fc.constantFrom(...Object.keys(VALUES)).chain((flag) => VALUES[flag]!.map((v) => [flag, v])),
      { freq: 3 },
    ),
  )
  .map(([head, pairs, spoiler]) => [
    ...head.map((h) => (h === "SNAPSHOT" ? join(files, "good.snapshot.json") : h)),
    ...pairs.flat(),
    ...(spoiler ?? []),
  ]);

const anyCommandLine = fc.oneof(commandLine, mostlyValidLine);

/** Every file under `dir` (directories alone are not output). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => !statSync(join(dir, f)).isDirectory())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), "yourside-fuzz-inputs-"));
  writeInputFiles(files);
  for (const [k, v] of Object.entries(ENV)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (files) rmSync(files, { recursive: true, force: true });
  console.log(`fuzz cases (CLI): ${JSON.stringify(FUZZ_COUNTS)}`);
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  written: string[];
  cwd: string;
}

/** Asserts what every run must satisfy, whatever its command line. */
function expectSane(argv: readonly string[], o: Outcome): void {
  const what = `yourside ${JSON.stringify(argv)} → exit ${o.code}\nstderr: ${o.stderr.slice(0, 500)}`;
  expect([0, 1, 2, 3], what).toContain(o.code);
  expect(o.stderr, what).not.toMatch(/internal error|WARNING|^\s+at |\bat .+:\d+:\d+\)?$/m);
  if (o.code === 2) {
    const lines = o.stderr.split("\n");
    expect(lines.at(-1), what).toBe("");
    expect(lines.slice(0, -1), what).toEqual([expect.stringMatching(/^yourside: \S/)]);
    expect(o.stdout, what).toBe("");
    expect(o.written, what).toEqual([]);
    countRuns("CLI exit 2 (refused)");
    return;
  }
  countRuns(`CLI exit ${o.code}`);
  // Anything written is a complete, valid report (or snapshot); `--output x.json --format sarif` writes SARIF.
  for (const f of o.written.filter((w) => /\.(json|sarif)$/.test(w) && !w.includes("snapshot") && !w.startsWith("saved"))) {
    const written = JSON.parse(readFileSync(join(o.cwd, f), "utf8")) as Record<string, unknown>;
    const errors = "runs" in written ? validateSarifSchema(written) : validateReport(written).errors;
    expect(errors, `${what}\n${f}`).toEqual([]);
  }
}

describe("CLI fuzzing, in process (many cases)", () => {
  let stdout = "";
  let stderr = "";
  const startDir = process.cwd();

  afterEach(() => {
    process.chdir(startDir);
    vi.restoreAllMocks();
  });

  it("random command lines: exit 0–3; exit 2 is one line, no stdout, no report", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    await fc.assert(
      fc.asyncProperty(anyCommandLine, async (argv) => {
        countRuns("CLI in process");
        const cwd = mkdtempSync(join(tmpdir(), "yourside-fuzz-run-"));
        process.chdir(cwd);
        stdout = "";
        stderr = "";
        try {
          const code = await main(argv);
          expectSane(argv, { code, stdout, stderr, written: filesUnder(cwd), cwd });
        } finally {
          process.chdir(startDir);
          rmSync(cwd, { recursive: true, force: true });
        }
      }),
      { numRuns: 400 },
    );
  }, 240_000);
});

describe("CLI fuzzing, as a process (the binary users run)", () => {
  it("random command lines through bin/yourside.js: the same contract, and no stack trace from Node itself", async () => {
    const samples = fc.sample(anyCommandLine, { numRuns: 16, seed: 20261201 });
    for (const argv of samples) {
      countRuns("CLI process");
      const cwd = mkdtempSync(join(tmpdir(), "yourside-fuzz-proc-"));
      try {
        // Arguments cannot carry NUL bytes through exec: the shell could not pass them either.
        const args = argv.map((a) => a.replaceAll("\u0000", ""));
        const run = await runCli(args, { ...ENV }, { timeoutMs: 60_000, cwd });
        expectSane(args, { ...run, written: filesUnder(cwd), cwd });
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    }
  }, 240_000);
});

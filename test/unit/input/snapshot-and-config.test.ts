import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../../src/config-file.js";
import { demoSnapshotPath } from "../../../src/demo.js";
import { UsageError } from "../../../src/errors.js";
import { CALL_ERRORS_SCHEMA, generateSchema, schemaPath, serviceSchema } from "../../../src/inventory/schemas.js";
import { SERVICES } from "../../../src/services/index.js";
import { loadSnapshot, parseSnapshot } from "../../../src/snapshot.js";

const DEMO = readFileSync(demoSnapshotPath(), "utf8");
const dir = mkdtempSync(join(tmpdir(), "yourside-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error("accepted");
};

describe("inventory snapshot schemas", () => {
  it.each([CALL_ERRORS_SCHEMA, ...SERVICES.map(serviceSchema)].map((s) => [s.schema, s] as const))(
    "%s is the one generated from the inventory types (run `npm run schema` after changing them)",
    async (_path, source) => {
      expect(JSON.parse(readFileSync(schemaPath(source), "utf8"))).toEqual(await generateSchema(source));
    },
    60_000,
  );
});

describe("loading a snapshot: every refusal says what is wrong, and where", () => {
  const withBuckets = (change: (buckets: unknown[]) => void): string => {
    const inv = JSON.parse(DEMO) as { s3: { buckets: { value: unknown[] } } };
    change(inv.s3.buckets.value);
    return JSON.stringify(inv);
  };
  const withBucket0 = (change: (b: Record<string, unknown>) => void): string =>
    withBuckets((all) => change(all[0] as Record<string, unknown>));

  it("accepts the bundled sample account", () => {
    expect(parseSnapshot(DEMO).accountId).toBe("123456789012");
  });

  it.each([
    ["not JSON", "{ nope", /is not valid JSON/],
    ["empty", "", /is not valid JSON/],
    ["a JSON array", "[]", /not a JSON object/],
    ["another tool's JSON", JSON.stringify({ format: "prowler/3" }), /format "prowler\/3", expected "yourside-inventory\/1"/],
    [
      "a bucket policy that is a number",
      withBucket0((b) => (b.policy = { ok: true, value: 42 })),
      /\/s3\/buckets\/value\/0\/policy\/value must be string,null/,
    ],
    ["a bucket that is a string", withBuckets((all) => all.unshift("oops")), /\/s3\/buckets\/value\/0 must be object/],
    ["an unknown key", withBucket0((b) => (b.surprise = true)), /must NOT have additional properties 'surprise'/],
    ["a failed read without its error", withBucket0((b) => (b.acl = { ok: false })), /\/s3\/buckets\/value\/0\/acl/],
  ])("%s", (_name, text, message) => {
    expect(refusal(() => parseSnapshot(text, "inv.json"))).toMatch(message);
  });

  it("a file that is not UTF-8 is refused; a snapshot holding U+FFFD in a name (valid UTF-8) is read", () => {
    const latin1 = join(dir, "latin1.json");
    writeFileSync(latin1, Buffer.from(DEMO.replace("public-acl", "publ\u00e9c-acl"), "latin1"));
    expect(refusal(() => loadSnapshot(latin1))).toMatch(/snapshot .*latin1.json is not UTF-8 text/);
    const replacement = join(dir, "replacement.json");
    writeFileSync(replacement, DEMO.replace('"public-acl"', '"public-\uFFFD-acl"'));
    expect(loadSnapshot(replacement).s3?.buckets?.ok).toBe(true);
    expect(readFileSync(replacement, "utf8")).toContain("public-\uFFFD-acl");
  });

  it("a missing file, a directory and a huge file are refused before reading", () => {
    const huge = join(dir, "huge.json");
    writeFileSync(huge, "");
    truncateSync(huge, 4097 * 1024 * 1024); // sparse: costs nothing on disk
    mkdirSync(join(dir, "d"));
    expect(refusal(() => loadSnapshot(join(dir, "missing.json")))).toMatch(/cannot read snapshot .*missing.json: ENOENT/);
    expect(refusal(() => loadSnapshot(join(dir, "d")))).toMatch(/cannot read snapshot .*: EISDIR/);
    expect(refusal(() => loadSnapshot(huge))).toMatch(/huge.json is larger than 4096 MB/);
  });
});

describe("loading a config file", () => {
  it("accepts YAML and JSON, empty meaning defaults", () => {
    expect(parseConfig("settings:\n  unusedCredentialDays: 60\n", "c.yaml")).toEqual({ settings: { unusedCredentialDays: 60 } });
    expect(parseConfig('{"mutelist":[{"checkId":"x","resource":"*","reason":"r"}]}', "c.json").mutelist).toHaveLength(1);
    expect(parseConfig("", "c.yaml")).toEqual({});
    expect(parseConfig("settings:\n  minimumBackupRetentionDays: 14\n", "c.yaml")).toEqual({
      settings: { minimumBackupRetentionDays: 14 },
    });
  });

  it.each([
    [
      "an unknown setting",
      "settings:\n  unusedCredentialDayz: 60\n",
      /\/settings must NOT have additional properties 'unusedCredentialDayz'/,
    ],
    ["a wrong type", "settings:\n  adminPorts: twenty-two\n", /\/settings\/adminPorts must be array/],
    ["an out-of-range port", "settings:\n  adminPorts: [70000]\n", /\/settings\/adminPorts\/0 must be <= 65535/],
    [
      "a backup retention RDS cannot keep",
      "settings:\n  minimumBackupRetentionDays: 36\n",
      /\/settings\/minimumBackupRetentionDays must be <= 35/,
    ],
    ["a mute without a reason", "mutelist:\n  - checkId: x\n    resource: '*'\n", /\/mutelist\/0 must have required property 'reason'/],
    ["broken YAML", "settings: [\n", /not valid YAML\/JSON/],
    [
      "an alias bomb",
      `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
        { length: 10 },
        (_, i) =>
          `k${i}: &k${i} [${Array(10)
            .fill(i === 0 ? "*a" : `*k${i - 1}`)
            .join(", ")}]`,
      ).join("\n")}\n`,
      /not valid YAML\/JSON/,
    ],
  ])("refuses %s", (_name, text, message) => {
    expect(refusal(() => parseConfig(text, "c.yaml"))).toMatch(message);
  });

  it("refuses a file that is not UTF-8", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, Buffer.from([0x73, 0x3a, 0x20, 0xff, 0x0a]));
    expect(refusal(() => loadConfig(bad))).toMatch(/config .*bad.yaml is not UTF-8 text/);
  });

  it("refuses a huge file before reading it", () => {
    const huge = join(dir, "huge.yaml");
    writeFileSync(huge, "");
    truncateSync(huge, 6 * 1024 * 1024);
    expect(refusal(() => loadConfig(huge))).toMatch(/larger than 5 MB/);
  });
});

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { stringify as stringifyYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { CHECKS } from "../../src/services/index.js";
import {
  parseEndpoint,
  parseFailOn,
  parseWebhook,
  parseFormats,
  parseList,
  parsePositiveInt,
  parseRegions,
  parseServices,
  parseSeverityFilter,
} from "../../src/cli/options.js";
import { parseConfig, settingsFrom } from "../../src/config-file.js";
import { demoSnapshotPath } from "../../src/demo.js";
import { evaluate } from "../../src/engine.js";
import { UsageError } from "../../src/errors.js";
import { parseSnapshot } from "../../src/snapshot.js";
import { countRuns, FUZZ_COUNTS, jsonPaths, mutate, mutation, type Json } from "./support.js";

const DEMO_TEXT = readFileSync(demoSnapshotPath(), "utf8");
const DEMO = JSON.parse(DEMO_TEXT) as Json;
const DEMO_PATHS = jsonPaths(DEMO);

/** Refused with a UsageError (one line, says what is wrong), or accepted: never any other exception. */
function verdictOf(parse: () => unknown): "accepted" | "refused" {
  try {
    parse();
    return "accepted";
  } catch (err) {
    if (!(err instanceof UsageError))
      throw new Error(`not a UsageError: ${err instanceof Error ? err.stack : String(err)}`, { cause: err });
    expect(err.message.length).toBeGreaterThan(10);
    return "refused";
  }
}

/** Text in every shape a file can come in wrong: random, binary (invalid UTF-8 decoded), JSON, YAML-ish, cut short. */
const anyText = (valid: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 400 }),
    fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString("utf8")),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.nat({ max: valid.length - 1 }).map((n) => valid.slice(0, n)),
    fc
      .tuple(fc.nat({ max: valid.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
      .map(([n, bytes]) => valid.slice(0, n) + Buffer.from(bytes).toString("latin1") + valid.slice(n)),
  );

afterAll(() => console.log(`fuzz cases (parsers): ${JSON.stringify(FUZZ_COUNTS)}`));

describe("snapshot parser: anything but a well-formed snapshot is one UsageError, never a crash", () => {
  it("accepts the bundled snapshot (the baseline the mutations start from)", () => {
    expect(verdictOf(() => parseSnapshot(DEMO_TEXT))).toBe("accepted");
    expect(DEMO_PATHS.length).toBeGreaterThan(1000);
  });

  it("random, binary, truncated and spliced text", () => {
    fc.assert(
      fc.property(anyText(DEMO_TEXT), (text) => {
        countRuns("snapshot text");
        verdictOf(() => parseSnapshot(text));
      }),
      { numRuns: 600 },
    );
  });

  it("cut short anywhere: always refused", () => {
    const whole = DEMO_TEXT.trimEnd();
    fc.assert(
      fc.property(fc.nat({ max: whole.length - 1 }), (n) => {
        countRuns("snapshot truncated");
        expect(verdictOf(() => parseSnapshot(whole.slice(0, n)))).toBe("refused");
      }),
      { numRuns: 300 },
    );
  });

  it("the bundled snapshot with one value anywhere replaced, removed or joined by an unknown key: refused, or evaluated by every check without a crash", () => {
    const inventoryOf = (text: string) => parseSnapshot(text);
    fc.assert(
      fc.property(fc.constantFrom(...DEMO_PATHS), mutation(), (path, change) => {
        countRuns("snapshot mutation");
        const text = JSON.stringify(mutate(DEMO, path, change));
        if (verdictOf(() => inventoryOf(text)) === "refused") return;
        countRuns("snapshot mutation accepted");
        // Accepted means its shape is right: the checks must be able to read it.
        const findings = evaluate(inventoryOf(text), CHECKS);
        const crashed = findings.filter((f) => f.error?.code === "CheckCrashed");
        expect(crashed.map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("config file parser: YAML or JSON, wrong types, unknown keys, binary — one UsageError or a usable config", () => {
  const VALID = [
    "settings:",
    "  unusedCredentialDays: 60",
    "  adminPorts: [22, 3389, 5985]",
    "  sensitivePorts:",
    "    Redis: [6379]",
    "mutelist:",
    "  - checkId: s3-bucket-access-logging",
    "    resource: arn:aws:s3:::logs-bucket",
    "    region: us-east-1",
    "    reason: this bucket is the log target",
    "",
  ].join("\n");
  const VALID_JSON = JSON.parse(JSON.stringify(parseConfig(VALID, "valid.yaml"))) as Json;
  const inventory = parseSnapshot(DEMO_TEXT);

  it("random, binary, truncated and spliced text", () => {
    fc.assert(
      fc.property(anyText(VALID), (text) => {
        countRuns("config text");
        verdictOf(() => parseConfig(text, "fuzz.yaml"));
      }),
      { numRuns: 600 },
    );
  });

  it("a valid config with one value replaced, removed or joined by an unknown key: refused, or a config the scan runs with", () => {
    const paths = jsonPaths(VALID_JSON);
    fc.assert(
      fc.property(fc.constantFrom(...paths), mutation(), fc.boolean(), (path, change, asJson) => {
        countRuns("config mutation");
        const mutated = mutate(VALID_JSON, path, change);
        const text = asJson ? JSON.stringify(mutated) : stringifyYaml(mutated);
        let config;
        try {
          config = parseConfig(text, "fuzz.yaml");
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          return;
        }
        countRuns("config mutation accepted");
        const findings = evaluate(inventory, CHECKS, { settings: settingsFrom(config), mutes: config.mutelist ?? [] });
        expect(findings.filter((f) => f.error?.code === "CheckCrashed").map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("flag value parsers: any string is a value or one UsageError", () => {
  const parsers: [string, (v: string) => unknown][] = [
    ["--regions", parseRegions],
    ["--services", parseServices],
    ["--checks", (v) => parseList("--checks", v)],
    ["--severity", parseSeverityFilter],
    ["--fail-on", (v) => parseFailOn("--fail-on", v)],
    ["--notify", parseWebhook],
    ["--format", parseFormats],
    ["--concurrency", (v) => parsePositiveInt("--concurrency", v, 256)],
    ["--endpoint-url", parseEndpoint],
  ];
  const values = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.string({ unit: "grapheme-ascii", maxLength: 30 }),
    fc
      .array(
        fc.constantFrom(
          "us-east-1",
          "all",
          "s3",
          "iam",
          "high+",
          "none",
          "json",
          "sarif",
          "16",
          "0",
          "-1",
          "1e3",
          "http://127.0.0.1:5000",
          "ftp://x",
          " ",
          ",",
          "",
        ),
        { maxLength: 4 },
      )
      .map((a) => a.join(",")),
    fc.webUrl(),
  );

  it.each(parsers)("%s", (flag, parse) => {
    fc.assert(
      fc.property(values, (value) => {
        countRuns(`flag ${flag}`);
        verdictOf(() => parse(value));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Helpers for SARIF tests: the 2.1.0 JSON schema shipped with @microsoft/sarif-multitool, and
 * GitHub code scanning's ingestion requirements asserted directly, because the
 * multitool's GitHub rules cover only part of them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Log } from "sarif";

const require = createRequire(import.meta.url);

/** Absolute path of the platform's Sarif.Multitool binary (the npm package's main export). */
export const MULTITOOL: string = require("@microsoft/sarif-multitool") as string;

/**
 * The SARIF 2.1.0 schema the multitool ships. It is often called draft-04, but the file in
 * 5.7.0 declares draft 2020-12 (`$schema`) while still using `definitions`; Ajv2020 reads it.
 */
export const SARIF_SCHEMA_FILE = join(dirname(MULTITOOL), "sarif-2.1.0.json");

let sarifValidator: ValidateFunction | undefined;

export function validateSarifSchema(log: unknown): string[] {
  if (!sarifValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    sarifValidator = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, "utf8")) as object);
  }
  if (sarifValidator(log)) return [];
  return (sarifValidator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

export const GITHUB_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  descriptionChars: 1_024,
  tags: 10,
  gzippedBytes: 10 * 1024 * 1024,
} as const;

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Why GitHub code scanning would reject or mis-handle this log; empty when it would not. */
export function githubProblems(log: Log): string[] {
  const problems: string[] = [];
  const bad = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (log.version !== "2.1.0") bad("version", `is ${String(log.version)}`);
  if (log.runs.length !== 1) bad("runs", `${log.runs.length} runs; yourside writes exactly one per file`);
  const size = gzipSync(JSON.stringify(log)).length;
  if (size > GITHUB_LIMITS.gzippedBytes) bad("file", `${size} bytes gzipped`);

  log.runs.forEach((run, r) => {
    const at = `runs[${r}]`;
    if (!run.tool.driver.name) bad(`${at}.tool.driver`, "no name");
    if (!run.automationDetails?.id) bad(`${at}.automationDetails`, "no id: runs of one tool in one upload need distinct ids");
    const rules = run.tool.driver.rules ?? [];
    rules.forEach((rule, i) => {
      const rat = `${at}.tool.driver.rules[${i}] (${rule.id})`;
      if (!rule.id) bad(rat, "no id");
      for (const key of ["shortDescription", "fullDescription"] as const) {
        const text = rule[key]?.text;
        if (!text) bad(rat, `no ${key}.text`);
        else if (text.length > GITHUB_LIMITS.descriptionChars) bad(rat, `${key} has ${text.length} chars`);
      }
      if (!rule.help?.text) bad(rat, "no help.text");
      const props = rule.properties ?? {};
      const tags: unknown = props.tags;
      if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) bad(rat, "tags is not a string array");
      else {
        if (tags.length > GITHUB_LIMITS.tags) bad(rat, `${tags.length} tags`);
        if (!tags.includes("security")) bad(rat, 'no "security" tag: GitHub would not treat it as a security alert');
      }
      const score: unknown = props["security-severity"];
      if (score !== undefined) {
        if (typeof score !== "string" || !/^(10(\.0)?|[0-9](\.[0-9])?)$/.test(score))
          bad(rat, `security-severity ${JSON.stringify(score)} is not a "0.0"-"10.0" string`);
        else if (Number(score) <= 0) bad(rat, `security-severity ${score}: GitHub ignores a zero score`);
      }
    });

    const results = run.results ?? [];
    if (results.length > GITHUB_LIMITS.resultsPerRun) bad(at, `${results.length} results`);
    const fingerprints = new Set<string>();
    results.forEach((result, i) => {
      const rat = `${at}.results[${i}]`;
      if (!result.ruleId) bad(rat, "no ruleId");
      else if (!rules.some((rule) => rule.id === result.ruleId)) bad(rat, `ruleId ${result.ruleId} has no rule`);
      if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId) bad(rat, "ruleIndex points at another rule");
      if (!result.message.text) bad(rat, "no message.text (GitHub does not support message ids)");
      const locations = result.locations ?? [];
      if (locations.length === 0) bad(rat, "no locations");
      locations.forEach((loc, l) => {
        const lat = `${rat}.locations[${l}]`;
        const physical = loc.physicalLocation;
        if (!physical) return bad(lat, "no physicalLocation (logicalLocations alone are rejected)");
        const uri = physical.artifactLocation?.uri;
        if (!uri) return bad(lat, "no artifactLocation.uri");
        if (SCHEME.test(uri)) bad(lat, `uri ${uri} has a scheme`);
        if (uri.startsWith("/") || uri.includes("\\")) bad(lat, `uri ${uri} is not a relative path`);
        const segments = uri.split("/");
        if (segments[0]?.includes(":")) bad(lat, `uri ${uri}: first segment has ':'`);
        if (segments.some((s) => s === "" || s === "." || s === "..")) bad(lat, `uri ${uri} has an empty or dot segment`);
        if (!/^[A-Za-z0-9._~/-]+$/.test(uri)) bad(lat, `uri ${uri} has characters outside [A-Za-z0-9._~/-]`);
        const line = physical.region?.startLine;
        if (!Number.isInteger(line) || (line ?? 0) < 1) bad(lat, "no region.startLine >= 1");
      });
      const hash = result.partialFingerprints?.primaryLocationLineHash;
      if (!hash || !/^[0-9a-f]+:1$/.test(hash)) bad(rat, `primaryLocationLineHash ${String(hash)} is not "<hex>:1"`);
      else if (fingerprints.has(hash)) bad(rat, `duplicate fingerprint ${hash}`);
      else fingerprints.add(hash);
    });
  });
  return problems;
}

import type { Check } from "../check.js";
import { UsageError } from "../errors.js";
import type { ServiceId } from "../inventory/index.js";
import { SEVERITIES, type Severity } from "../results.js";
import { ENDPOINT_SERVICES, isServiceId, SERVICE_IDS } from "../services/index.js";
import { FORMATS, type Format } from "../../reports/index.js";
import { checkRegions } from "./preflight.js";
import { citesFramework, COMPLIANCE_OPTIONS } from "../compliance.js";
import type { FrameworkId } from "../frameworks/index.js";

/** "a, b,,c" → ["a","b","c"]; an empty list is an error. */
export function parseList(flag: string, value: string): string[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} needs at least one value`);
  return [...new Set(items)];
}

export function parseRegions(value: string): string[] | "all" {
  const items = parseList("--regions", value);
  if (items.length === 1 && items[0] === "all") return "all";
  checkRegions(items);
  return items;
}

export function parseServices(value: string): ServiceId[] {
  const items = parseList("--services", value);
  const bad = items.filter((s) => !isServiceId(s));
  if (bad.length) throw new UsageError(`--services: unknown service ${bad.join(", ")} (known: ${SERVICE_IDS.join(", ")})`);
  return items as ServiceId[];
}

export function parseSeverity(flag: string, value: string): Severity {
  const v = value.trim().toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(v))
    throw new UsageError(`${flag}: unknown severity ${JSON.stringify(value)} (one of ${SEVERITIES.join(", ")})`);
  return v as Severity;
}

/** --severity: a list of severities to include, or "high+" for high and above. */
export function parseSeverityFilter(value: string): Severity[] {
  const items = parseList("--severity", value);
  const out = new Set<Severity>();
  for (const item of items) {
    if (item.endsWith("+")) {
      const min = parseSeverity("--severity", item.slice(0, -1));
      for (const s of SEVERITIES.slice(0, SEVERITIES.indexOf(min) + 1)) out.add(s);
    } else out.add(parseSeverity("--severity", item));
  }
  return [...out];
}

export function parseFailOn(flag: string, value: string): Severity | "none" {
  return value.trim().toLowerCase() === "none" ? "none" : parseSeverity(flag, value);
}

/** A webhook address: http(s) only. It is never printed back (webhook URLs carry tokens). */
export function parseWebhook(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError("--notify: not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--notify must be an http(s) URL, got ${url.protocol}`);
  return url.toString();
}

export function parseFormats(value: string): Format[] {
  const items = parseList("--format", value.toLowerCase());
  const bad = items.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new UsageError(`--format: unknown format ${bad.join(", ")} (known: ${FORMATS.join(", ")})`);
  return items as Format[];
}

export function parsePositiveInt(flag: string, value: string, max: number): number {
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(`${flag} must be a whole number between 1 and ${max}, got ${JSON.stringify(value)}`);
  const n = Number(value.trim());
  if (n < 1 || n > max) throw new UsageError(`${flag} must be between 1 and ${max}, got ${n}`);
  return n;
}

/** `iam=4,s3=64`: per-service limits of calls in flight, by the AWS service names a scan calls. */
export function parseServiceConcurrency(value: string, max: number): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const item of parseList("--service-concurrency", value)) {
    const [name, n, ...rest] = item.split("=");
    if (n === undefined || rest.length > 0 || !name)
      throw new UsageError(`--service-concurrency takes service=number pairs such as iam=4,s3=64, got ${JSON.stringify(item)}`);
    if (!ENDPOINT_SERVICES.includes(name))
      throw new UsageError(`--service-concurrency: unknown service ${JSON.stringify(name)} (known: ${ENDPOINT_SERVICES.join(", ")})`);
    limits[name] = parsePositiveInt(`--service-concurrency ${name}`, n, max);
  }
  return limits;
}

export function parseEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--endpoint-url: not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--endpoint-url must be http(s), got ${url.protocol}`);
  return url.toString().replace(/\/$/, "");
}

/** --compliance: a framework id (`cis-6.0`, `fsbp`, or the full ids); unknown ones are a usage error naming the known. */
export function parseCompliance(value: string): FrameworkId {
  const id = value.trim().toLowerCase();
  const framework = Object.hasOwn(COMPLIANCE_OPTIONS, id) ? COMPLIANCE_OPTIONS[id] : undefined;
  if (!framework) {
    const known = Object.entries(COMPLIANCE_OPTIONS)
      .filter(([key, fw]) => key !== fw)
      .map(([key, fw]) => `${key} (${fw})`);
    throw new UsageError(`--compliance: unknown framework ${JSON.stringify(value)} (known: ${known.join(", ")})`);
  }
  return framework;
}

export interface CheckSelection {
  services?: readonly ServiceId[];
  checkIds?: readonly string[];
  /** Only the checks that cite a requirement of this framework. */
  framework?: FrameworkId;
}

/** The checks a scan runs; an unknown check id is a usage error, an empty selection too. */
export function selectChecks(catalogue: readonly Check[], selection: CheckSelection): Check[] {
  if (selection.checkIds) {
    const known = new Set(catalogue.map((c) => c.id));
    const unknown = selection.checkIds.filter((id) => !known.has(id));
    if (unknown.length) throw new UsageError(`--checks: unknown check ${unknown.join(", ")} (see 'yourside checks')`);
  }
  const chosen = catalogue.filter(
    (c) =>
      (!selection.services || selection.services.includes(c.service)) &&
      (!selection.checkIds || selection.checkIds.includes(c.id)) &&
      (!selection.framework || citesFramework(c, selection.framework)),
  );
  if (chosen.length === 0) throw new UsageError("no check matches the --services / --checks / --compliance selection");
  return chosen;
}

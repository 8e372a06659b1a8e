/**
 * The findings as the HTML page embeds them for its script: compact (repeated strings once, in
 * tables, and a finding as an array of indices and its own strings), in worst-first order, and safe
 * inside a `<script type="application/json">` element whatever the strings hold.
 */
import { FRAMEWORK_INFO, type FrameworkId } from "../../src/frameworks/index.js";
import { LAYERS, LAYER_TITLES, type Layer } from "../../src/responsibility.js";
import { SEVERITIES, STATUSES, worstFirst, type Finding, type Remediation, type Status } from "../../src/results.js";
import type { CheckInfo, Report } from "../../src/report.js";
import { serviceTitle } from "./names.js";

/** The order a reader wants: what is wrong first, then what could not be assessed, what was accepted, what passed. */
export const STATUS_ORDER: readonly Status[] = ["FAIL", "ERROR", "MUTED", "PASS"];

const statusRank = (s: Status): number => STATUS_ORDER.indexOf(s);

/** Findings in page order: status (FAIL, ERROR, MUTED, PASS), then worst first. */
export const pageOrder = (findings: readonly Finding[]): Finding[] =>
  [...findings].sort((a, b) => statusRank(a.status) - statusRank(b.status) || worstFirst(a, b));

/** A check as the page's script knows it. */
export interface PageCheck {
  id: string;
  title: string;
  /** Index into `services`. */
  s: number;
  /** Index into `layers`. */
  l: number;
  rationale: string;
  remediation: Remediation;
  compliance: Record<string, string[]>;
}

/** What a finding has beyond the common columns, only when it has it. */
export interface RowExtra {
  error?: Finding["error"];
  muted?: Finding["muted"];
  change?: Finding["change"];
  firstSeen?: string;
  tags?: Record<string, string>;
}

/**
 * One finding: [check, status, severity, account, region, resource type] as indices into the
 * tables, then resource id, ARN (0 when it equals the id), message, evidence, finding id, extra (0 when none).
 */
export type Row = [number, number, number, number, number, number, string, string | 0, string, unknown, string, RowExtra | 0];

/** Column positions of a `Row`, shared with the page's script (`COL` there). */
export const COL = {
  check: 0,
  status: 1,
  severity: 2,
  account: 3,
  region: 4,
  type: 5,
  id: 6,
  arn: 7,
  message: 8,
  evidence: 9,
  findingId: 10,
  extra: 11,
} as const;

/** Everything but the rows: the tables the rows index into. */
export interface PageTables {
  v: 1;
  /** Where each column of a row is. */
  col: typeof COL;
  statuses: readonly string[];
  severities: readonly string[];
  layers: readonly string[];
  layerTitles: Record<string, string>;
  services: string[];
  serviceTitles: Record<string, string>;
  frameworks: Record<string, string>;
  checks: PageCheck[];
  accounts: string[];
  regions: string[];
  types: string[];
  /** For the first items of the fix list: the rows (indices) each closes. */
  fixes: number[][];
}

class Table {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    for (const v of initial) this.of(v);
  }
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

const checkFromFinding = (f: Finding): CheckInfo => ({
  id: f.checkId,
  title: f.title,
  service: f.service,
  layer: f.responsibility.layer,
  severity: f.severity,
  rationale: f.title,
  remediation: f.remediation,
  compliance: f.compliance,
  awsModel: f.responsibility.awsModel,
  serviceModel: f.responsibility.serviceModel,
});

/** The tables and the rows (in page order) for a report. */
export function pageData(report: Report, ordered: readonly Finding[], fixesShown = Infinity): { tables: PageTables; rows: Iterable<Row> } {
  const services = new Table(report.scan.services);
  const layers = new Table(LAYERS);
  const accounts = new Table(report.scan.accounts);
  const regions = new Table(report.scan.regions);
  const types = new Table();
  const checkIndex = new Map<string, number>();
  const checks: PageCheck[] = [];
  const addCheck = (c: CheckInfo): number => {
    const i = checks.length;
    checks.push({
      id: c.id,
      title: c.title,
      s: services.of(c.service),
      l: layers.of(c.layer),
      rationale: c.rationale,
      remediation: c.remediation,
      compliance: c.compliance,
    });
    checkIndex.set(c.id, i);
    return i;
  };
  for (const c of report.checks) addCheck(c);
  const status = new Map(STATUSES.map((s, i) => [s, i]));
  const severity = new Map(SEVERITIES.map((s, i) => [s, i]));
  const rows: Row[] = ordered.map((f) => {
    const { error, muted, change, firstSeen } = f;
    const tags = f.resource.tags;
    const extra: RowExtra = {
      ...(error ? { error } : {}),
      ...(muted ? { muted } : {}),
      ...(change ? { change } : {}),
      ...(firstSeen ? { firstSeen } : {}),
      ...(tags && Object.keys(tags).length > 0 ? { tags } : {}),
    };
    return [
      checkIndex.get(f.checkId) ?? addCheck(checkFromFinding(f)),
      status.get(f.status)!,
      severity.get(f.severity)!,
      accounts.of(f.accountId),
      regions.of(f.region),
      types.of(f.resource.type),
      f.resource.id,
      f.resource.arn === f.resource.id ? 0 : f.resource.arn,
      f.message,
      f.evidence,
      f.id,
      Object.keys(extra).length > 0 ? extra : 0,
    ];
  });
  const rowOf = new Map(ordered.map((f, i) => [f.id, i]));
  const fixes = report.backlog.slice(0, fixesShown).map((item) => item.findings.flatMap((id) => rowOf.get(id) ?? []));
  const tables: PageTables = {
    v: 1,
    col: COL,
    statuses: STATUSES,
    severities: SEVERITIES,
    layers: layers.values,
    layerTitles: Object.fromEntries(layers.values.map((l) => [l, LAYER_TITLES[l as Layer] ?? l])),
    services: services.values,
    serviceTitles: Object.fromEntries(services.values.map((s) => [s, serviceTitle(s)])),
    frameworks: Object.fromEntries(Object.entries(FRAMEWORK_INFO).map(([id, info]) => [id as FrameworkId, info.label])),
    checks,
    accounts: accounts.values,
    regions: regions.values,
    types: types.values,
    fixes,
  };
  return { tables, rows };
}

/**
 * JSON that can stand inside a `<script>` element: every `<`, `>` and `&` is written as a `\u` escape
 * (they occur only inside JSON strings, where the escape means the same character), so no `</script>`,
 * `<!--` or `<script` can appear in the element's text and end it or change how it is parsed; and U+2028,
 * U+2029 likewise, for any reader that treats the text as JavaScript. `JSON.parse` reads it back unchanged.
 */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Rows per piece of the data element's text. */
const ROWS_PER_PIECE = 500;

/**
 * The data element's text in pieces: `{"tables":…,"rows":[` then the rows a few hundred at a time, then `]}`
 * (a large estate's data is never one string).
 */
export function* dataPieces(tables: PageTables, rows: Iterable<Row>): Generator<string> {
  yield `{"tables":${scriptSafeJson(tables)},"rows":[`;
  let batch: string[] = [];
  let first = true;
  for (const row of rows) {
    batch.push(scriptSafeJson(row));
    if (batch.length === ROWS_PER_PIECE) {
      yield (first ? "" : ",") + batch.join(",");
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0) yield (first ? "" : ",") + batch.join(",");
  yield "]}";
}

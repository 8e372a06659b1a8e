/**
 * `--format csv`: one row per finding, in the report's order, with stable columns (`CSV_COLUMNS`;
 * new columns are only ever added at the end). RFC 4180 quoting by csv-stringify. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return: AWS strings are
 * anyone's) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
import { stringify } from "csv-stringify/sync";
import type { Report } from "../src/report.js";
import type { Finding } from "../src/results.js";
import type { Renderer } from "./renderer.js";

export const CSV_COLUMNS = [
  "id",
  "checkId",
  "title",
  "status",
  "severity",
  "service",
  "layer",
  "accountId",
  "region",
  "resourceArn",
  "resourceId",
  "resourceType",
  "message",
  "fixRank",
  "fix",
  "fixCommands",
  "compliance",
  "mutedReason",
  "change",
  "firstSeen",
  "errorCode",
  "errorOperation",
] as const;

const ROWS_PER_PIECE = 500;

/** A cell a spreadsheet reads as text, never as a formula. */
export const neutralized = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function* renderCsv(report: Report): Generator<string> {
  // Which fix-list item closes each failing finding (a lookup of the model, not an evaluation).
  const fixOf = new Map(report.backlog.flatMap((item) => item.findings.map((id) => [id, item] as const)));
  const row = (f: Finding): string[] => {
    const fix = fixOf.get(f.id);
    const compliance = Object.entries(f.compliance).flatMap(([framework, ids]) => ids.map((id) => `${framework}:${id}`));
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: f.id,
      checkId: f.checkId,
      title: f.title,
      status: f.status,
      severity: f.severity,
      service: f.service,
      layer: f.responsibility.layer,
      accountId: f.accountId,
      region: f.region,
      resourceArn: f.resource.arn,
      resourceId: f.resource.id,
      resourceType: f.resource.type,
      message: f.message,
      fixRank: fix ? String(fix.rank) : "",
      fix: fix?.title ?? "",
      fixCommands: fix?.commands.join("\n") ?? "",
      compliance: compliance.join(" "),
      mutedReason: f.muted?.reason ?? "",
      change: f.change ?? "",
      firstSeen: f.firstSeen ?? "",
      errorCode: f.error?.code ?? "",
      errorOperation: f.error ? `${f.error.service}:${f.error.operation}` : "",
    };
    return CSV_COLUMNS.map((c) => neutralized(cells[c]));
  };
  yield stringify([[...CSV_COLUMNS]], { record_delimiter: "windows" });
  for (let start = 0; start < report.findings.length; start += ROWS_PER_PIECE) {
    yield stringify(report.findings.slice(start, start + ROWS_PER_PIECE).map(row), { record_delimiter: "windows" });
  }
}

export const csvRenderer: Renderer = {
  format: "csv",
  extension: "csv",
  description: "one row per finding, for spreadsheets",
  render: renderCsv,
};

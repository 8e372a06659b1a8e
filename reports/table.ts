/**
 * `--format table`: every failing finding as a table that fits the terminal, in fix-list order.
 * Long ids and messages wrap inside their column (nothing is cut); every AWS string is made
 * terminal-safe first (control characters escaped, whitespace runs collapsed).
 */
import { table, type TableUserConfig } from "table";
import { oneLine } from "../src/one-line.js";
import type { Report } from "../src/report.js";
import type { Finding } from "../src/results.js";
import type { Renderer, RenderOptions } from "./renderer.js";

const DEFAULT_WIDTH = 120;
/** Narrower than this, no table is readable: it is drawn this wide and the terminal wraps it. */
const MIN_WIDTH = 60;
/** Rows drawn per piece: a large estate's table streams out. */
const ROWS_PER_PIECE = 200;

const HEADER = ["Fix", "Severity", "Check", "Resource", "Region", "Finding"];

/** Column widths for a terminal `width` columns wide: fixed for rank and severity, the rest shared. */
export function columnWidths(width: number): number[] {
  const total = Math.max(MIN_WIDTH, width);
  // Each column takes its width plus " | " (3), and the table one more for its left border.
  const room = total - (HEADER.length * 3 + 1) - 3 - 8;
  // At the narrowest (60) each shared column gets its minimum and the finding the 8 left.
  const check = Math.max(8, Math.floor(room * 0.24));
  const resource = Math.max(8, Math.floor(room * 0.28));
  const region = Math.max(6, Math.min(14, Math.floor(room * 0.12)));
  const finding = room - check - resource - region;
  return [3, 8, check, resource, region, finding];
}

/** FAIL findings in fix-list order (by the rank of the item that closes them), with that rank. */
export function failingInFixOrder(report: Report): { rank: number; finding: Finding }[] {
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  return report.backlog.flatMap((item) =>
    item.findings.flatMap((id) => {
      const finding = byId.get(id);
      return finding ? [{ rank: item.rank, finding }] : [];
    }),
  );
}

export function* renderTable(report: Report, options: RenderOptions = {}): Generator<string> {
  const rows = failingInFixOrder(report);
  const failing = report.summary.byStatus.FAIL;
  if (rows.length === 0) {
    yield `No failing findings (${report.findings.length} results).\n`;
    return;
  }
  yield (
    `${failing} failing finding${failing === 1 ? "" : "s"} of ${report.findings.length} results, in fix-list order ` +
    `(Fix: the rank of the change that closes it; see the JSON report's backlog for the commands).\n`
  );
  const widths = columnWidths(options.width ?? DEFAULT_WIDTH);
  const config = (first: boolean, last: boolean): TableUserConfig => ({
    columns: widths.map((width, i) => ({ width, wrapWord: i === 5, alignment: i === 0 ? "right" : "left" })),
    drawHorizontalLine: (line, size) => (first && (line === 0 || line === 1)) || (last && line === size),
  });
  for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
    const first = start === 0;
    const last = start + ROWS_PER_PIECE >= rows.length;
    const cells = rows
      .slice(start, start + ROWS_PER_PIECE)
      .map(({ rank, finding: f }) => [String(rank), f.severity, f.checkId, oneLine(f.resource.id), f.region, oneLine(f.message)]);
    yield table(first ? [HEADER, ...cells] : cells, config(first, last));
  }
}

export const tableRenderer: Renderer = {
  format: "table",
  extension: "txt",
  description: "every failing finding as a table that fits the terminal",
  render: renderTable,
};

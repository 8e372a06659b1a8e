/** How the page shows one cell of the responsibility matrix: its state, in words, and its counts. */
import type { MatrixCell } from "../../src/matrix.js";
import type { Status } from "../../src/results.js";

export type CellState =
  | "provider"
  | "not-applicable"
  | "failing"
  | "passing"
  | "could-not-assess"
  | "muted"
  | "not-selected"
  | "nothing-to-assess"
  | "not-covered";

export const CELL_STATE_LABEL: Record<CellState, string> = {
  provider: "AWS",
  "not-applicable": "n/a",
  failing: "failing",
  passing: "passing",
  "could-not-assess": "could not assess",
  muted: "accepted",
  "not-selected": "not selected",
  "nothing-to-assess": "nothing to assess",
  "not-covered": "not covered",
};

export const CELL_STATE_MEANING: Record<CellState, string> = {
  provider: "AWS's duty: security of the cloud",
  "not-applicable": "this layer does not exist for the service",
  failing: "yours: at least one check failed",
  passing: "yours: checks passed and none failed",
  "could-not-assess": "yours: the data could not be read (ERROR only)",
  muted: "yours: every failure is on the mutelist",
  "not-selected": "yours: its checks were filtered out of this scan",
  "nothing-to-assess": "yours: its checks ran and found no resources",
  "not-covered": "yours, and no check covers it: nobody is watching",
};

/** The legend's order: AWS's, then yours from worst to best, then the gaps. */
export const CELL_STATES: readonly CellState[] = [
  "provider",
  "not-applicable",
  "failing",
  "could-not-assess",
  "muted",
  "passing",
  "nothing-to-assess",
  "not-selected",
  "not-covered",
];

/** The state a cell shows, read from the counts the model holds (failures first; never "passing" unless a check passed). */
export function cellState(cell: MatrixCell): CellState {
  if (cell.owner === "provider") return "provider";
  if (cell.owner === "not-applicable") return "not-applicable";
  const n = (s: Status): number => cell.results[s] ?? 0;
  if (n("FAIL") > 0) return "failing";
  if (n("PASS") > 0) return "passing";
  if (n("ERROR") > 0) return "could-not-assess";
  if (n("MUTED") > 0) return "muted";
  return cell.checks.length > 0 ? "nothing-to-assess" : "not-covered";
}

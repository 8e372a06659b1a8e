/** The words and order the page uses for the model's matrix cell states and requirement statuses. */
import type { CellState, RequirementStatus } from "../../src/report.js";

export type State = CellState | RequirementStatus;

export const STATE_LABEL: Record<State, string> = {
  provider: "AWS",
  "not-applicable": "n/a",
  failing: "failing",
  passing: "passing",
  "could-not-assess": "could not assess",
  muted: "muted",
  "not-selected": "not selected",
  "nothing-to-assess": "nothing to assess",
  "not-covered": "not covered",
  manual: "manual",
};

export const STATE_MEANING: Record<State, string> = {
  provider: "AWS's duty: security of the cloud",
  "not-applicable": "this layer does not exist for the service",
  failing: "yours: at least one check failed",
  passing: "yours: no check failed and some passed (errors beside them are counted)",
  "could-not-assess": "yours: the data could not be read (ERROR only)",
  muted: "yours: every result is on the mutelist",
  "not-selected": "yours: checks cover it, but this scan's selection left them out",
  "nothing-to-assess": "yours: its checks ran and found no resource to evaluate",
  "not-covered": "yours, and no check covers it: nobody is watching",
  manual: "not automatable: someone has to look",
};

/** The legend's order: AWS's, then yours from worst to best, then the gaps. */
export const CELL_STATE_ORDER: readonly CellState[] = [
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

export const REQUIREMENT_STATUS_ORDER: readonly RequirementStatus[] = [
  "failing",
  "could-not-assess",
  "muted",
  "passing",
  "nothing-to-assess",
  "not-selected",
  "not-covered",
  "manual",
];

import type { Check } from "./check.js";
import type { CellState, MatrixCell, ResponsibilityMatrix, ResultState } from "./report.js";
import { LAYERS, PROVIDER_LAYERS, ownerOf, type Layer, type ProviderLayer } from "./responsibility.js";
import { STATUSES, zeroCounts, type CountsBy, type Finding, type Status } from "./results.js";
import { SERVICES } from "./services/index.js";

export type { MatrixCell, ResponsibilityMatrix } from "./report.js";

/** Results per status, zeros included. */
export function countResults(findings: readonly Finding[]): CountsBy<Status> {
  const counts = zeroCounts(STATUSES);
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

/**
 * What results say, worst first: failing (a FAIL), passing (no FAIL, a PASS; ERRORs beside it are
 * counted, not hidden), could-not-assess (no FAIL or PASS, an ERROR), muted (only MUTED). Undefined
 * for no results at all.
 */
export function resultState(counts: CountsBy<Status>): ResultState | undefined {
  if (counts.FAIL > 0) return "failing";
  if (counts.PASS > 0) return "passing";
  if (counts.ERROR > 0) return "could-not-assess";
  if (counts.MUTED > 0) return "muted";
  return undefined;
}

/**
 * Why a cell or requirement has no results: no check in the catalogue covers it (not-covered), its
 * checks did not run or --severity left out all they found (not-selected), or they ran and found
 * nothing to evaluate (nothing-to-assess).
 */
export function coverageState(inCatalogue: number, ran: number, leftOut: number): "not-covered" | "not-selected" | "nothing-to-assess" {
  if (inCatalogue === 0 && ran === 0) return "not-covered";
  if (ran === 0 || leftOut > 0) return "not-selected";
  return "nothing-to-assess";
}

export interface MatrixOptions {
  /** The catalogue the checks were selected from. */
  catalogue: readonly Check[];
  /** Findings --severity left out of the report. */
  leftOut: readonly Finding[];
}

const EMPTY = { checks: [], notSelected: [], leftOut: 0 };

export function buildMatrix(
  services: readonly string[],
  checks: readonly Check[],
  findings: readonly Finding[],
  options: MatrixOptions,
): ResponsibilityMatrix {
  const layers = [...PROVIDER_LAYERS, ...LAYERS];
  const matrix: ResponsibilityMatrix = { layers, services: {} };
  // Every cell's counts in one pass over the findings, and over those --severity left out (not one pass per cell).
  const cellOf = (f: Finding): string => `${f.service}|${f.responsibility.layer}`;
  const counts = new Map<string, CountsBy<Status>>();
  for (const f of findings) {
    const key = cellOf(f);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = zeroCounts(STATUSES)));
    c[f.status] += 1;
  }
  const leftOutCounts = new Map<string, number>();
  for (const f of options.leftOut) leftOutCounts.set(cellOf(f), (leftOutCounts.get(cellOf(f)) ?? 0) + 1);
  for (const { id: service, model } of SERVICES.filter((s) => services.includes(s.id))) {
    const cells = {} as Record<Layer | ProviderLayer, MatrixCell>;
    for (const layer of layers) {
      const owner = ownerOf(model, layer);
      if (owner !== "customer") {
        cells[layer] = { owner, state: owner, ...EMPTY, results: zeroCounts(STATUSES) };
        continue;
      }
      const ran = checks.filter((c) => c.service === service && c.layer === layer).map((c) => c.id);
      const covering = options.catalogue.filter((c) => c.service === service && c.layer === layer).map((c) => c.id);
      const results = counts.get(`${service}|${layer}`) ?? zeroCounts(STATUSES);
      const leftOut = leftOutCounts.get(`${service}|${layer}`) ?? 0;
      const state: CellState = resultState(results) ?? coverageState(covering.length, ran.length, leftOut);
      cells[layer] = { owner, state, checks: ran, notSelected: covering.filter((id) => !ran.includes(id)), results, leftOut };
    }
    matrix.services[service] = { serviceModel: model, cells };
  }
  return matrix;
}

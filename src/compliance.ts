/**
 * Compliance summaries: for each framework, every requirement's status from the results of the
 * checks that cover it (the checks' `compliance` references), or why it has none.
 */
import type { Check } from "./check.js";
import { FRAMEWORK_INFO, FRAMEWORKS, type FrameworkId } from "./frameworks/index.js";
import { coverageState, resultState } from "./matrix.js";
import { REQUIREMENT_STATUSES, type ComplianceSummary, type RequirementStatus } from "./report.js";
import { STATUSES, zeroCounts, type CountsBy, type Finding, type Status } from "./results.js";

/** The frameworks the report summarises (Security Hub's other controls are cited, not a standard of their own). */
export const SUMMARISED_FRAMEWORKS: readonly FrameworkId[] = [FRAMEWORKS.cis, FRAMEWORKS.fsbp];

/** The ids `--compliance` takes: a short one per summarised framework, and the framework ids themselves. */
export const COMPLIANCE_OPTIONS: Record<string, FrameworkId> = {
  "cis-6.0": FRAMEWORKS.cis,
  fsbp: FRAMEWORKS.fsbp,
  [FRAMEWORKS.cis]: FRAMEWORKS.cis,
  [FRAMEWORKS.fsbp]: FRAMEWORKS.fsbp,
};

/** Whether a check cites any requirement of a framework (what `--compliance` selects). */
export const citesFramework = (check: Pick<Check, "compliance">, framework: FrameworkId): boolean =>
  (check.compliance[framework]?.length ?? 0) > 0;

/** Checks that cite a requirement. */
const citing = (checks: readonly Check[], framework: FrameworkId, requirement: string): string[] =>
  checks.filter((c) => c.compliance[framework]?.includes(requirement)).map((c) => c.id);

export function buildCompliance(
  findings: readonly Finding[],
  checks: readonly Check[],
  catalogue: readonly Check[],
  leftOut: readonly Finding[],
): ComplianceSummary[] {
  // Results per check, counted once: a requirement adds up its checks' (not one pass over every finding per requirement).
  const byCheck = new Map<string, CountsBy<Status>>();
  for (const f of findings) {
    let c = byCheck.get(f.checkId);
    if (!c) byCheck.set(f.checkId, (c = zeroCounts(STATUSES)));
    c[f.status] += 1;
  }
  const leftByCheck = new Map<string, number>();
  for (const f of leftOut) leftByCheck.set(f.checkId, (leftByCheck.get(f.checkId) ?? 0) + 1);
  return SUMMARISED_FRAMEWORKS.map((framework) => {
    const info = FRAMEWORK_INFO[framework];
    const counts = zeroCounts<RequirementStatus>(REQUIREMENT_STATUSES);
    const requirements = info.requirements.map((req) => {
      const ran = citing(checks, framework, req.id);
      const covering = [...new Set([...citing(catalogue, framework, req.id), ...ran])];
      const results = zeroCounts(STATUSES);
      for (const id of new Set(ran)) for (const s of STATUSES) results[s] += byCheck.get(id)?.[s] ?? 0;
      const left = covering.reduce((n, id) => n + (leftByCheck.get(id) ?? 0), 0);
      const status: RequirementStatus =
        resultState(results) ?? (covering.length === 0 && !req.automated ? "manual" : coverageState(covering.length, ran.length, left));
      counts[status] += 1;
      return { id: req.id, title: req.title, automated: req.automated, status, checks: covering, results };
    });
    return { framework, label: info.label, title: info.title, url: info.url, counts, requirements };
  });
}

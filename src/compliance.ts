/**
 * Compliance summaries: for each framework, every requirement's status from the results of the
 * checks that cover it (the checks' `compliance` references), or why it has none.
 */
import type { Check } from "./check.js";
import { FRAMEWORK_INFO, FRAMEWORKS, type FrameworkId } from "./frameworks/index.js";
import { countResults, coverageState, resultState } from "./matrix.js";
import { REQUIREMENT_STATUSES, type ComplianceSummary, type RequirementStatus } from "./report.js";
import { zeroCounts, type Finding } from "./results.js";

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
  return SUMMARISED_FRAMEWORKS.map((framework) => {
    const info = FRAMEWORK_INFO[framework];
    const counts = zeroCounts<RequirementStatus>(REQUIREMENT_STATUSES);
    const requirements = info.requirements.map((req) => {
      const ran = citing(checks, framework, req.id);
      const covering = [...new Set([...citing(catalogue, framework, req.id), ...ran])];
      const results = countResults(findings.filter((f) => ran.includes(f.checkId)));
      const left = leftOut.filter((f) => covering.includes(f.checkId)).length;
      const status: RequirementStatus =
        resultState(results) ?? (covering.length === 0 && !req.automated ? "manual" : coverageState(covering.length, ran.length, left));
      counts[status] += 1;
      return { id: req.id, title: req.title, automated: req.automated, status, checks: covering, results };
    });
    return { framework, label: info.label, title: info.title, url: info.url, counts, requirements };
  });
}

/**
 * A check tester in the style of ESLint's RuleTester: each check has a table of `pass`, `fail`
 * and `error` cases (`test/checks/<service>/<file>.cases.ts`), run by `test/checks/catalogue.test.ts`.
 *
 * A case of kind K asserts that the check gives at least one finding and that every finding is K;
 * with `findings`, that the findings match that list in order instead (and at least one is K), for
 * cases about several resources at once. An `error` case also asserts that each ERROR names an
 * operation the check's slices declare, with its code in the message: never a PASS from unread data.
 */
import { expect } from "vitest";
import type { Check } from "../../src/check.js";
import { evaluate } from "../../src/engine.js";
import type { Inventory } from "../../src/inventory/index.js";
import type { Mute } from "../../src/mutelist.js";
import type { Finding } from "../../src/results.js";
import { operationsOf } from "../../src/services/index.js";
import { DEFAULT_SETTINGS, type Settings } from "../../src/settings.js";

export type CaseKind = "pass" | "fail" | "error";
export const CASE_KINDS: readonly CaseKind[] = ["pass", "fail", "error"];
const STATUS: Record<CaseKind, Finding["status"]> = { pass: "PASS", fail: "FAIL", error: "ERROR" };

/** What one finding must look like (matched with `toMatchObject`). */
export type FindingMatch = Record<string, unknown>;

export interface CheckCase {
  name: string;
  inventory: Inventory;
  settings?: Partial<Settings>;
  mutes?: Mute[];
  /** The findings in order, when the case is about several resources (default: every finding has the case's status). */
  findings?: FindingMatch[];
  /** Further assertions on the findings. */
  assert?: (findings: Finding[]) => void;
}

export interface CheckCases {
  check: Check;
  pass: CheckCase[];
  fail: CheckCase[];
  error: CheckCase[];
}

/** The cases of one check; the default export of its cases file. */
export const checkCases = (check: Check, cases: Omit<CheckCases, "check">): CheckCases => ({ check, ...cases });

export const evaluateCase = (check: Check, c: CheckCase): Finding[] =>
  evaluate(c.inventory, [check], { settings: { ...DEFAULT_SETTINGS, ...c.settings }, ...(c.mutes ? { mutes: c.mutes } : {}) });

export function assertCase(check: Check, kind: CaseKind, c: CheckCase): void {
  const findings = evaluateCase(check, c);
  const status = STATUS[kind];
  expect(findings.length, "the check gave no finding").toBeGreaterThan(0);
  if (c.findings) {
    expect(findings).toHaveLength(c.findings.length);
    c.findings.forEach((match, i) => expect(findings[i], `finding ${i}`).toMatchObject(match));
    expect(
      findings.map((f) => f.status),
      `no ${status} finding`,
    ).toContain(status);
  } else {
    expect(findings.map((f) => `${f.resource.id} ${f.status}`)).toEqual(findings.map((f) => `${f.resource.id} ${status}`));
  }
  const declared = new Set(operationsOf(check.needs).map((o) => `${o.service}:${o.operation}`));
  for (const f of findings.filter((x) => x.status === "ERROR")) {
    expect(f.error, `${f.resource.id}: an ERROR names its failed call`).toBeDefined();
    expect(declared, `${f.resource.id}: ${f.error?.service}:${f.error?.operation} is not among the check's operations`).toContain(
      `${f.error?.service}:${f.error?.operation}`,
    );
    expect(f.message).toContain(f.error!.code);
  }
  c.assert?.(findings);
}

/**
 * The whole check catalogue: every check is one file named after its id, with complete metadata and
 * pass, fail and error cases (`./<service>/<file>.cases.ts`, run here through the check tester).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Check } from "../../src/check.js";
import { FRAMEWORK_IDS, FRAMEWORK_INFO, FRAMEWORKS } from "../../src/frameworks/index.js";
import { ownerOf } from "../../src/responsibility.js";
import { CHECKS, isSliceId, SERVICES, serviceById, serviceOf } from "../../src/services/index.js";
import { assertCase, CASE_KINDS, type CheckCases } from "../support/check-tester.js";
import { REPO_ROOT } from "../support/paths.js";

/** `s3-bucket-public-acl` lives in `checks/s3/bucket-public-acl.ts`. */
const fileOf = (check: Check): string => check.id.slice(check.service.length + 1);

const tables: CheckCases[] = await Promise.all(
  CHECKS.map(async (check) => ((await import(`./${check.service}/${fileOf(check)}.cases.ts`)) as { default: CheckCases }).default),
);

describe("the check catalogue", () => {
  it("has unique ids", () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
  });

  it.each(SERVICES.map((s) => [s.id, s] as const))(
    "checks/%s/: every file is one check whose id is <service>-<file name>, and the service lists exactly these",
    async (id, service) => {
      const dir = join(REPO_ROOT, "checks", id);
      const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts");
      const inFiles = await Promise.all(
        files.map(async (f) => [f.replace(/\.ts$/, ""), ((await import(join(dir, f))) as { default: Check }).default] as const),
      );
      for (const [file, check] of inFiles) expect(check.id, `checks/${id}/${file}.ts`).toBe(`${id}-${file}`);
      expect(service.checks.map((c) => c.id).sort()).toEqual(inFiles.map(([, c]) => c.id).sort());
      for (const check of service.checks) expect(check.service).toBe(id);
    },
  );

  it.each(CHECKS.map((c) => [c.id, c] as const))("%s has complete metadata", (_id, check) => {
    expect(check.title.length).toBeGreaterThan(10);
    expect(check.rationale.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(10);
    expect(check.remediation.cli).toMatch(/^aws [a-z0-9-]+ /);
    if (check.remediation.url) expect(check.remediation.url).toMatch(/^https:\/\//);
    expect(check.needs.length).toBeGreaterThan(0);
    for (const slice of check.needs) expect(isSliceId(slice), slice).toBe(true);
    // A check reads its own service's data at least (other services' too, when the duty spans them).
    expect(check.needs.some((s) => serviceOf(s).id === check.service)).toBe(true);
    expect(ownerOf(serviceById(check.service).model, check.layer), "the customer owns the layer for this service").toBe("customer");
    for (const framework of Object.keys(check.compliance)) expect(FRAMEWORK_IDS).toContain(framework);
    const references = Object.values(check.compliance).flat().length;
    if (references === 0) expect(check.noComplianceBecause, "no compliance reference, and no reason why").toMatch(/\w{10,}/);
  });
});

describe("compliance references are true", () => {
  it.each(CHECKS.map((c) => [c.id, c] as const))("%s cites only requirements its frameworks have", (_id, check) => {
    for (const framework of FRAMEWORK_IDS) {
      const known = new Set(FRAMEWORK_INFO[framework].requirements.map((r) => r.id));
      for (const id of check.compliance[framework] ?? []) expect(known, `${framework} ${id}`).toContain(id);
    }
  });

  it("FSBP and the other Security Hub controls do not overlap (a control cited as FSBP is in the FSBP standard)", () => {
    const fsbp = new Set(FRAMEWORK_INFO[FRAMEWORKS.fsbp].requirements.map((r) => r.id));
    expect(FRAMEWORK_INFO[FRAMEWORKS.securityHub].requirements.filter((r) => fsbp.has(r.id))).toEqual([]);
  });

  it("the CIS v6.0 list has its 63 recommendations, 35 of them Automated", () => {
    const cis = FRAMEWORK_INFO[FRAMEWORKS.cis].requirements;
    expect(cis).toHaveLength(63);
    expect(cis.filter((r) => r.automated)).toHaveLength(35);
    expect(new Set(cis.map((r) => r.id)).size).toBe(63);
  });

  it("every Automated CIS v6.0 recommendation is covered by at least one check of the catalogue", () => {
    const cited = new Set(CHECKS.flatMap((c) => c.compliance[FRAMEWORKS.cis] ?? []));
    const uncovered = FRAMEWORK_INFO[FRAMEWORKS.cis].requirements.filter((r) => r.automated && !cited.has(r.id)).map((r) => r.id);
    expect(uncovered).toEqual([]);
  });
});

describe.each(tables.map((t) => [t.check.id, t] as const))("%s", (_id, table) => {
  it("has at least one pass, one fail and one error case", () => {
    for (const kind of CASE_KINDS) expect(table[kind].length, `${kind} cases`).toBeGreaterThan(0);
  });
  for (const kind of CASE_KINDS) {
    for (const c of table[kind]) it(`${kind}: ${c.name}`, () => assertCase(table.check, kind, c));
  }
});

/**
 * The shortcuts that keep a large account's evaluation linear give the answers of the plain
 * algorithms they replaced: each is compared here with that algorithm, written out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Check } from "../../src/check.js";
import { buildMatrix, countResults, coverageState, resultState, type MatrixOptions } from "../../src/matrix.js";
import { findMute, type Mute } from "../../src/mutelist.js";
import { incompleteUnaccepted, type CellState, type MatrixCell, type ResponsibilityMatrix } from "../../src/report.js";
import { LAYERS, PROVIDER_LAYERS, ownerOf, type Layer, type ProviderLayer } from "../../src/responsibility.js";
import { compareText, firstK, STATUSES, worstFirst, zeroCounts, type Finding, type Status } from "../../src/results.js";
import { CHECKS as CATALOGUE, SERVICES } from "../../src/services/index.js";
import { wildcardMatch } from "../../src/wildcard.js";
import {
  ACCESS_DENIED,
  bucket,
  buildFixtureReport,
  CHECKS,
  fixtureFindings,
  makeFinding,
  POLICY_DENIED,
} from "../support/report-fixture.js";

/** Many findings of the fixture's checks, statuses and severities mixed, in a random order. */
const manyFindings = fc
  .array(
    fc.record({
      check: fc.constantFrom(...CHECKS.map((c) => c.id)),
      status: fc.constantFrom<Status>("PASS", "FAIL", "ERROR", "MUTED"),
      name: fc.constantFrom("a", "b", "B", "é", "a-1", "a_1", "a10", "a2", "z"),
      region: fc.constantFrom("us-east-1", "eu-west-1", "global"),
      severity: fc.constantFrom("critical", "high", "medium", "low", "informational" as const),
    }),
    { maxLength: 200 },
  )
  .map((rows) =>
    rows.map((r) =>
      makeFinding(r.check, {
        status: r.status,
        resource: bucket(r.name),
        region: r.region,
        severity: r.severity,
        message: "m",
        ...(r.status === "ERROR" || r.status === "MUTED" ? { error: r.status === "ERROR" ? ACCESS_DENIED : POLICY_DENIED } : {}),
      }),
    ),
  );

describe("sorting and picking the worst", () => {
  it("compareText orders as localeCompare does", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it("firstK gives the first k of a stable sort, ties in input order", () => {
    fc.assert(
      fc.property(manyFindings, fc.integer({ min: 0, max: 30 }), (findings, k) => {
        expect(firstK(findings, k, worstFirst)).toEqual([...findings].sort(worstFirst).slice(0, k));
      }),
    );
    const pairs = [3, 1, 2, 1, 3, 1].map((v, i) => ({ v, i }));
    expect(firstK(pairs, 4, (a, b) => a.v - b.v).map((p) => p.i)).toEqual([1, 3, 5, 2]);
  });
});

describe("the responsibility matrix in one pass", () => {
  /** The matrix as it was computed: passes over every finding (and every left-out one) per cell. */
  function plainMatrix(services: readonly string[], checks: readonly Check[], findings: readonly Finding[], options: MatrixOptions) {
    const layers = [...PROVIDER_LAYERS, ...LAYERS];
    const matrix: ResponsibilityMatrix = { layers, services: {} };
    const inCell = (service: string, layer: string) => (f: Finding) => f.service === service && f.responsibility.layer === layer;
    for (const { id: service, model } of SERVICES.filter((s) => services.includes(s.id))) {
      const cells = {} as Record<Layer | ProviderLayer, MatrixCell>;
      for (const layer of layers) {
        const owner = ownerOf(model, layer);
        if (owner !== "customer") {
          cells[layer] = { owner, state: owner, checks: [], notSelected: [], leftOut: 0, results: zeroCounts(STATUSES) };
          continue;
        }
        const ran = checks.filter((c) => c.service === service && c.layer === layer).map((c) => c.id);
        const covering = options.catalogue.filter((c) => c.service === service && c.layer === layer).map((c) => c.id);
        const results = countResults(findings.filter(inCell(service, layer)));
        const leftOut = options.leftOut.filter(inCell(service, layer)).length;
        const state: CellState = resultState(results) ?? coverageState(covering.length, ran.length, leftOut);
        cells[layer] = { owner, state, checks: ran, notSelected: covering.filter((id) => !ran.includes(id)), results, leftOut };
      }
      matrix.services[service] = { serviceModel: model, cells };
    }
    return matrix;
  }

  it("has the same cells, counts and states as passes per cell", () => {
    fc.assert(
      fc.property(manyFindings, fc.nat(), (findings, cut) => {
        const services = ["s3", "ec2", "iam"];
        const at = findings.length ? cut % findings.length : 0;
        const options = { catalogue: CATALOGUE, leftOut: findings.slice(at) };
        const kept = findings.slice(0, at);
        expect(JSON.stringify(buildMatrix(services, CHECKS, kept, options))).toBe(
          JSON.stringify(plainMatrix(services, CHECKS, kept, options)),
        );
      }),
    );
  });
});

describe("failed calls accepted by muted ERRORs", () => {
  const sameCall = (a: typeof ACCESS_DENIED, b: typeof ACCESS_DENIED) =>
    a.service === b.service && a.operation === b.operation && a.region === b.region && a.code === b.code && a.resource === b.resource;
  /** As it was: every failed call against every muted ERROR. */
  const plain = (report: { findings: Finding[]; scan: { errors: (typeof ACCESS_DENIED)[] } }) =>
    report.findings.some((f) => f.status === "ERROR") ||
    report.scan.errors.some(
      (e) => !report.findings.flatMap((f) => (f.muted?.of === "ERROR" && f.error ? [f.error] : [])).some((a) => sameCall(a, e)),
    );

  it("the scan is incomplete exactly when it was", () => {
    const calls = [ACCESS_DENIED, POLICY_DENIED, { ...POLICY_DENIED, resource: "other" }, { ...ACCESS_DENIED, region: "eu-west-1" }];
    fc.assert(
      fc.property(manyFindings, fc.subarray(calls), (findings, errors) => {
        const withoutErrors = findings.filter((f) => f.status !== "ERROR");
        for (const list of [findings, withoutErrors]) {
          const report = { ...buildFixtureReport({ findings: list }), scan: { ...buildFixtureReport().scan, errors } };
          expect(incompleteUnaccepted(report)).toBe(plain(report));
        }
      }),
    );
  });
});

describe("the mutelist, compiled and indexed by check id", () => {
  /** As it was: the first entry, in list order, whose every pattern matches. */
  const plainMute = (mutes: readonly Mute[], f: Finding) =>
    f.status !== "FAIL" && f.status !== "ERROR"
      ? undefined
      : mutes.find(
          (m) =>
            wildcardMatch(m.checkId, f.checkId) &&
            (wildcardMatch(m.resource, f.resource.arn) || wildcardMatch(m.resource, f.resource.id)) &&
            (m.region === undefined || wildcardMatch(m.region, f.region)) &&
            (m.accountId === undefined || wildcardMatch(m.accountId, f.accountId)),
        );
  const mute = fc.record(
    {
      checkId: fc.constantFrom("*", "s3-*", "s3-bucket-versioning", "s3-bucket-tls-only", "iam-role-trust-public", "?3-bucket-tls-only"),
      resource: fc.constantFrom("*", "a", "a*", "arn:aws:s3:::b", "*1", "?"),
      region: fc.constantFrom("us-east-1", "*-1", "global"),
      accountId: fc.constantFrom("123456789012", "*"),
      reason: fc.string({ minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ["checkId", "resource", "reason"] },
  );

  it("finds the same entry as trying every entry in order", () => {
    fc.assert(
      fc.property(manyFindings, fc.array(mute, { maxLength: 12 }), (findings, mutes) => {
        for (const f of findings) expect(findMute(mutes, f)).toBe(plainMute(mutes, f));
      }),
    );
    for (const f of fixtureFindings()) expect(findMute([], f)).toBeUndefined();
  });
});

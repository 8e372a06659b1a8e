import type { Log, ReportingDescriptor, Result, Run } from "sarif";
import { describe, expect, it } from "vitest";
import { CHECKS as CATALOGUE } from "../../../src/services/index.js";
import { defineCheck, type Check } from "../../../src/check.js";
import type { Finding } from "../../../src/results.js";
import type { Report } from "../../../src/report.js";
import {
  buildSarif,
  MAX_RESULTS_PER_RUN,
  pathSegment,
  renderSarif,
  renderSarifPieces,
  resourcePath,
  sarifRenderer,
  SECURITY_SEVERITY,
  type SarifOptions,
} from "../../../reports/sarif.js";
import { ACCOUNT, bucket, buildFixtureReport, check, CHECKS, fixtureFindings, makeFinding, SG_RULE } from "../../support/report-fixture.js";
import { githubProblems, validateSarifSchema } from "./sarif-rules.js";

const sarifOf = (options: SarifOptions = {}, report = buildFixtureReport()): Log => buildSarif(report, options);
const onlyRun = (log: Log): Run => {
  expect(log.runs).toHaveLength(1);
  return log.runs[0]!;
};
const rule = (run: Run, id: string): ReportingDescriptor => {
  const found = run.tool.driver.rules?.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const resultFor = (run: Run, f: Finding): Result | undefined =>
  run.results?.find((r) => r.partialFingerprints?.primaryLocationLineHash === `${f.id}:1`);
const findingsWith = (status: Finding["status"]) => fixtureFindings().filter((f) => f.status === status);

describe("SARIF: validity", () => {
  it("is valid against the SARIF 2.1.0 JSON schema, in every variant", () => {
    for (const options of [{}, { includeMuted: true }, { maxResults: 2, maxNotifications: 1 }] satisfies SarifOptions[]) {
      expect(validateSarifSchema(JSON.parse(renderSarif(buildFixtureReport(), options)))).toEqual([]);
    }
  });

  it("meets GitHub code scanning's requirements", () => {
    expect(githubProblems(sarifOf())).toEqual([]);
    expect(githubProblems(sarifOf({ includeMuted: true }))).toEqual([]);
  });

  it("the GitHub assertions catch what GitHub rejects", () => {
    const log = sarifOf();
    const run = onlyRun(log);
    const [first, second, third] = run.results!;
    first!.locations = [{ logicalLocations: [{ fullyQualifiedName: "arn:aws:s3:::x" }] }];
    second!.locations![0]!.physicalLocation!.artifactLocation!.uri = "arn:aws:s3:::public-reports";
    third!.partialFingerprints = {};
    rule(run, "s3-bucket-public-policy").properties!["security-severity"] = 9.5;
    const problems = githubProblems(log).join("\n");
    expect(problems).toMatch(/results\[0\].*no physicalLocation/);
    expect(problems).toMatch(/results\[1\].*has a scheme/);
    expect(problems).toMatch(/results\[2\].*primaryLocationLineHash/);
    expect(problems).toMatch(/s3-bucket-public-policy.*security-severity 9.5/);
  });

  it("makes a rule GitHub accepts for every check in the catalogue", () => {
    const findings = CATALOGUE.map((c, i) =>
      makeFinding(c, { status: "FAIL", resource: bucket(`resource-${i}`), message: `${c.title}: failing` }),
    );
    const report = buildFixtureReport({
      checks: CATALOGUE,
      findings,
      scan: { complete: true, errors: [], services: ["s3", "iam", "ec2", "config"] },
    });
    const log = buildSarif(report);
    expect(onlyRun(log).tool.driver.rules).toHaveLength(CATALOGUE.length);
    expect(onlyRun(log).results).toHaveLength(CATALOGUE.length);
    expect(githubProblems(log)).toEqual([]);
    expect(validateSarifSchema(log)).toEqual([]);
  });

  it("renders stable JSON: the same report gives the same bytes", () => {
    expect(renderSarif(buildFixtureReport())).toBe(renderSarif(buildFixtureReport()));
  });
});

describe("SARIF: written in pieces", () => {
  const oneString = (report: Report, options: SarifOptions = {}): string => `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;

  it("the pieces joined are the SARIF text made as one string, and valid, in every variant", () => {
    for (const options of [{}, { includeMuted: true }, { maxResults: 2, maxNotifications: 1 }] satisfies SarifOptions[]) {
      const report = buildFixtureReport();
      const joined = [...renderSarifPieces(report, options)].join("");
      expect(joined).toBe(oneString(report, options));
      expect(validateSarifSchema(JSON.parse(joined))).toEqual([]);
    }
    expect([...sarifRenderer.render(buildFixtureReport())].join("")).toBe(oneString(buildFixtureReport()));
  });

  it("a large run is written a result member at a time, never as one string", () => {
    const findings = Array.from({ length: 3000 }, (_, i) =>
      makeFinding("s3-bucket-public-policy", { status: "FAIL", resource: bucket(`bucket-${i}`), message: `Bucket bucket-${i} is public.` }),
    );
    const report = buildFixtureReport({ findings });
    const pieces = [...renderSarifPieces(report)];
    const joined = pieces.join("");
    expect(joined).toBe(oneString(report));
    expect(onlyRun(JSON.parse(joined) as Log).results).toHaveLength(3000);
    expect(pieces.length).toBeGreaterThan(3000 * 8);
    // The largest piece does not grow with the findings (it is the rules, one per check).
    const largest = (r: Report) => [...renderSarifPieces(r)].reduce((n, p) => Math.max(n, p.length), 0);
    expect(largest(report)).toBe(largest(buildFixtureReport({ findings: findings.slice(0, 30) })));
  });
});

describe("SARIF: run and tool", () => {
  it("has one run named after the account, with the tool's name and version", () => {
    const log = sarifOf();
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = onlyRun(log);
    expect(run.automationDetails?.id).toBe(`yourside/${ACCOUNT}/`);
    expect(run.tool.driver.name).toBe("yourside");
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.properties?.scanId).toBe("2025-06-01T10:00:00Z-a1b2c3");
  });

  it("uses the informationUri it is given", () => {
    expect(onlyRun(sarifOf({ informationUri: "https://example.com/yourside" })).tool.driver.informationUri).toBe(
      "https://example.com/yourside",
    );
  });

  it("names every account in automationDetails when the report covers several", () => {
    const report = buildFixtureReport({ scan: { accounts: [ACCOUNT, "210987654321"] } });
    expect(onlyRun(sarifOf({}, report)).automationDetails?.id).toBe(`yourside/${ACCOUNT}+210987654321/`);
  });
});

describe("SARIF: rules", () => {
  it("has one rule per check that ran, in catalogue order", () => {
    const run = onlyRun(sarifOf());
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
  });

  it("describes the check: title, rationale, help with remediation, CLI, URL, compliance and layer", () => {
    const r = rule(onlyRun(sarifOf()), "s3-bucket-public-policy");
    const c = check("s3-bucket-public-policy");
    expect(r.name).toBe("S3BucketPublicPolicy");
    expect(r.shortDescription?.text).toBe(`${c.title}.`);
    expect(r.fullDescription?.text).toBe(c.rationale);
    expect(r.helpUri).toBe(c.remediation.url);
    for (const help of [r.help!.text, r.help!.markdown!]) {
      expect(help).toContain(c.rationale);
      expect(help).toContain(c.remediation.text);
      expect(help).toContain(c.remediation.cli);
      expect(help).toContain(c.remediation.url);
      for (const [framework, ids] of Object.entries(c.compliance)) {
        expect(help).toContain(framework);
        for (const id of ids ?? []) expect(help).toContain(id);
      }
      expect(help).toContain("data");
      expect(help).toContain("Customer data");
    }
    expect(r.help!.markdown).toContain("```sh\naws s3api put-public-access-block");
    expect(r.defaultConfiguration?.level).toBe("error");
  });

  it("scores security-severity per severity, as strings GitHub maps to the same label", () => {
    // No check of the catalogue is informational by default: a variant of one stands in.
    const info: Check = defineCheck({ ...check("s3-bucket-versioning"), id: "s3-informational", severity: "informational" });
    const run = onlyRun(sarifOf({}, buildFixtureReport({ checks: [...CHECKS, info] })));
    const score = (id: string): unknown => rule(run, id).properties?.["security-severity"];
    expect(score("iam-role-trust-public")).toBe("9.5"); // critical: > 9.0
    expect(score("ec2-security-group-admin-ports-open")).toBe("8.0"); // high: 7.0-8.9
    expect(score("s3-bucket-default-encryption")).toBe("5.5"); // medium: 4.0-6.9
    expect(score("s3-bucket-access-logging")).toBe("2.0"); // low: 0.1-3.9
    // Informational: no score. GitHub ignores "0.0" and any positive score would say "Low";
    // without one GitHub shows the level, "note".
    expect(rule(run, "s3-informational").properties).not.toHaveProperty("security-severity");
    expect(rule(run, "s3-informational").defaultConfiguration?.level).toBe("note");
    expect(SECURITY_SEVERITY.informational).toBeUndefined();
  });

  it("tags rules with security, the service, the layer and framework refs, at most 10", () => {
    const run = onlyRun(sarifOf());
    expect(rule(run, "s3-account-block-public-access").properties?.tags).toEqual([
      "security",
      "aws",
      "aws/s3",
      "layer/data",
      "cis-aws-foundations-6.0/3.1.4",
      "aws-fsbp/S3.1",
    ]);
    const many: Check = defineCheck({
      ...check("s3-bucket-public-policy"),
      id: "s3-many-refs",
      compliance: { "aws-fsbp": Array.from({ length: 20 }, (_, i) => `S3.${i}`) },
    });
    const report = buildFixtureReport({ checks: [...CHECKS, many] });
    const tags = rule(onlyRun(buildSarif(report)), "s3-many-refs").properties?.tags as string[];
    expect(tags).toHaveLength(10);
    expect(tags.slice(0, 4)).toEqual(["security", "aws", "aws/s3", "layer/data"]);
  });

  it("keeps descriptions within GitHub's 1024 characters", () => {
    const long: Check = defineCheck({
      ...check("s3-bucket-tls-only"),
      id: "s3-long",
      title: "T".repeat(2000),
      rationale: "R".repeat(5000),
    });
    const report = buildFixtureReport({ checks: [...CHECKS, long] });
    const r = rule(onlyRun(buildSarif(report)), "s3-long");
    expect(r.shortDescription?.text.length).toBe(1024);
    expect(r.fullDescription?.text.length).toBe(1024);
    expect(r.fullDescription?.text.endsWith("…")).toBe(true);
  });

  it("still has a rule for a finding whose check the report does not list", () => {
    const report = buildFixtureReport({ checks: CHECKS.filter((c) => c.id !== "iam-role-trust-public") });
    const run = onlyRun(buildSarif(report));
    const r = rule(run, "iam-role-trust-public");
    expect(r.shortDescription?.text).toMatch(/No role can be assumed by anyone/);
    expect(githubProblems({ version: "2.1.0", runs: [run] })).toEqual([]);
  });
});

describe("SARIF: results", () => {
  it("has one result per FAIL finding and none for PASS, ERROR or MUTED", () => {
    const run = onlyRun(sarifOf());
    expect(run.results).toHaveLength(findingsWith("FAIL").length);
    for (const f of findingsWith("FAIL")) expect(resultFor(run, f), f.checkId).toBeDefined();
    for (const f of [...findingsWith("PASS"), ...findingsWith("ERROR"), ...findingsWith("MUTED")]) {
      expect(resultFor(run, f), `${f.status} ${f.checkId}`).toBeUndefined();
    }
  });

  it("orders results worst first", () => {
    const levels = onlyRun(sarifOf()).results!.map((r) => r.properties?.severity as string);
    expect(levels).toEqual(["critical", "critical", "high", "high", "medium", "low", "informational"]);
  });

  it("gives each result a relative pseudo-path, line 1, the ARN as logical location and the id as fingerprint", () => {
    const run = onlyRun(sarifOf());
    const f = findingsWith("FAIL").find((x) => x.resource === SG_RULE)!;
    const r = resultFor(run, f)!;
    expect(r.ruleId).toBe("ec2-security-group-admin-ports-open");
    expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(r.level).toBe("error");
    expect(r.message.text).toBe("Ingress rule allows tcp/22 (SSH) from 0.0.0.0/0.");
    const loc = r.locations![0]!;
    expect(loc.physicalLocation?.artifactLocation?.uri).toBe(`aws/${ACCOUNT}/us-east-1/ec2/sg-0123456789abcdef0_ingress_tcp_22_0.0.0.0_0`);
    expect(loc.physicalLocation?.region?.startLine).toBe(1);
    expect(loc.logicalLocations?.[0]?.fullyQualifiedName).toBe(SG_RULE.arn);
    expect(r.partialFingerprints?.primaryLocationLineHash).toBe(`${f.id}:1`);
    expect(r.properties).toMatchObject({
      layer: "network",
      awsModel: "Operating system, network & firewall configuration",
      severity: "high",
      evidence: { protocol: "tcp", fromPort: 22, cidr: "0.0.0.0/0" },
    });
  });

  it("uses the finding's own severity for level when it overrides the check's", () => {
    const run = onlyRun(sarifOf());
    const critical = findingsWith("FAIL").find((f) => f.resource.id === "public-website" && f.checkId === "s3-bucket-public-policy")!;
    expect(resultFor(run, critical)?.properties?.severity).toBe("critical");
    expect(resultFor(run, critical)?.level).toBe("error");
    expect(
      resultFor(
        run,
        findingsWith("FAIL").find((f) => f.checkId === "s3-bucket-access-logging")!,
      )?.level,
    ).toBe("note");
    expect(
      resultFor(
        run,
        findingsWith("FAIL").find((f) => f.checkId === "s3-bucket-default-encryption")!,
      )?.level,
    ).toBe("warning");
  });

  it("keeps fingerprints and paths stable across runs, whatever the message says", () => {
    const first = onlyRun(sarifOf());
    const reworded = fixtureFindings().map((f) => ({ ...f, message: `${f.message} (reworded)`, evidence: { changed: true } }));
    const second = onlyRun(sarifOf({}, buildFixtureReport({ findings: reworded, scan: { id: "another-scan" } })));
    const keys = (run: Run) =>
      run.results!.map((r) => [r.partialFingerprints?.primaryLocationLineHash, r.locations?.[0]?.physicalLocation?.artifactLocation?.uri]);
    expect(keys(second)).toEqual(keys(first));
  });

  it("emits MUTED findings with an external suppression only when asked", () => {
    const muted = findingsWith("MUTED")[0]!;
    const run = onlyRun(sarifOf({ includeMuted: true }));
    expect(run.results).toHaveLength(findingsWith("FAIL").length + 1);
    expect(resultFor(run, muted)?.suppressions).toEqual([
      { kind: "external", status: "accepted", justification: "Legacy uploader cannot use TLS; replacement tracked in SEC-142" },
    ]);
    expect(run.results!.filter((r) => r.suppressions)).toHaveLength(1);
    expect(onlyRun(sarifOf()).properties).toMatchObject({ mutedFindings: 1, mutedIncluded: false });
  });
});

describe("SARIF: incomplete scans and limits", () => {
  it("reports failed calls and ERROR results as tool execution notifications", () => {
    const invocation = onlyRun(sarifOf()).invocations![0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.startTimeUtc).toBe("2025-06-01T10:00:00.000Z");
    const notes = invocation.toolExecutionNotifications!;
    const texts = notes.map((n) => n.message.text);
    expect(texts).toContain(
      "s3control:GetPublicAccessBlock failed in us-east-1 with AccessDenied: User: arn:aws:sts::123456789012:assumed-role/auditor/session is not authorized to perform: s3:GetAccountPublicAccessBlock.",
    );
    expect(texts).toContain("s3:GetBucketPolicy failed in eu-west-1 with AccessDenied for locked-bucket: Access Denied.");
    const notEvaluated = notes.filter((n) => n.associatedRule);
    expect(notEvaluated.map((n) => n.associatedRule?.id).sort()).toEqual(["s3-account-block-public-access", "s3-bucket-public-policy"]);
    for (const n of notEvaluated) {
      expect(n.level).toBe("error");
      expect(onlyRun(sarifOf()).tool.driver.rules![n.associatedRule!.index!]!.id).toBe(n.associatedRule!.id);
      expect(n.properties?.error).toMatchObject({ code: "AccessDenied" });
    }
    expect(notes).toHaveLength(4);
  });

  it("says the execution succeeded when the scan was complete", () => {
    const findings = fixtureFindings().filter((f) => f.status !== "ERROR");
    const run = onlyRun(sarifOf({}, buildFixtureReport({ findings, scan: { complete: true, errors: [] } })));
    expect(run.invocations![0]!.executionSuccessful).toBe(true);
    expect(run.invocations![0]!.toolExecutionNotifications).toEqual([]);
  });

  it("keeps the most severe results within the limit and says so", () => {
    expect(MAX_RESULTS_PER_RUN).toBe(25_000);
    const run = onlyRun(sarifOf({ maxResults: 3 }));
    expect(run.results!.map((r) => r.properties?.severity)).toEqual(["critical", "critical", "high"]);
    const note = run.invocations![0]!.toolExecutionNotifications!.find((n) => n.descriptor?.id === "YS0003");
    expect(note?.level).toBe("warning");
    expect(note?.message.text).toMatch(/Only the 3 most severe of 7 failing findings/);
    expect(run.properties?.resultsOmitted).toBe(4);
  });

  it("applies the 25,000-result limit by default", () => {
    const many = Array.from({ length: MAX_RESULTS_PER_RUN + 5 }, (_, i) =>
      makeFinding("s3-bucket-access-logging", { status: "FAIL", resource: bucket(`bucket-${i}`), message: "Server access logging is off" }),
    );
    many.push(makeFinding("iam-role-trust-public", { status: "FAIL", resource: bucket("worst"), message: "Trust to anyone" }));
    const run = onlyRun(sarifOf({}, buildFixtureReport({ findings: many, scan: { complete: true, errors: [] } })));
    expect(run.results).toHaveLength(MAX_RESULTS_PER_RUN);
    expect(run.results![0]!.properties?.severity).toBe("critical");
    expect(run.invocations![0]!.toolExecutionNotifications!.map((n) => n.descriptor?.id)).toEqual(["YS0003"]);
  });

  it("caps notifications and counts the rest", () => {
    const notes = onlyRun(sarifOf({ maxNotifications: 1 })).invocations![0]!.toolExecutionNotifications!;
    expect(notes).toHaveLength(2);
    expect(notes[1]!.descriptor?.id).toBe("YS0004");
    expect(notes[1]!.message.text).toMatch(/^3 more of 4 scan problems/);
  });
});

describe("SARIF: pseudo-paths", () => {
  it("keeps only safe characters, so no segment has ':' and none is '.' or '..'", () => {
    expect(pathSegment("arn:aws:iam::123456789012:role/a b%c")).toBe("arn_aws_iam__123456789012_role_a_b_c");
    expect(pathSegment("..")).toBe("__");
    expect(pathSegment(".")).toBe("_");
    expect(pathSegment("")).toBe("_");
    expect(pathSegment("my.bucket-name_1")).toBe("my.bucket-name_1");
    expect(pathSegment("ünïcode")).toBe("_n_code");
  });

  it("shortens over-long ids with a hash so they stay distinct", () => {
    const a = pathSegment(`${"x".repeat(300)}a`);
    const b = pathSegment(`${"x".repeat(300)}b`);
    expect(a.length).toBe(128);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^x+~[0-9a-f]{8}$/);
  });

  it("builds aws/<account>/<region>/<service>/<resource>", () => {
    const f = makeFinding("iam-role-trust-public", {
      status: "FAIL",
      resource: { arn: "arn:aws:iam::123456789012:role/x", id: "arn:aws:iam::123456789012:role/x", type: "AWS::IAM::Role" },
      region: "global",
      message: "m",
    });
    expect(resourcePath(f)).toBe("aws/123456789012/global/iam/arn_aws_iam__123456789012_role_x");
  });
});

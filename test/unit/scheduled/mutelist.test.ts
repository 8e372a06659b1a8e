import { describe, expect, it } from "vitest";
import securityGroupAdminPorts from "../../../checks/ec2/security-group-admin-ports-open.js";
import { parseConfig } from "../../../src/config-file.js";
import { exitCodeFor } from "../../../src/cli/run-scan.js";
import { evaluate } from "../../../src/engine.js";
import { EXIT } from "../../../src/errors.js";
import { mutesInForce, type Mute } from "../../../src/mutelist.js";
import { incompleteUnaccepted } from "../../../src/report.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { perm, regional, sg } from "../../support/fixtures/ec2.js";
import { ACCESS_DENIED, bucket, buildFixtureReport, makeFinding, POLICY_DENIED } from "../../support/report-fixture.js";

const open22 = (id: string, tags?: Record<string, string>) => sg(id, [perm("tcp", 22, 22, ["0.0.0.0/0"])], tags ? { tags } : {});
const inv = regional({
  ec2: { "us-east-1": { securityGroups: ok([open22("sg-sandbox", { env: "sandbox", team: "web" }), open22("sg-prod", { env: "prod" })]) } },
});
const statuses = (mutes: Mute[]) => evaluate(inv, [securityGroupAdminPorts], { mutes }).map((f) => `${f.resource.id} ${f.status}`);

describe("the mutelist", () => {
  it("matches by tag where the resource has tags (values are patterns; every tag given must match)", () => {
    expect(statuses([{ checkId: "*", resource: "*", tags: { env: "sandbox" }, reason: "sandboxes are disposable" }])).toEqual([
      "sg-sandbox MUTED",
      "sg-prod FAIL",
    ]);
    expect(statuses([{ checkId: "*", resource: "*", tags: { env: "s*" }, reason: "r" }])).toEqual(["sg-sandbox MUTED", "sg-prod FAIL"]);
    expect(statuses([{ checkId: "*", resource: "*", tags: { env: "sandbox", team: "db" }, reason: "r" }])).toEqual([
      "sg-sandbox FAIL",
      "sg-prod FAIL",
    ]);
    expect(statuses([{ checkId: "*", resource: "*", tags: { owner: "*" }, reason: "r" }])).toEqual(["sg-sandbox FAIL", "sg-prod FAIL"]);
  });

  it("findings carry their resource's tags, with or without a mutelist (a report shows whose resource it is)", () => {
    const [sandbox, prod] = evaluate(inv, [securityGroupAdminPorts]);
    expect(sandbox?.resource).toMatchObject({ id: "sg-sandbox", tags: { env: "sandbox", team: "web" } });
    expect(prod?.resource.tags).toEqual({ env: "prod" });
    const untagged = regional({ ec2: { "us-east-1": { securityGroups: ok([open22("sg-bare")]) } } });
    expect(evaluate(untagged, [securityGroupAdminPorts])[0]?.resource).not.toHaveProperty("tags");
  });

  it("mutes an ERROR too: MUTED, with the failed call kept and what it would have been", () => {
    const unreadable = regional({ ec2: { "eu-west-1": { securityGroups: denied("ec2.securityGroups", { region: "eu-west-1" }) } } });
    const [f] = evaluate(unreadable, [securityGroupAdminPorts], {
      mutes: [{ checkId: "ec2-*", resource: "*", region: "eu-west-1", reason: "the scanner may not read eu-west-1" }],
    });
    expect(f).toMatchObject({
      status: "MUTED",
      muted: { reason: "the scanner may not read eu-west-1", of: "ERROR" },
      error: { operation: "DescribeSecurityGroups", code: "UnauthorizedOperation" },
    });
  });

  it("an entry past its expiry day no longer mutes, and is listed; through the expiry day it still mutes", () => {
    const mutes: Mute[] = [
      { checkId: "a", resource: "*", reason: "old", expires: "2026-11-30" },
      { checkId: "b", resource: "*", reason: "today", expires: "2026-12-01" },
      { checkId: "c", resource: "*", reason: "forever" },
    ];
    const { active, expired } = mutesInForce(mutes, new Date("2026-12-01T23:00:00.000Z"));
    expect(active.map((m) => m.checkId)).toEqual(["b", "c"]);
    expect(expired).toEqual([{ checkId: "a", resource: "*", reason: "old", expires: "2026-11-30" }]);
  });

  it.each([
    ["a reason is required", "mutelist:\n  - checkId: a\n    resource: b\n", /\/mutelist\/0 must have required property 'reason'/],
    [
      "expires is a day",
      "mutelist:\n  - { checkId: a, resource: b, reason: r, expires: tomorrow }\n",
      /\/mutelist\/0\/expires must match pattern/,
    ],
    [
      "expires is a real day",
      "mutelist:\n  - { checkId: a, resource: b, reason: r, expires: 2026-02-30 }\n",
      /\/mutelist\/0\/expires "2026-02-30" is not a calendar day/,
    ],
    [
      "tags map names to strings",
      "mutelist:\n  - { checkId: a, resource: b, reason: r, tags: { env: [1] } }\n",
      /\/mutelist\/0\/tags\/env must be string/,
    ],
  ])("config: %s", (_name, text, message) => {
    expect(() => parseConfig(text, "c.yaml")).toThrow(message);
  });

  it("config: expires and tags are read", () => {
    expect(
      parseConfig("mutelist:\n  - { checkId: a, resource: b, reason: r, expires: 2027-01-31, tags: { env: dev } }\n", "c.yaml").mutelist,
    ).toEqual([{ checkId: "a", resource: "b", reason: "r", expires: "2027-01-31", tags: { env: "dev" } }]);
  });
});

describe("exit codes", () => {
  const failing = makeFinding("s3-bucket-public-policy", { status: "FAIL", resource: bucket("p"), message: "public", severity: "high" });
  const mutedError = (error: typeof ACCESS_DENIED) =>
    makeFinding("s3-account-block-public-access", {
      status: "MUTED",
      resource: bucket("x"),
      message: "Could not evaluate",
      error,
      mutedReason: "accepted gap",
    });

  it("a muted ERROR no longer forces exit 3 when it accounts for every failed call", () => {
    const error = { ...mutedError(ACCESS_DENIED), muted: { reason: "accepted gap", of: "ERROR" as const } };
    const report = buildFixtureReport({ findings: [failing, error], scan: { errors: [ACCESS_DENIED] } });
    expect(incompleteUnaccepted(report)).toBe(false);
    expect(exitCodeFor(report, "high")).toBe(EXIT.failing);
    expect(exitCodeFor(report, "critical")).toBe(EXIT.ok);
  });

  it("a failed call no muted ERROR accounts for still means exit 3", () => {
    const error = { ...mutedError(ACCESS_DENIED), muted: { reason: "accepted gap", of: "ERROR" as const } };
    const report = buildFixtureReport({ findings: [failing, error], scan: { errors: [ACCESS_DENIED, POLICY_DENIED] } });
    expect(exitCodeFor(report, "high")).toBe(EXIT.incomplete);
  });

  it("--fail-on-new counts only FAIL findings the baseline did not have", () => {
    const report = buildFixtureReport({ findings: [{ ...failing, change: "unchanged" }], scan: { errors: [], complete: true } });
    expect(exitCodeFor(report, "low")).toBe(EXIT.failing);
    expect(exitCodeFor(report, "low", "low")).toBe(EXIT.ok);
    const fresh = buildFixtureReport({ findings: [{ ...failing, change: "new" }], scan: { errors: [], complete: true } });
    expect(exitCodeFor(fresh, "none", "high")).toBe(EXIT.failing);
    expect(exitCodeFor(fresh, "low", "critical")).toBe(EXIT.ok);
  });
});

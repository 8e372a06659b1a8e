/** The CIS 5.x items' sample records against CIS's own patterns and against catch-alls. */
import { describe, expect, it } from "vitest";
import { ITEMS, type CisMonitoringId } from "../../../checks/cloudwatch/lib/items.js";
import { judgeFilter, parseLogGroupArn } from "../../../checks/cloudwatch/lib/monitoring.js";
import { parseFilterPattern } from "../../../src/logs/filter-pattern.js";
import { FRAMEWORK_INFO, FRAMEWORKS } from "../../../src/frameworks/index.js";

const IDS = Object.keys(ITEMS) as CisMonitoringId[];
const judge = (id: CisMonitoringId, filterPattern: string) =>
  judgeFilter({ filterName: "f", logGroupName: "g", filterPattern, metricTransformations: [] }, ITEMS[id]);

describe("the fifteen CIS v6.0 monitoring items", () => {
  it("are 5.1 to 5.15, each a CIS v6.0 recommendation, each but 5.15 with its Security Hub control", () => {
    expect(IDS).toEqual(Array.from({ length: 15 }, (_, i) => `5.${i + 1}`));
    const cis = new Map(FRAMEWORK_INFO[FRAMEWORKS.cis].requirements.map((r) => [r.id, r.title]));
    const hub = new Set(FRAMEWORK_INFO[FRAMEWORKS.securityHub].requirements.map((r) => r.id));
    for (const id of IDS) {
      expect(cis.get(id), id).toMatch(/monitored$/);
      const control: string | undefined = (ITEMS[id] as { securityHub?: string }).securityHub;
      if (id === "5.15") expect(control).toBeUndefined();
      else expect(hub.has(control ?? ""), `${id} ${control}`).toBe(true);
    }
    const controls = IDS.flatMap((id) => (ITEMS[id] as { securityHub?: string }).securityHub ?? []);
    expect(new Set(controls).size).toBe(14);
  });

  it.each(IDS)("%s: CIS's own pattern (the remediation's) parses and passes its own records", (id) => {
    expect(parseFilterPattern(ITEMS[id].pattern).ok).toBe(true);
    expect(judge(id, ITEMS[id].pattern)).toBeNull();
  });

  it.each(IDS)("%s: catch-alls do not count (every event, every write, every management event)", (id) => {
    for (const pattern of [
      "{ $.eventName = * }",
      "{ $.readOnly IS FALSE || $.eventType = AwsConsoleSignIn }",
      "{ $.eventCategory = Management }",
      "",
    ])
      expect(judge(id, pattern), pattern).not.toBeNull();
  });

  it.each(IDS)("%s: no other item's CIS pattern counts for it (the items are told apart)", (id) => {
    for (const other of IDS.filter((o) => o !== id)) {
      // 5.2 and 5.6 are both about ConsoleLogin; neither pattern matches the other's records.
      expect(judge(id, ITEMS[other].pattern), `${other}'s pattern for ${id}`).not.toBeNull();
    }
  });

  it.each(IDS)("%s: its records are CloudTrail management records with an event source; none is both a positive and a negative", (id) => {
    const { positives, negatives } = ITEMS[id];
    for (const { record } of [...positives, ...negatives]) {
      expect(record.eventSource).toMatch(/\.amazonaws\.com$/);
      expect(record.managementEvent).toBe(true);
    }
    const key = (r: object) => JSON.stringify(r);
    const pos = new Set(positives.map((p) => key(p.record)));
    for (const n of negatives) expect(pos.has(key(n.record)), n.label).toBe(false);
  });
});

describe("log group ARNs", () => {
  it("as CloudTrail records them, with or without the trailing :*", () => {
    expect(parseLogGroupArn("arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/DefaultLogGroup:*")).toEqual({
      region: "us-east-1",
      account: "123456789012",
      name: "CloudTrail/DefaultLogGroup",
    });
    expect(parseLogGroupArn("arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:aws-cloudtrail-logs-1a2b")?.name).toBe(
      "aws-cloudtrail-logs-1a2b",
    );
    for (const bad of [
      "CloudTrail/main",
      "arn:aws:logs:us-east-1:123456789012:destination:x",
      "arn:aws:sns:us-east-1:123456789012:t",
      "arn:aws:logs:::log-group:x",
    ])
      expect(parseLogGroupArn(bad), bad).toBeUndefined();
  });
});

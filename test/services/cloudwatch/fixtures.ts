/** CloudWatch builders for hand-made inventories: a trail delivering to a log group, filters, alarms, topics. */
import { expect } from "vitest";
import { ITEMS, type CisMonitoringId } from "../../../checks/cloudwatch/lib/items.js";
import type { Check } from "../../../src/check.js";
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { Trail } from "../../../src/services/cloudtrail/inventory.js";
import type {
  AlarmTopic,
  CloudWatchRegionInventory,
  MetricAlarm,
  MetricFilter,
  TopicSubscription,
} from "../../../src/services/cloudwatch/inventory.js";
import type { CheckCase, CheckCases } from "../../support/check-tester.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, inventory, ok } from "../../support/fixtures/index.js";
import { trail, US, EU } from "../cloudtrail/fixtures.js";

export { US, EU };

export const LOG_GROUP = "CloudTrail/main";
export const logGroupArn = (name = LOG_GROUP, region = US, account = ACCOUNT): string =>
  `arn:aws:logs:${region}:${account}:log-group:${name}:*`;
export const TOPIC = `arn:aws:sns:${US}:${ACCOUNT}:security-alarms`;
export const NAMESPACE = "CISBenchmark";

/** The multi-region, logging trail `main` (us-east-1), delivering to LOG_GROUP. */
export const deliveringTrail = (overrides: Partial<Trail> = {}): Trail =>
  trail("main", { cloudWatchLogsLogGroupArn: logGroupArn(), ...overrides });

export interface FilterOptions {
  pattern?: string;
  name?: string;
  logGroupName?: string;
  metric?: string;
  namespace?: string;
}

/** A metric filter for a CIS item, with CIS's pattern unless another is given. */
export function filterFor(id: CisMonitoringId, options: FilterOptions = {}): MetricFilter {
  const item = ITEMS[id];
  return {
    filterName: options.name ?? item.metric,
    logGroupName: options.logGroupName ?? LOG_GROUP,
    filterPattern: options.pattern ?? item.pattern,
    metricTransformations: [
      { metricName: options.metric ?? item.metric, metricNamespace: options.namespace ?? NAMESPACE, metricValue: "1" },
    ],
  };
}

/** An alarm on a CIS item's metric that notifies TOPIC. */
export function alarmFor(id: CisMonitoringId, overrides: Partial<MetricAlarm> = {}, region = US): MetricAlarm {
  const name = ITEMS[id].metric.replace(/_metric$/, "_alarm");
  return {
    alarmName: name,
    alarmArn: `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${name}`,
    actionsEnabled: true,
    alarmActions: [TOPIC],
    metrics: [{ namespace: NAMESPACE, metricName: ITEMS[id].metric }],
    stateValue: "OK",
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    threshold: 1,
    ...overrides,
  };
}

export const subscription = (n = 1): TopicSubscription => ({
  subscriptionArn: `${TOPIC}:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5${n}`,
  protocol: "email",
});
export const PENDING: TopicSubscription = { subscriptionArn: "PendingConfirmation", protocol: "email" };

export const topic = (subscriptions: Fetched<TopicSubscription[] | null> = ok([subscription()]), topicArn = TOPIC): AlarmTopic => ({
  topicArn,
  subscriptions,
});

/** A region where the given items are fully monitored: CIS's filter, an alarm, TOPIC with a confirmed subscription. */
export function monitoredRegion(ids: readonly CisMonitoringId[]): CloudWatchRegionInventory {
  return {
    metricFilters: ok(ids.map((id) => filterFor(id))),
    alarms: ok({ metricAlarms: ids.map((id) => alarmFor(id)), topics: [topic()] }),
  };
}

export const EMPTY_REGION: CloudWatchRegionInventory = { metricFilters: ok([]), alarms: ok({ metricAlarms: [], topics: [] }) };

/** Scanned regions us-east-1 and eu-west-1: the trails of each, and CloudWatch data of each (empty unless given). */
export function account(
  parts: {
    trails?: Trail[] | Fetched<Trail[]>;
    euTrails?: Trail[] | Fetched<Trail[]>;
    us?: CloudWatchRegionInventory;
    eu?: CloudWatchRegionInventory;
  } = {},
): Inventory {
  const listed = (t: Trail[] | Fetched<Trail[]>) => (Array.isArray(t) ? ok(t) : t);
  return inventory({
    regions: [US, EU],
    cloudtrail: {
      regions: { [US]: { trails: listed(parts.trails ?? [deliveringTrail()]) }, [EU]: { trails: listed(parts.euTrails ?? []) } },
    },
    cloudwatch: { regions: { [US]: parts.us ?? EMPTY_REGION, [EU]: parts.eu ?? EMPTY_REGION } },
  });
}

/** A region monitoring one item with this filter pattern (an alarm and a subscribed topic on its metric). */
export const withPattern = (id: CisMonitoringId, pattern: string): CloudWatchRegionInventory => ({
  ...monitoredRegion([id]),
  metricFilters: ok([filterFor(id, { pattern })]),
});

export interface PatternCase {
  name: string;
  pattern: string;
  /** For a failing pattern: what the message must say about it. */
  says?: string;
}

/**
 * The cases every CIS 5.x check shares (one chain, one verdict) plus its own filter patterns:
 * `passing` ones (variants of CIS's) and `failing` ones (near misses and catch-alls).
 */
export function monitoringCases(
  check: Check,
  id: CisMonitoringId,
  patterns: { passing: PatternCase[]; failing: PatternCase[] },
  extra: Partial<Omit<CheckCases, "check">> = {},
): CheckCases {
  const item = ITEMS[id];
  const onePass: CheckCase = {
    name: "CIS's own pattern on the trail's log group, an alarm on its metric, a topic with a confirmed subscription",
    inventory: account({ us: monitoredRegion([id]) }),
    findings: [
      { status: "PASS", region: "global", resource: { type: "AWS::::Account" }, evidence: { metricFilter: item.metric, topic: TOPIC } },
    ],
    assert: ([f]) => {
      expect(f!.message).toContain(`CIS ${item.cis}: ${item.subject} are monitored`);
      expect(f!.message).toContain(`log group ${LOG_GROUP} (${US})`);
    },
  };
  return checkCases(check, {
    pass: [
      onePass,
      ...patterns.passing.map((p) => ({ name: `pattern accepted: ${p.name}`, inventory: account({ us: withPattern(id, p.pattern) }) })),
      ...(extra.pass ?? []),
    ],
    fail: [
      {
        name: "the trail's log group has no metric filter at all",
        inventory: account(),
        assert: ([f]: { message: string }[]) => expect(f!.message).toContain(`no metric filter on log group ${LOG_GROUP}`),
      },
      ...patterns.failing.map((p) => ({
        name: `pattern refused: ${p.name}`,
        inventory: account({ us: withPattern(id, p.pattern) }),
        assert: ([f]: { message: string }[]) => {
          expect(f!.message).toContain(`nothing alarms on ${item.subject}`);
          if (p.says) expect(f!.message).toContain(p.says);
        },
      })),
      ...(extra.fail ?? []),
    ],
    error: [
      {
        name: "the alarms of the log group's region could not be read",
        inventory: account({ us: { metricFilters: ok([filterFor(id)]), alarms: denied("cloudwatch.alarms", { region: US }) } }),
        findings: [{ status: "ERROR", error: { operation: "DescribeAlarms", region: US } }],
      },
      ...(extra.error ?? []),
    ],
  });
}

export { anyOf, eventNames } from "./patterns.js";

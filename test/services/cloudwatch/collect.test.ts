import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import type { SliceId } from "../../../src/inventory/index.js";
import service from "../../../src/services/cloudwatch/index.js";
import type { CloudWatchInventory } from "../../../src/services/cloudwatch/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";

const US = "us-east-1";
const EU = "eu-west-1";
const ACCOUNT = "123456789012";
const topicArn = (name: string, region = US, account = ACCOUNT) => `arn:aws:sns:${region}:${account}:${name}`;

let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(regions: string[], wanted: SliceId[] = allSlicesOf(service)) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, regions, session);
  const per = (Client: typeof CloudWatchLogsClient | typeof CloudWatchClient | typeof SNSClient, name: string) => {
    const out: Record<string, ReturnType<typeof mockClient>> = {};
    for (const r of regions) out[r] = mockClient(session.client<CloudWatchClient>(Client as never, name, r));
    return out;
  };
  return { ctx, logs: per(CloudWatchLogsClient, "logs"), cw: per(CloudWatchClient, "cloudwatch"), sns: per(SNSClient, "sns") };
}

describe("cloudwatch collector", () => {
  it("reads every page of metric filters and alarms at the largest page sizes, and each SNS topic the alarms name once", async () => {
    const { ctx, logs, cw, sns } = setup([US]);
    logs[US]!.on(DescribeMetricFiltersCommand)
      .resolvesOnce({
        metricFilters: [
          {
            filterName: "root_usage_metric",
            logGroupName: "CloudTrail/main",
            filterPattern: '{ $.userIdentity.type = "Root" }',
            metricTransformations: [
              { metricName: "root_usage_metric", metricNamespace: "CISBenchmark", metricValue: "1", defaultValue: 0 },
            ],
            creationTime: Date.parse("2026-01-02T03:04:05Z"),
          },
        ],
        nextToken: "f1",
      })
      .resolvesOnce({
        metricFilters: [
          {
            filterName: "latency",
            logGroupName: "app",
            filterPattern: "",
            metricTransformations: [
              {
                metricName: "Latency",
                metricNamespace: "App",
                metricValue: "$.latency",
                unit: "Milliseconds",
                dimensions: { Path: "$.path" },
              },
            ],
          },
        ],
      });
    const shared = topicArn("security-alarms");
    cw[US]!.on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [
          {
            AlarmName: "root_usage_alarm",
            AlarmArn: `arn:aws:cloudwatch:${US}:${ACCOUNT}:alarm:root_usage_alarm`,
            ActionsEnabled: true,
            AlarmActions: [shared],
            MetricName: "root_usage_metric",
            Namespace: "CISBenchmark",
            StateValue: "OK",
            ComparisonOperator: "GreaterThanOrEqualToThreshold",
            Threshold: 1,
          },
        ],
        NextToken: "a1",
      })
      .resolvesOnce({
        MetricAlarms: [
          {
            AlarmName: "math",
            AlarmArn: `arn:aws:cloudwatch:${US}:${ACCOUNT}:alarm:math`,
            ActionsEnabled: false,
            AlarmActions: [
              shared,
              topicArn("gone"),
              topicArn("central", US, "210987654321"),
              topicArn("elsewhere", EU),
              "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1:autoScalingGroupName/web:policyName/up",
            ],
            Metrics: [
              { Id: "m1", MetricStat: { Metric: { Namespace: "App", MetricName: "Latency" }, Period: 60, Stat: "Average" } },
              { Id: "e1", Expression: "m1 * 2" },
            ],
          },
        ],
      });
    sns[US]!.on(ListSubscriptionsByTopicCommand, { TopicArn: shared })
      .resolvesOnce({
        Subscriptions: [{ SubscriptionArn: `${shared}:1a2b`, Protocol: "email", Endpoint: "ops@example.com" }],
        NextToken: "s1",
      })
      .resolvesOnce({
        Subscriptions: [{ SubscriptionArn: "PendingConfirmation", Protocol: "https", Endpoint: "https://hooks.example.com/x" }],
      });
    sns[US]!.on(ListSubscriptionsByTopicCommand, { TopicArn: topicArn("gone") }).rejects(awsError("NotFound", 404));

    const inv: CloudWatchInventory = await collect(service, ctx);
    expect(ctx.errors).toEqual([]);
    expect(inv.regions[US]?.metricFilters).toEqual({
      ok: true,
      value: [
        {
          filterName: "root_usage_metric",
          logGroupName: "CloudTrail/main",
          filterPattern: '{ $.userIdentity.type = "Root" }',
          metricTransformations: [{ metricName: "root_usage_metric", metricNamespace: "CISBenchmark", metricValue: "1", defaultValue: 0 }],
          creationTime: "2026-01-02T03:04:05.000Z",
        },
        {
          filterName: "latency",
          logGroupName: "app",
          filterPattern: "",
          metricTransformations: [
            {
              metricName: "Latency",
              metricNamespace: "App",
              metricValue: "$.latency",
              unit: "Milliseconds",
              dimensions: { Path: "$.path" },
            },
          ],
        },
      ],
    });
    const alarms = inv.regions[US]?.alarms;
    expect(alarms?.ok && alarms.value.metricAlarms).toEqual([
      {
        alarmName: "root_usage_alarm",
        alarmArn: `arn:aws:cloudwatch:${US}:${ACCOUNT}:alarm:root_usage_alarm`,
        actionsEnabled: true,
        alarmActions: [shared],
        metrics: [{ namespace: "CISBenchmark", metricName: "root_usage_metric" }],
        stateValue: "OK",
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        threshold: 1,
      },
      expect.objectContaining({ alarmName: "math", actionsEnabled: false, metrics: [{ namespace: "App", metricName: "Latency" }] }),
    ]);
    // This account's topics in this region only, each once; the endpoints (an email address) are not kept.
    expect(alarms?.ok && alarms.value.topics).toEqual([
      { topicArn: topicArn("gone"), subscriptions: { ok: true, value: null } },
      {
        topicArn: shared,
        subscriptions: {
          ok: true,
          value: [
            { subscriptionArn: `${shared}:1a2b`, protocol: "email" },
            { subscriptionArn: "PendingConfirmation", protocol: "https" },
          ],
        },
      },
    ]);
    expect(JSON.stringify(inv)).not.toContain("example.com");
    expect(logs[US]!.commandCalls(DescribeMetricFiltersCommand).map((c) => c.args[0].input.limit)).toEqual([50, 50]);
    expect(logs[US]!.commandCalls(DescribeMetricFiltersCommand)[1]?.args[0].input.nextToken).toBe("f1");
    expect(cw[US]!.commandCalls(DescribeAlarmsCommand).map((c) => [c.args[0].input.MaxRecords, c.args[0].input.AlarmTypes])).toEqual([
      [100, ["MetricAlarm"]],
      [100, ["MetricAlarm"]],
    ]);
    expect(cw[US]!.commandCalls(DescribeAlarmsCommand)[1]?.args[0].input.NextToken).toBe("a1");
    expect(sns[US]!.commandCalls(ListSubscriptionsByTopicCommand).map((c) => c.args[0].input.TopicArn)).toEqual([
      topicArn("gone"),
      shared,
      shared,
    ]);
  });

  it("records a failed read as data for exactly what it affects: one topic's subscriptions, a region's listing", async () => {
    const { ctx, logs, cw, sns } = setup([US, EU]);
    logs[US]!.on(DescribeMetricFiltersCommand).resolves({ metricFilters: [] });
    cw[US]!.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        { AlarmName: "a", AlarmArn: "arn:a", AlarmActions: [topicArn("locked"), topicArn("open")], MetricName: "m", Namespace: "n" },
      ],
    });
    sns[US]!.on(ListSubscriptionsByTopicCommand, { TopicArn: topicArn("locked") }).rejects(awsError("AuthorizationError", 403));
    sns[US]!.on(ListSubscriptionsByTopicCommand, { TopicArn: topicArn("open") }).resolves({ Subscriptions: [] });
    logs[EU]!.on(DescribeMetricFiltersCommand).rejects(awsError("AccessDeniedException"));
    cw[EU]!.on(DescribeAlarmsCommand).rejects(awsError("AccessDenied", 403));

    const inv: CloudWatchInventory = await collect(service, ctx);
    const alarms = inv.regions[US]?.alarms;
    expect(alarms?.ok && alarms.value.topics).toEqual([
      {
        topicArn: topicArn("locked"),
        subscriptions: {
          ok: false,
          error: expect.objectContaining({
            service: "sns",
            operation: "ListSubscriptionsByTopic",
            code: "AuthorizationError",
            resource: topicArn("locked"),
          }),
        },
      },
      { topicArn: topicArn("open"), subscriptions: { ok: true, value: [] } },
    ]);
    expect(inv.regions[EU]?.metricFilters).toMatchObject({
      ok: false,
      error: { service: "logs", operation: "DescribeMetricFilters", region: EU },
    });
    expect(inv.regions[EU]?.alarms).toMatchObject({
      ok: false,
      error: { service: "cloudwatch", operation: "DescribeAlarms", code: "AccessDenied" },
    });
    expect(sns[EU]!.commandCalls(ListSubscriptionsByTopicCommand)).toHaveLength(0);
    expect(ctx.errors.map((e) => `${e.region} ${e.service}:${e.operation} ${e.code}`).sort()).toEqual([
      `${EU} cloudwatch:DescribeAlarms AccessDenied`,
      `${EU} logs:DescribeMetricFilters AccessDeniedException`,
      `${US} sns:ListSubscriptionsByTopic AuthorizationError`,
    ]);
  });

  it("reads only the wanted slices", async () => {
    const { ctx, logs, cw, sns } = setup([US], ["cloudwatch.metricFilters"]);
    logs[US]!.on(DescribeMetricFiltersCommand).resolves({ metricFilters: [] });
    const inv: CloudWatchInventory = await collect(service, ctx);
    expect(inv.regions[US]).toEqual({ metricFilters: { ok: true, value: [] } });
    expect(cw[US]!.commandCalls(DescribeAlarmsCommand)).toHaveLength(0);
    expect(sns[US]!.commandCalls(ListSubscriptionsByTopicCommand)).toHaveLength(0);
  });
});

import { CloudWatchClient, paginateDescribeAlarms, type MetricAlarm as SdkMetricAlarm } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, paginateDescribeMetricFilters, type MetricFilter as SdkMetricFilter } from "@aws-sdk/client-cloudwatch-logs";
import { paginateListSubscriptionsByTopic, SNSClient } from "@aws-sdk/client-sns";
import { cloudwatchChecks } from "../../../checks/cloudwatch/index.js";
import { errorCode } from "../../aws/errors.js";
import { allPages, opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, topSlices } from "../define.js";
import {
  isSnsTopicArn,
  parseArn,
  type AlarmMetric,
  type AlarmTopic,
  type CloudWatchRegionInventory,
  type MetricAlarm,
  type MetricFilter,
} from "./inventory.js";

/** Page sizes: the largest each listing allows (DescribeMetricFilters 1–50, DescribeAlarms 1–100; ListSubscriptionsByTopic has none). */
const PAGE = { metricFilters: 50, alarms: 100 };

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

const toMetricFilter = (f: SdkMetricFilter): MetricFilter => ({
  filterName: f.filterName ?? "",
  logGroupName: f.logGroupName ?? "",
  filterPattern: f.filterPattern ?? "",
  metricTransformations: (f.metricTransformations ?? []).map((t) => ({
    metricName: t.metricName ?? "",
    metricNamespace: t.metricNamespace ?? "",
    metricValue: t.metricValue ?? "",
    ...opt("defaultValue", t.defaultValue),
    ...opt("unit", t.unit),
    ...(t.dimensions && Object.keys(t.dimensions).length > 0 ? { dimensions: { ...t.dimensions } } : {}),
  })),
  ...opt("creationTime", iso(f.creationTime)),
});

function alarmMetrics(a: SdkMetricAlarm): AlarmMetric[] {
  const own = a.MetricName && a.Namespace ? [{ namespace: a.Namespace, metricName: a.MetricName }] : [];
  const queried = (a.Metrics ?? []).flatMap((q) => {
    const m = q.MetricStat?.Metric;
    return m?.MetricName && m.Namespace ? [{ namespace: m.Namespace, metricName: m.MetricName }] : [];
  });
  return [...own, ...queried];
}

const toMetricAlarm = (a: SdkMetricAlarm): MetricAlarm => ({
  alarmName: a.AlarmName ?? "",
  alarmArn: a.AlarmArn ?? "",
  actionsEnabled: a.ActionsEnabled !== false,
  alarmActions: [...(a.AlarmActions ?? [])],
  metrics: alarmMetrics(a),
  ...opt("stateValue", a.StateValue),
  ...opt("comparisonOperator", a.ComparisonOperator),
  ...opt("threshold", a.Threshold),
});

const region = topSlices<CloudWatchRegionInventory>();

const metricFilters = region("metricFilters", {
  id: "cloudwatch.metricFilters",
  description: "CloudWatch Logs metric filters: the log group, the filter pattern and the metric each publishes",
  operations: [op("logs", "DescribeMetricFilters")],
  read: async (ctx) =>
    (
      await allPages(
        paginateDescribeMetricFilters({ client: ctx.client(CloudWatchLogsClient), pageSize: PAGE.metricFilters }, {}),
        (page) => page.metricFilters,
      )
    ).map(toMetricFilter),
});

const listSubscriptions = op("sns", "ListSubscriptionsByTopic");

/**
 * Metric alarms, then the subscriptions of each SNS topic their actions name: once per topic, and
 * only this account's topics in this region (a CloudWatch alarm can notify no other region's topic,
 * and another account's topic is that account's to show). A topic whose read fails is that
 * topic's failure, kept as data; one that does not exist (NotFound) is `null`.
 */
const alarms = region("alarms", {
  id: "cloudwatch.alarms",
  description: "metric alarms (the metrics they watch, their actions) and the subscriptions of the SNS topics they notify",
  operations: [op("cloudwatch", "DescribeAlarms"), listSubscriptions],
  read: async (ctx) => {
    const pages = paginateDescribeAlarms({ client: ctx.client(CloudWatchClient), pageSize: PAGE.alarms }, { AlarmTypes: ["MetricAlarm"] });
    const metricAlarms = (await allPages(pages, (page) => page.MetricAlarms)).map(toMetricAlarm);
    const own = (arn: string) => {
      const parsed = parseArn(arn);
      return parsed?.region === ctx.region && parsed.account === ctx.accountId && parsed.partition === ctx.partition;
    };
    const topicArns = [...new Set(metricAlarms.flatMap((a) => a.alarmActions))].filter((arn) => isSnsTopicArn(arn) && own(arn)).sort();
    const sns = ctx.client(SNSClient, "sns");
    const topics = await Promise.all(
      topicArns.map(async (topicArn): Promise<AlarmTopic> => ({
        topicArn,
        subscriptions: await ctx.attempt(
          listSubscriptions,
          async () => {
            try {
              const subscriptions = await allPages(
                paginateListSubscriptionsByTopic({ client: sns }, { TopicArn: topicArn }),
                (page) => page.Subscriptions,
              );
              return subscriptions.map((s) => ({ subscriptionArn: s.SubscriptionArn ?? "", protocol: s.Protocol ?? "" }));
            } catch (err) {
              if (errorCode(err) === "NotFound") return null;
              throw err;
            }
          },
          topicArn,
        ),
      })),
    );
    return { metricAlarms, topics };
  },
});

export default defineService({
  id: "cloudwatch",
  title: "Amazon CloudWatch (alarms, CloudWatch Logs metric filters, and the SNS topics alarms notify)",
  scope: "regional",
  model: "abstracted",
  clients: { logs: CloudWatchLogsClient, cloudwatch: CloudWatchClient, sns: SNSClient },
  schemaType: "CloudWatchInventory",
  slices: [metricFilters, alarms],
  checks: cloudwatchChecks,
});

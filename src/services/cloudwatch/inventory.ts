import type { Fetched } from "../../inventory/common.js";

/** What a metric filter publishes for each log event it matches. */
export interface MetricTransformation {
  metricName: string;
  metricNamespace: string;
  /** What is published per match: "1", or a selector such as "$.latency". */
  metricValue: string;
  defaultValue?: number;
  unit?: string;
  /** Dimensions the metric is published with (name → selector); absent: none. */
  dimensions?: Record<string, string>;
}

/** A CloudWatch Logs metric filter (DescribeMetricFilters). */
export interface MetricFilter {
  filterName: string;
  logGroupName: string;
  /** The pattern as stored; "" matches every event. */
  filterPattern: string;
  metricTransformations: MetricTransformation[];
  creationTime?: string;
}

/** A metric an alarm watches: its own (Namespace, MetricName), or one of its metric-math queries'. */
export interface AlarmMetric {
  namespace: string;
  metricName: string;
}

/** A CloudWatch metric alarm (DescribeAlarms, AlarmTypes MetricAlarm). */
export interface MetricAlarm {
  alarmName: string;
  alarmArn: string;
  /** Whether the alarm runs its actions at all. */
  actionsEnabled: boolean;
  /** What the alarm does on entering ALARM: SNS topic ARNs, Auto Scaling policies, EC2 or Systems Manager actions. */
  alarmActions: string[];
  /** The metrics it watches (one, or those of its metric-math queries). */
  metrics: AlarmMetric[];
  stateValue?: string;
  comparisonOperator?: string;
  threshold?: number;
}

/** One subscription of a topic; the endpoint (an email address, a URL) is not kept. */
export interface TopicSubscription {
  /** The subscription's ARN once confirmed; "PendingConfirmation" until then. */
  subscriptionArn: string;
  /** "email", "https", "sqs", "lambda", "sms", … */
  protocol: string;
}

/** An SNS topic that a metric alarm of this region notifies. */
export interface AlarmTopic {
  topicArn: string;
  /** ListSubscriptionsByTopic; `null`: the topic does not exist (NotFound). */
  subscriptions: Fetched<TopicSubscription[] | null>;
}

/** The region's metric alarms, and the SNS topics their actions name. */
export interface CloudWatchAlarms {
  metricAlarms: MetricAlarm[];
  /**
   * Each SNS topic among the alarms' actions, once, with its subscriptions: only this account's
   * topics in this region are read (CloudWatch notifies topics of its own region only; another
   * account's topic is for that account to show), so a topic named by an alarm but missing here was not read.
   */
  topics: AlarmTopic[];
}

/** Everything CloudWatch and CloudWatch Logs read in one region. */
export interface CloudWatchRegionInventory {
  metricFilters?: Fetched<MetricFilter[]>;
  alarms?: Fetched<CloudWatchAlarms>;
}

export interface CloudWatchInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, CloudWatchRegionInventory>;
}

/** The parts of an ARN (`arn:partition:service:region:account:resource`), or undefined when it is not one. */
export function parseArn(
  arn: string,
): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(":") };
}

/** An SNS topic ARN (`arn:aws:sns:<region>:<account>:<name>`), as opposed to other alarm actions. */
export const isSnsTopicArn = (arn: string): boolean => {
  const parsed = parseArn(arn);
  return parsed?.service === "sns" && parsed.resource !== "" && !parsed.resource.includes(":");
};

/**
 * CloudWatch monitoring of the CloudTrail scenario's multi-region trail (org-trail, us-east-1):
 * the trail delivers to a log group, and CIS 5.x metric filters, alarms and SNS topics show every
 * link of the chain. Seeded after the CloudTrail scenario (registry order), whose trail it updates.
 *
 * | CIS  | on the trail's log group                                   | verdict                           |
 * | 5.1  | CIS v6.0's pattern, alarm → subscribed topic               | PASS                              |
 * | 5.3  | Security Hub's pattern (other spacing and quoting)         | PASS                              |
 * | 5.4  | Security Hub's pattern (an eventSource condition added)    | PASS                              |
 * | 5.5  | CIS's events in another order                              | PASS                              |
 * | 5.2  | CIS's pattern, alarm → a topic nobody subscribed to        | FAIL: no confirmed subscription   |
 * | 5.6  | CIS's pattern, no alarm on its metric                      | FAIL: no alarm                    |
 * | 5.7  | every KMS call (reads too), alarm → subscribed topic       | FAIL: the filter is too broad     |
 * | 5.10 | Security Hub's pattern (lacks ModifySecurityGroupRules)    | FAIL: the filter misses an event  |
 * | 5.8  | CIS's pattern and an alarm, on an eu-west-1 log group no trail delivers to | FAIL: no filter on the trail's group |
 * | rest | nothing                                                    | FAIL: no metric filter            |
 *
 * moto lists every SNS subscription with its ARN (it has no pending confirmations): a topic
 * without a confirmed subscription is shown by a topic without any; pending ones are unit cases.
 * The trail's CloudWatch Logs role is named but not created (moto does not check it).
 */
import { CloudTrailClient, UpdateTrailCommand } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, CreateLogGroupCommand, PutMetricFilterCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { ITEMS, type CisMonitoringId } from "../../../checks/cloudwatch/lib/items.js";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { SCENARIO as CLOUDTRAIL, EU, US } from "../cloudtrail/scenario.js";
import { anyOf, eventNames } from "./patterns.js";

export { EU, US };

const NAMESPACE = "CISBenchmark";

export const SCENARIO = {
  trail: CLOUDTRAIL.orgTrail.name,
  logGroup: "CloudTrail/org-trail",
  logGroupArn: `arn:aws:logs:${US}:${TEST_ACCOUNT}:log-group:CloudTrail/org-trail:*`,
  /** Has an email subscription. */
  alarmsTopic: `arn:aws:sns:${US}:${TEST_ACCOUNT}:security-alarms`,
  /** Has none. */
  unwatchedTopic: `arn:aws:sns:${US}:${TEST_ACCOUNT}:unwatched-alarms`,
  /** eu-west-1: an application's log group, which no trail delivers to. */
  appLogGroup: "app/eu-web",
  pass: ["5.1", "5.3", "5.4", "5.5"] as CisMonitoringId[],
} as const;

/** The patterns the scenario's filters use, other than CIS's own. */
export const PATTERNS = {
  "5.3": '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
  "5.4": anyOf(eventNames("5.4"), "iam.amazonaws.com"),
  "5.5": anyOf(eventNames("5.5").reverse()),
  "5.7": "{ $.eventSource = kms.amazonaws.com }",
  "5.10": anyOf(eventNames("5.10", "ModifySecurityGroupRules")).replace(/ = /g, "="),
} as const;

export async function seed(moto: MotoServer): Promise<void> {
  const logs = new CloudWatchLogsClient(moto.clientConfig(US));
  const logsEu = new CloudWatchLogsClient(moto.clientConfig(EU));
  const cw = new CloudWatchClient(moto.clientConfig(US));
  const cwEu = new CloudWatchClient(moto.clientConfig(EU));
  const sns = new SNSClient(moto.clientConfig(US));
  const trails = new CloudTrailClient(moto.clientConfig(US));
  try {
    await logs.send(new CreateLogGroupCommand({ logGroupName: SCENARIO.logGroup }));
    await trails.send(
      new UpdateTrailCommand({
        Name: SCENARIO.trail,
        CloudWatchLogsLogGroupArn: SCENARIO.logGroupArn,
        CloudWatchLogsRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role`,
      }),
    );
    await sns.send(new CreateTopicCommand({ Name: "security-alarms" }));
    await sns.send(new CreateTopicCommand({ Name: "unwatched-alarms" }));
    await sns.send(new SubscribeCommand({ TopicArn: SCENARIO.alarmsTopic, Protocol: "email", Endpoint: "security@example.com" }));

    const monitor = async (
      id: CisMonitoringId,
      options: {
        pattern?: string;
        alarm?: boolean;
        topic?: string;
        logs?: CloudWatchLogsClient;
        cw?: CloudWatchClient;
        logGroup?: string;
      } = {},
    ) => {
      const { metric } = ITEMS[id];
      await (options.logs ?? logs).send(
        new PutMetricFilterCommand({
          logGroupName: options.logGroup ?? SCENARIO.logGroup,
          filterName: metric,
          filterPattern: options.pattern ?? ITEMS[id].pattern,
          metricTransformations: [{ metricName: metric, metricNamespace: NAMESPACE, metricValue: "1" }],
        }),
      );
      if (options.alarm === false) return;
      await (options.cw ?? cw).send(
        new PutMetricAlarmCommand({
          AlarmName: metric.replace(/_metric$/, "_alarm"),
          MetricName: metric,
          Namespace: NAMESPACE,
          Statistic: "Sum",
          Period: 300,
          Threshold: 1,
          ComparisonOperator: "GreaterThanOrEqualToThreshold",
          EvaluationPeriods: 1,
          AlarmActions: [options.topic ?? SCENARIO.alarmsTopic],
        }),
      );
    };
    await monitor("5.1");
    await monitor("5.3", { pattern: PATTERNS["5.3"] });
    await monitor("5.4", { pattern: PATTERNS["5.4"] });
    await monitor("5.5", { pattern: PATTERNS["5.5"] });
    await monitor("5.2", { topic: SCENARIO.unwatchedTopic });
    await monitor("5.6", { alarm: false });
    await monitor("5.7", { pattern: PATTERNS["5.7"] });
    await monitor("5.10", { pattern: PATTERNS["5.10"] });
    await logsEu.send(new CreateLogGroupCommand({ logGroupName: SCENARIO.appLogGroup }));
    // CloudWatch notifies topics of its own region only: the eu-west-1 alarm has a topic there.
    const snsEu = new SNSClient(moto.clientConfig(EU));
    try {
      const { TopicArn } = await snsEu.send(new CreateTopicCommand({ Name: "eu-alarms" }));
      await snsEu.send(new SubscribeCommand({ TopicArn, Protocol: "email", Endpoint: "eu-ops@example.com" }));
      await monitor("5.8", { logs: logsEu, cw: cwEu, logGroup: SCENARIO.appLogGroup, ...(TopicArn ? { topic: TopicArn } : {}) });
    } finally {
      snsEu.destroy();
    }
  } finally {
    for (const c of [logs, logsEu, cw, cwEu, sns, trails]) c.destroy();
  }
}

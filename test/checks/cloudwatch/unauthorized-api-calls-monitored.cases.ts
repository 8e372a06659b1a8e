/**
 * CIS 5.1, and with it every link of the chain all fifteen CIS 5.x checks share (one factory):
 * trail → log group → metric filter → alarm → SNS topic → confirmed subscription. The other
 * items' tables test their own filter patterns.
 */
import { expect } from "vitest";
import check from "../../../checks/cloudwatch/unauthorized-api-calls-monitored.js";
import { denied, inventory, ok } from "../../support/fixtures/index.js";
import { basic, trail } from "../../services/cloudtrail/fixtures.js";
import {
  account,
  alarmFor,
  deliveringTrail,
  EMPTY_REGION,
  EU,
  filterFor,
  logGroupArn,
  LOG_GROUP,
  monitoredRegion,
  monitoringCases,
  NAMESPACE,
  PENDING,
  subscription,
  topic,
  TOPIC,
  US,
} from "../../services/cloudwatch/fixtures.js";

const ID = "5.1";
const OTHER_TOPIC = `arn:aws:sns:${US}:123456789012:on-call`;
const withAlarm = (overrides: Parameters<typeof alarmFor>[1], topics = [topic()]) => ({
  metricFilters: ok([filterFor(ID)]),
  alarms: ok({ metricAlarms: [alarmFor(ID, overrides)], topics }),
});
const message = (f: { message: string } | undefined) => f?.message ?? "";

export default monitoringCases(
  check,
  ID,
  {
    passing: [
      {
        name: "CIS v6.0 as Prowler's copy prints it (unquoted, no spaces around =)",
        pattern:
          "{ ($.errorCode =*UnauthorizedOperation) || ($.errorCode =AccessDenied*) && ($.sourceIPAddress!=delivery.logs.amazonaws.com) && ($.eventName!=HeadBucket) }",
      },
      {
        name: "CIS v1.2 / Security Hub CloudWatch.2, without the noise exclusions",
        pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
      },
      {
        name: "terms in another order, with extra parentheses",
        pattern: '{ (($.errorCode = "AccessDenied*") || ($.errorCode = "*UnauthorizedOperation")) }',
      },
    ],
    failing: [
      { name: "a catch-all", pattern: "{ $.eventName = * }", says: "also matches a successful ListUsers" },
      { name: "every error", pattern: "{ $.errorCode = * }", says: "also matches an IAM GetRole that failed with NoSuchEntityException" },
      {
        name: "AccessDenied only",
        pattern: '{ $.errorCode = "AccessDenied*" }',
        says: "does not match an EC2 RunInstances refused with Client.UnauthorizedOperation",
      },
      { name: "a text pattern", pattern: "AccessDenied", says: "a text pattern" },
      { name: "a regular expression", pattern: "{ $.errorCode = %AccessDenied.*% }", says: "regular expression" },
      { name: "a malformed JSON pattern", pattern: '{ ($.errorCode = "AccessDenied*" }', says: "not a valid JSON filter pattern" },
    ],
  },
  {
    pass: [
      {
        name: "an alarm on the metric through metric math",
        inventory: account({
          us: withAlarm({
            metrics: [
              { namespace: NAMESPACE, metricName: "other" },
              { namespace: NAMESPACE, metricName: "unauthorized_api_calls_metric" },
            ],
          }),
        }),
      },
      {
        name: "a first topic without confirmed subscription, a second one with",
        inventory: account({
          us: withAlarm({ alarmActions: [TOPIC, OTHER_TOPIC] }, [topic(ok([PENDING])), topic(ok([subscription()]), OTHER_TOPIC)]),
        }),
        assert: ([f]) => expect(f!.message).toContain(`notifies SNS topic ${OTHER_TOPIC} (1 confirmed subscription)`),
      },
      {
        name: "a first trail without CloudWatch Logs, a second that delivers: the second passes",
        inventory: account({ trails: [trail("no-logs"), deliveringTrail()], us: monitoredRegion([ID]) }),
        assert: ([f]) => expect(f!.message).toContain("trail main delivers"),
      },
      {
        name: "a region whose data could not be read does not matter once the chain is complete",
        inventory: account({
          us: monitoredRegion([ID]),
          eu: { metricFilters: denied("cloudwatch.metricFilters", { region: EU }), alarms: denied("cloudwatch.alarms", { region: EU }) },
        }),
      },
      {
        name: "the trail homed in eu-west-1 delivering to a log group there",
        inventory: account({
          trails: [],
          euTrails: [
            deliveringTrail({
              homeRegion: EU,
              arn: `arn:aws:cloudtrail:${EU}:123456789012:trail/main`,
              cloudWatchLogsLogGroupArn: logGroupArn(LOG_GROUP, EU),
            }),
          ],
          eu: monitoredRegion([ID]),
        }),
        findings: [{ status: "PASS", evidence: { region: EU } }],
      },
    ],
    fail: [
      {
        name: "no trail at all",
        inventory: account({ trails: [] }),
        assert: ([f]) => expect(message(f)).toContain("no CloudTrail trail exists in the scanned regions (us-east-1, eu-west-1)"),
      },
      {
        name: "only a single-region trail, though it delivers to CloudWatch Logs",
        inventory: account({ trails: [deliveringTrail({ multiRegion: false })], us: monitoredRegion([ID]) }),
        assert: ([f]) => expect(message(f)).toContain("trail main covers only us-east-1"),
      },
      {
        name: "the multi-region trail is not logging",
        inventory: account({ trails: [deliveringTrail({ status: ok({ isLogging: false }) })], us: monitoredRegion([ID]) }),
        assert: ([f]) => expect(message(f)).toContain("multi-region trail main is not logging"),
      },
      {
        name: "the multi-region trail records write management events only",
        inventory: account({
          trails: [deliveringTrail({ selectors: ok({ basic: [basic("WriteOnly")], advanced: [] }) })],
          us: monitoredRegion([ID]),
        }),
        assert: ([f]) => expect(message(f)).toContain("records management events: write only"),
      },
      {
        name: "the multi-region trail does not deliver to CloudWatch Logs",
        inventory: account({ trails: [trail("main")], us: monitoredRegion([ID]) }),
        assert: ([f]) => expect(message(f)).toContain("multi-region trail main does not deliver its events to CloudWatch Logs"),
      },
      {
        name: "the right filter, but on a log group no trail delivers to",
        inventory: account({ us: { ...monitoredRegion([ID]), metricFilters: ok([filterFor(ID, { logGroupName: "app/logs" })]) } }),
        assert: ([f]) =>
          expect(message(f)).toContain(
            `no metric filter on log group ${LOG_GROUP} (us-east-1, from trail main) matches unauthorized API calls: it has no metric filters`,
          ),
      },
      {
        name: "a filter, and no alarm on its metric",
        inventory: account({ us: { metricFilters: ok([filterFor(ID)]), alarms: ok({ metricAlarms: [], topics: [] }) } }),
        assert: ([f]) =>
          expect(message(f)).toContain(`publishes ${NAMESPACE}/unauthorized_api_calls_metric, which no alarm in us-east-1 watches`),
      },
      {
        name: "the alarm is in another region than the metric",
        inventory: account({ us: { ...EMPTY_REGION, metricFilters: ok([filterFor(ID)]) }, eu: withAlarm({}) }),
        assert: ([f]) => expect(message(f)).toContain("which no alarm in us-east-1 watches"),
      },
      {
        name: "an alarm on a metric of the same name in another namespace",
        inventory: account({ us: withAlarm({ metrics: [{ namespace: "Other", metricName: "unauthorized_api_calls_metric" }] }) }),
        assert: ([f]) => expect(message(f)).toContain("which no alarm in us-east-1 watches"),
      },
      {
        name: "the alarm's actions are disabled",
        inventory: account({ us: withAlarm({ actionsEnabled: false }) }),
        assert: ([f]) =>
          expect(message(f)).toContain(
            "alarm unauthorized_api_calls_alarm on CISBenchmark/unauthorized_api_calls_metric has its actions disabled",
          ),
      },
      {
        name: "the alarm only scales an Auto Scaling group: no SNS topic",
        inventory: account({
          us: withAlarm({
            alarmActions: ["arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1a2b:autoScalingGroupName/web:policyName/up"],
          }),
        }),
        assert: ([f]) => expect(message(f)).toContain("notifies no SNS topic when it goes off"),
      },
      {
        name: "the topic has no subscription",
        inventory: account({ us: withAlarm({}, [topic(ok([]))]) }),
        assert: ([f]) => expect(message(f)).toContain(`notifies SNS topic ${TOPIC}, which has no confirmed subscription`),
      },
      {
        name: "the topic's only subscription is pending confirmation",
        inventory: account({ us: withAlarm({}, [topic(ok([PENDING]))]) }),
        assert: ([f]) => expect(message(f)).toContain("no confirmed subscription (1 pending confirmation)"),
      },
      {
        name: "the topic does not exist",
        inventory: account({ us: withAlarm({}, [topic(ok(null))]) }),
        assert: ([f]) => expect(message(f)).toContain(`notifies SNS topic ${TOPIC}, which does not exist`),
      },
      {
        name: "the FAIL names the furthest link reached; the evidence lists every gap",
        inventory: account({
          trails: [trail("no-logs"), deliveringTrail()],
          us: { metricFilters: ok([filterFor(ID)]), alarms: ok({ metricAlarms: [], topics: [] }) },
        }),
        findings: [
          {
            status: "FAIL",
            evidence: {
              gaps: [
                "multi-region trail no-logs does not deliver its events to CloudWatch Logs",
                expect.stringContaining("which no alarm in us-east-1 watches"),
              ],
            },
          },
        ],
        assert: ([f]) => expect(message(f)).not.toContain("no-logs"),
      },
    ],
    error: [
      {
        name: "CloudTrail is not in the inventory",
        inventory: inventory(),
        findings: [{ status: "ERROR", error: { code: "NotCollected", operation: "DescribeTrails" } }],
      },
      {
        name: "nothing passes in us-east-1 and eu-west-1's trails could not be listed",
        inventory: account({ trails: [trail("main")], euTrails: denied("cloudtrail.trails", { region: EU }) }),
        findings: [
          {
            status: "ERROR",
            error: { operation: "DescribeTrails", region: EU },
            evidence: { gaps: [expect.stringContaining("does not deliver")] },
          },
        ],
      },
      {
        name: "the trail's status could not be read",
        inventory: account({ trails: [deliveringTrail({ status: denied("cloudtrail.trailStatus") })], us: monitoredRegion([ID]) }),
        findings: [{ status: "ERROR", error: { operation: "GetTrailStatus" } }],
      },
      {
        name: "the trail's event selectors could not be read",
        inventory: account({ trails: [deliveringTrail({ selectors: denied("cloudtrail.eventSelectors") })], us: monitoredRegion([ID]) }),
        findings: [{ status: "ERROR", error: { operation: "GetEventSelectors" } }],
      },
      {
        name: "the metric filters of the log group's region could not be read",
        inventory: account({ us: { ...monitoredRegion([ID]), metricFilters: denied("cloudwatch.metricFilters", { region: US }) } }),
        findings: [{ status: "ERROR", error: { service: "logs", operation: "DescribeMetricFilters", region: US } }],
      },
      {
        name: "ListSubscriptionsByTopic was denied for the topic",
        inventory: account({
          us: withAlarm({}, [
            topic({
              ok: false,
              error: {
                service: "sns",
                region: US,
                operation: "ListSubscriptionsByTopic",
                code: "AuthorizationError",
                message: "not authorized",
                resource: TOPIC,
              },
            }),
          ]),
        }),
        findings: [{ status: "ERROR", error: { service: "sns", operation: "ListSubscriptionsByTopic", code: "AuthorizationError" } }],
      },
      {
        name: "the alarm notifies another account's topic, which is not read here",
        inventory: account({ us: withAlarm({ alarmActions: ["arn:aws:sns:us-east-1:210987654321:central-alarms"] }) }),
        findings: [
          {
            status: "ERROR",
            error: { operation: "DescribeAlarms", code: "TopicNotReadable", resource: "arn:aws:sns:us-east-1:210987654321:central-alarms" },
          },
        ],
      },
      {
        name: "the trail delivers to another account's log group (an organization trail seen from a member)",
        inventory: account({
          trails: [deliveringTrail({ organizationTrail: true, cloudWatchLogsLogGroupArn: logGroupArn(LOG_GROUP, US, "210987654321") })],
        }),
        findings: [{ status: "ERROR", error: { operation: "DescribeMetricFilters", code: "LogGroupNotInAccount" } }],
        assert: ([f]) => expect(message(f)).toContain("judged in that account"),
      },
      {
        name: "the trail delivers to a log group in a region the scan does not cover",
        inventory: account({ trails: [deliveringTrail({ cloudWatchLogsLogGroupArn: logGroupArn(LOG_GROUP, "ap-south-1") })] }),
        findings: [{ status: "ERROR", error: { code: "RegionNotScanned" } }],
      },
      {
        name: "the trail's log group ARN is not one",
        inventory: account({ trails: [deliveringTrail({ cloudWatchLogsLogGroupArn: "CloudTrail/main" })] }),
        findings: [{ status: "ERROR", error: { operation: "DescribeTrails", code: "MalformedLogGroupArn" } }],
      },
      {
        name: "CloudWatch is not in the inventory (a snapshot of CloudTrail alone)",
        inventory: inventory({ regions: [US], cloudtrail: { regions: { [US]: { trails: ok([deliveringTrail()]) } } } }),
        findings: [{ status: "ERROR", error: { code: "NotCollected", operation: "DescribeMetricFilters" } }],
      },
    ],
  },
);

/**
 * The CIS 5.1–5.15 monitoring chain, judged the same way for each item: a logging multi-region
 * trail (recording management events) delivers to a CloudWatch Logs log group; a metric filter on
 * that group matches the item's events; an alarm watches the filter's metric; the alarm notifies
 * an SNS topic with a confirmed subscription. One account-wide verdict per item (the trail sees
 * every region; its log group, filters and alarms live in one).
 */
import {
  accountResource,
  defineCheck,
  errorOutcome,
  fail,
  FRAMEWORKS,
  pass,
  type Check,
  type EvaluationContext,
} from "../../../src/check.js";
import type { CallError, Inventory } from "../../../src/inventory/index.js";
import { matchesEvent, parseFilterPattern } from "../../../src/logs/filter-pattern.js";
import type { Outcome } from "../../../src/results.js";
import type { Trail } from "../../../src/services/cloudtrail/inventory.js";
import {
  isSnsTopicArn,
  parseArn,
  type CloudWatchAlarms,
  type MetricAlarm,
  type MetricFilter,
  type MetricTransformation,
} from "../../../src/services/cloudwatch/inventory.js";
import { listSome } from "../../../src/wording.js";
import {
  allTrails,
  describeCoverage,
  managementCoverage,
  recordsManagementSource,
  trailSelectors,
  trailStatus,
} from "../../cloudtrail/lib/trails.js";
import type { MonitoringItem } from "./items.js";

/** Account-wide verdicts carry this region, as CloudTrail's do. */
const GLOBAL = "global";

/** How far along the chain a trail got before a link was missing: FAIL reports the furthest. */
const STAGE = { trail: 0, logs: 1, filter: 2, alarm: 3, action: 4, subscriber: 5 } as const;

interface Gap {
  stage: number;
  text: string;
}

interface Chain {
  trail: Trail;
  logGroup: string;
  region: string;
  filter: MetricFilter;
  metric: MetricTransformation;
  alarm: MetricAlarm;
  topic: string;
  confirmed: number;
}

/** A CloudWatch Logs log group ARN (`arn:aws:logs:<region>:<account>:log-group:<name>:*`). */
export function parseLogGroupArn(arn: string): { region: string; account: string; name: string } | undefined {
  const parsed = parseArn(arn);
  if (parsed?.service !== "logs" || !parsed.resource.startsWith("log-group:")) return undefined;
  const name = parsed.resource.slice("log-group:".length).replace(/:\*$/, "");
  return name && parsed.region && parsed.account ? { region: parsed.region, account: parsed.account, name } : undefined;
}

/** Why a filter does not count: `relevant` when it is about the item at all (malformed, a near miss, too broad). */
export interface FilterProblem {
  problem: string;
  relevant: boolean;
}

/** Whether a filter's pattern matches every record the item names and none of the benign ones (null); if not, why. */
export function judgeFilter(filter: MetricFilter, item: MonitoringItem): FilterProblem | null {
  const parsed = parseFilterPattern(filter.filterPattern);
  if (!parsed.ok) return { problem: `filter ${filter.filterName} is ${parsed.reason}`, relevant: true };
  const missed = item.positives.filter((p) => !matchesEvent(parsed.expr, p.record)).map((p) => p.label);
  if (missed.length)
    return {
      problem: `filter ${filter.filterName} does not match ${listSome(missed, 3)}`,
      relevant: missed.length < item.positives.length,
    };
  const caught = item.negatives.filter((n) => matchesEvent(parsed.expr, n.record)).map((n) => n.label);
  if (caught.length)
    return {
      problem: `filter ${filter.filterName} also matches ${listSome(caught, 2)}, so its alarm would not single out ${item.subject}`,
      relevant: true,
    };
  return null;
}

const sources = (item: MonitoringItem): string[] =>
  [...new Set(item.positives.map((p) => p.record.eventSource).filter((s): s is string => typeof s === "string"))].sort();

const watches = (alarm: MetricAlarm, m: MetricTransformation): boolean =>
  alarm.metrics.some((w) => w.namespace === m.metricNamespace && w.metricName === m.metricName);

/** The whole chain for one item, as one account-wide outcome. */
function verdict(inv: Inventory, ctx: EvaluationContext, item: MonitoringItem): Outcome {
  const resource = accountResource(inv);
  const { trails, unreadable } = allTrails(inv, ctx);
  const errors: CallError[] = unreadable.flatMap((o) => (o.error ? [o.error] : []));
  const gaps: Gap[] = [];
  const seen = new Set<string>();
  const lack = (stage: number, text: string) => gaps.push({ stage, text });

  /** The first complete chain from this trail, recording gaps and unreadable links on the way. */
  const follow = (t: Trail): Chain | undefined => {
    if (!t.multiRegion) return void lack(STAGE.trail, `trail ${t.name} covers only ${t.homeRegion}`);
    if (!t.includeGlobalServiceEvents) return void lack(STAGE.trail, `multi-region trail ${t.name} leaves out global service events`);
    const status = trailStatus(ctx, t);
    if (!status.ok) return void errors.push(status.error);
    if (!status.value.isLogging) return void lack(STAGE.trail, `multi-region trail ${t.name} is not logging`);
    const selectors = trailSelectors(ctx, t);
    if (!selectors.ok) return void errors.push(selectors.error);
    const coverage = managementCoverage(selectors.value);
    if (!coverage.read || !coverage.write)
      return void lack(STAGE.trail, `multi-region trail ${t.name} records management events: ${describeCoverage(coverage)}`);
    const left = sources(item).filter((s) => !recordsManagementSource(selectors.value, s));
    if (left.length) return void lack(STAGE.trail, `multi-region trail ${t.name} leaves out the management events of ${left.join(", ")}`);
    if (!t.cloudWatchLogsLogGroupArn)
      return void lack(STAGE.logs, `multi-region trail ${t.name} does not deliver its events to CloudWatch Logs`);
    const group = parseLogGroupArn(t.cloudWatchLogsLogGroupArn);
    const at = { resource, region: GLOBAL, about: t.cloudWatchLogsLogGroupArn };
    if (!group) {
      const message = `trail ${t.name} names ${t.cloudWatchLogsLogGroupArn} as its log group, which is not a log group ARN`;
      return void errors.push(ctx.unusable("cloudtrail.trails", { ...at, code: "MalformedLogGroupArn", message }).error!);
    }
    if (group.account !== inv.accountId) {
      const message = `trail ${t.name} delivers to log group ${group.name} of account ${group.account} (an organization trail?): its metric filters and alarms are judged in that account`;
      return void errors.push(ctx.unusable("cloudwatch.metricFilters", { ...at, code: "LogGroupNotInAccount", message }).error!);
    }
    if (!inv.regions.includes(group.region)) {
      const message = `trail ${t.name} delivers to log group ${group.name} in ${group.region}, which the scan does not cover: scan that region too`;
      return void errors.push(ctx.unusable("cloudwatch.metricFilters", { ...at, code: "RegionNotScanned", message }).error!);
    }
    const where = `log group ${group.name} (${group.region}, from trail ${t.name})`;
    if (seen.has(`${group.region} ${group.name}`)) return undefined;
    seen.add(`${group.region} ${group.name}`);

    const filters = ctx.read("cloudwatch.metricFilters", group.region);
    if (!filters.ok) return void errors.push(filters.error);
    const onGroup = filters.value.filter((f) => f.logGroupName === group.name);
    const judged = onGroup.map((f) => ({ f, verdict: judgeFilter(f, item) }));
    const matching = judged.filter((j) => j.verdict === null).map((j) => j.f);
    if (matching.length === 0) {
      const near = judged.flatMap((j) => (j.verdict?.relevant ? [j.verdict.problem] : []));
      const why = near.length
        ? listSome(near, 3)
        : onGroup.length
          ? `none of its ${onGroup.length} metric filter${onGroup.length === 1 ? "" : "s"} (${listSome(
              onGroup.map((f) => f.filterName),
              3,
            )}) matches any of them`
          : "it has no metric filters";
      return void lack(STAGE.filter, `no metric filter on ${where} matches ${item.subject}: ${why}`);
    }

    const read = ctx.read("cloudwatch.alarms", group.region);
    if (!read.ok) return void errors.push(read.error);
    return chainFrom(read.value, matching, { trail: t, logGroup: group.name, region: group.region });
  };

  const chainFrom = (
    alarms: CloudWatchAlarms,
    matching: MetricFilter[],
    at: { trail: Trail; logGroup: string; region: string },
  ): Chain | undefined => {
    for (const filter of matching) {
      for (const metric of filter.metricTransformations) {
        const name = `${metric.metricNamespace}/${metric.metricName}`;
        const watching = alarms.metricAlarms.filter((a) => watches(a, metric));
        if (watching.length === 0) {
          lack(
            STAGE.alarm,
            `metric filter ${filter.filterName} on log group ${at.logGroup} publishes ${name}, which no alarm in ${at.region} watches`,
          );
          continue;
        }
        for (const alarm of watching) {
          const topics = alarm.alarmActions.filter(isSnsTopicArn);
          if (!alarm.actionsEnabled) {
            lack(STAGE.action, `alarm ${alarm.alarmName} on ${name} has its actions disabled`);
            continue;
          }
          if (topics.length === 0) {
            lack(STAGE.action, `alarm ${alarm.alarmName} on ${name} notifies no SNS topic when it goes off`);
            continue;
          }
          for (const topic of topics) {
            const read = alarms.topics.find((x) => x.topicArn === topic);
            if (!read) {
              const message = `alarm ${alarm.alarmName} notifies SNS topic ${topic}, outside this account or region, whose subscriptions are not read here`;
              errors.push(
                ctx.unusable("cloudwatch.alarms", { resource, region: GLOBAL, code: "TopicNotReadable", message, about: topic }).error!,
              );
              continue;
            }
            if (!read.subscriptions.ok) {
              errors.push(read.subscriptions.error);
              continue;
            }
            if (read.subscriptions.value === null) {
              lack(STAGE.subscriber, `alarm ${alarm.alarmName} notifies SNS topic ${topic}, which does not exist`);
              continue;
            }
            const confirmed = read.subscriptions.value.filter((s) => s.subscriptionArn.startsWith("arn:"));
            if (confirmed.length === 0) {
              const pending = read.subscriptions.value.length;
              lack(
                STAGE.subscriber,
                `alarm ${alarm.alarmName} notifies SNS topic ${topic}, which has no confirmed subscription${pending ? ` (${pending} pending confirmation)` : ""}`,
              );
              continue;
            }
            return { ...at, filter, metric, alarm, topic, confirmed: confirmed.length };
          }
        }
      }
    }
    return undefined;
  };

  for (const t of trails) {
    const chain = follow(t);
    if (chain) {
      const metric = `${chain.metric.metricNamespace}/${chain.metric.metricName}`;
      return pass(
        resource,
        GLOBAL,
        `CIS ${item.cis}: ${item.subject} are monitored: trail ${chain.trail.name} delivers to log group ${chain.logGroup} (${chain.region}), ` +
          `whose metric filter ${chain.filter.filterName} matches them; alarm ${chain.alarm.alarmName} on ${metric} notifies SNS topic ${chain.topic} ` +
          `(${chain.confirmed} confirmed subscription${chain.confirmed === 1 ? "" : "s"}).`,
        {
          trail: chain.trail.arn,
          logGroup: chain.logGroup,
          region: chain.region,
          metricFilter: chain.filter.filterName,
          filterPattern: chain.filter.filterPattern,
          metric,
          alarm: chain.alarm.alarmArn,
          topic: chain.topic,
          confirmedSubscriptions: chain.confirmed,
        },
      );
    }
  }

  const furthest = Math.max(-1, ...gaps.map((g) => g.stage));
  const best = gaps.filter((g) => g.stage === furthest).map((g) => g.text);
  const evidence = {
    requirement: `a metric filter matching ${item.subject} on the log group of a logging multi-region trail, with an alarm that notifies a subscribed SNS topic`,
    gaps: gaps.map((g) => g.text),
    // The log group a logging multi-region trail delivers to: where the remediation's filter goes.
    ...(seen.size ? { logGroup: [...seen][0]!.split(" ")[1]! } : {}),
    ...(errors.length ? { unread: errors.map((e) => `${e.service}:${e.operation} ${e.code}${e.resource ? ` (${e.resource})` : ""}`) } : {}),
  };
  const [firstError] = errors;
  if (firstError) return { ...errorOutcome(resource, GLOBAL, firstError), evidence };
  if (trails.length === 0) {
    return fail(
      resource,
      GLOBAL,
      `CIS ${item.cis}: no CloudTrail trail exists in the scanned regions (${inv.regions.join(", ")}), so nothing can alarm on ${item.subject}.`,
      evidence,
    );
  }
  return fail(resource, GLOBAL, `CIS ${item.cis}: nothing alarms on ${item.subject}: ${listSome(best, 3)}.`, evidence);
}

/** What a filter must match, for the rationale. */
const describeRecords = (item: MonitoringItem): string =>
  listSome(
    item.positives.map((p) => p.label),
    30,
  );

/** One CIS 5.x check: the chain above, for one item. */
export function monitoringCheck(item: MonitoringItem): Check {
  const alarm = item.metric.replace(/_metric$/, "_alarm");
  return defineCheck({
    id: `cloudwatch-${item.name}`,
    title: `${item.subject[0]!.toUpperCase()}${item.subject.slice(1)} are monitored: a metric filter on the trail's log group and an alarm with a subscriber`,
    service: "cloudwatch",
    layer: "monitoring",
    severity: item.severity,
    needs: ["cloudtrail.trails", "cloudtrail.trailStatus", "cloudtrail.eventSelectors", "cloudwatch.metricFilters", "cloudwatch.alarms"],
    rationale:
      `${item.why} PASS needs the whole chain: a multi-region trail that is logging, records read and write management ` +
      `events (those of ${sources(item).join(", ")} included) and delivers to a CloudWatch Logs log group of this account; a metric filter on that ` +
      `log group whose pattern matches ${item.subject}; a metric alarm, actions enabled, on the filter's metric (same namespace and ` +
      `name, in the log group's region); and an SNS topic among its alarm actions with at least one confirmed subscription. ` +
      `The filter is judged by what it matches, not how it is written: its JSON pattern is evaluated as CloudWatch Logs does ` +
      `(&& before ||, parentheses, = and != against quoted or bare values with * wildcards at either end, numeric comparisons, ` +
      `IS TRUE/FALSE/NULL, NOT EXISTS, and a comparison on an absent field is false) against sample CloudTrail records; it must match ` +
      `every one of: ${describeRecords(item)}; and none of: ${listSome(
        item.negatives.map((n) => n.label),
        5,
      )}. So spacing, quoting, term ` +
      `order, extra event names and extra conditions do not matter, CIS's pattern and AWS Security Hub's variants pass, and a catch-all ` +
      `does not. Text, space-delimited and regular-expression (%...%) patterns are not evaluated and do not count. CIS marks this ` +
      `recommendation manual; this check automates its audit steps.`,
    remediation: {
      text:
        `On the log group of the multi-region trail, create CIS's metric filter, an SNS topic with a subscriber (confirm it), and an ` +
        `alarm on the filter's metric that notifies the topic.`,
      cli:
        `aws logs put-metric-filter --log-group-name <trail-log-group-name> --filter-name ${item.metric} ` +
        `--metric-transformations metricName=${item.metric},metricNamespace=CISBenchmark,metricValue=1 ` +
        `--filter-pattern '${item.pattern}' && aws sns create-topic --name <sns-topic-name> && ` +
        `aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <email-address> && ` +
        `aws cloudwatch put-metric-alarm --alarm-name ${alarm} --metric-name ${item.metric} --namespace CISBenchmark ` +
        `--statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 ` +
        `--alarm-actions <sns-topic-arn>`,
      url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html",
      fill: { "trail-log-group-name": "evidence.logGroup" },
    },
    compliance: {
      [FRAMEWORKS.cis]: [item.cis],
      ...(item.securityHub ? { [FRAMEWORKS.securityHub]: [item.securityHub] } : {}),
    },
    evaluate: (inv, ctx) => [verdict(inv, ctx, item)],
  });
}

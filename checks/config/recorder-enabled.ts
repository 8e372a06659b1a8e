import { defineCheck, errorOutcome, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { CallError } from "../../src/inventory/index.js";
import { customerRecorders, lastStatusFailed, recorderResource, recordsAllSupported, statusOf } from "./lib/recorders.js";

export default defineCheck({
  id: "config-recorder-enabled",
  title: "AWS Config records all resource types and delivers them in every region",
  service: "config",
  layer: "monitoring",
  severity: "medium",
  needs: ["config.recorders", "config.recorderStatus", "config.deliveryChannels"],
  rationale:
    "AWS Config's history of resource configurations is what an investigation and most compliance evidence rest on. " +
    "It is regional: each region needs a recorder that exists, is recording all supported resource types, and has a " +
    "delivery channel.",
  remediation: {
    text: "In each region, create a configuration recorder for all supported resource types, a delivery channel to an S3 bucket, and start recording.",
    cli: "aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true && aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<bucket> && aws configservice start-configuration-recorder --configuration-recorder-name default",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.3"], [FRAMEWORKS.fsbp]: ["Config.1"] },
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = recorderResource(inv, region);
      const recorders = read("config.recorders", region);
      const statuses = read("config.recorderStatus", region);
      const channels = read("config.deliveryChannels", region);

      // A problem proven by data that was read is a FAIL even when another read failed;
      // without any proven problem, a failed read makes the verdict an ERROR.
      const problems: string[] = [];
      const unread: CallError[] = [];
      const evidence: Record<string, unknown> = { region };

      if (!recorders.ok) unread.push(recorders.error);
      else {
        const mine = customerRecorders(recorders.value);
        evidence.recorders = mine;
        if (mine.length === 0) problems.push("no configuration recorder exists");
        for (const r of mine) {
          if (!recordsAllSupported(r)) {
            const scope = r.allSupported
              ? `excludes ${r.excludedResourceTypes.join(", ") || "some types"}`
              : `records only ${r.resourceTypes.length} listed type(s)`;
            problems.push(`recorder "${r.name}" does not record all supported resource types (allSupported=${r.allSupported}, ${scope})`);
          }
          if (!statuses.ok) unread.push(statuses.error);
          else {
            const status = statusOf(statuses.value, r);
            evidence.recorderStatuses = statuses.value;
            if (!status?.recording) problems.push(`recorder "${r.name}" is not recording (recording=${status?.recording ?? "no status"})`);
            else if (lastStatusFailed(status)) {
              problems.push(
                `recorder "${r.name}" last status is ${status.lastStatus}${status.lastErrorCode ? ` (${status.lastErrorCode})` : ""}`,
              );
            }
          }
        }
      }
      if (!channels.ok) unread.push(channels.error);
      else {
        evidence.deliveryChannels = channels.value;
        if (channels.value.length === 0) problems.push("no delivery channel exists");
      }
      if (unread.length > 0) evidence.unread = unread.map((e) => `${e.service}:${e.operation} ${e.code}`);

      if (problems.length > 0) return fail(resource, region, `AWS Config in ${region}: ${problems.join("; ")}.`, evidence);
      const firstUnread = unread[0];
      if (firstUnread) return errorOutcome(resource, region, firstUnread);
      const names = customerRecorders(recorders.ok ? recorders.value : [])
        .map((r) => `"${r.name}"`)
        .join(", ");
      const channelNames = (channels.ok ? channels.value : []).map((c) => `"${c.name}"`).join(", ");
      return pass(
        resource,
        region,
        `AWS Config in ${region}: recorder ${names} is recording all supported resource types; delivery channel ${channelNames}.`,
        evidence,
      );
    }),
});

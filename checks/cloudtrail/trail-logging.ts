import { defineCheck, fail, pass } from "../../src/check.js";
import { forEachTrail, trailStatus } from "./lib/trails.js";

export default defineCheck({
  id: "cloudtrail-trail-logging",
  title: "Every CloudTrail trail is logging",
  service: "cloudtrail",
  layer: "monitoring",
  severity: "medium",
  needs: ["cloudtrail.trails", "cloudtrail.trailStatus"],
  rationale:
    "A trail that exists but is not logging looks like monitoring and records nothing. Stopping a trail (StopLogging) is " +
    "also a classic first move of an intruder covering their tracks.",
  remediation: {
    text: "Find out who stopped the trail and why (CloudTrail event StopLogging), then start it again, or delete it if it is not needed.",
    cli: "aws cloudtrail start-logging --name <trail-arn>",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html",
  },
  compliance: {},
  noComplianceBecause:
    "CIS v6.0 4.1 and FSBP CloudTrail.1 ask for one logging multi-region trail (cloudtrail-multi-region-logging); no recommendation or control covers a second trail that was stopped.",
  evaluate: (inv, ctx) =>
    forEachTrail(inv, ctx, (trail, { resource, region }) => {
      const status = trailStatus(ctx, trail);
      if (!status.ok) return status.outcome;
      const evidence = { trail: trail.arn, ...status.value };
      return status.value.isLogging
        ? pass(resource, region, `Trail ${trail.name} is logging.`, evidence)
        : fail(
            resource,
            region,
            `Trail ${trail.name} exists but is not logging${status.value.stopLoggingTime ? ` (stopped at ${status.value.stopLoggingTime})` : ""}.`,
            evidence,
          );
    }),
});

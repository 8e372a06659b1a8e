import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { accountVerdict, describeCoverage, lacks, managementCoverage, meets, trailSelectors, trailStatus } from "./lib/trails.js";

export default defineCheck({
  id: "cloudtrail-multi-region-logging",
  title: "A multi-region CloudTrail trail is logging every read and write management event",
  service: "cloudtrail",
  layer: "monitoring",
  severity: "high",
  needs: ["cloudtrail.trails", "cloudtrail.trailStatus", "cloudtrail.eventSelectors"],
  rationale:
    "CloudTrail's record of API calls is what tells who did what in the account. Only a trail that covers every region " +
    "(including regions nobody uses, where an intruder would go) and records both read and write management events " +
    "leaves no blind spot; a trail that exists but is not logging records nothing. Management events count when a basic " +
    "selector includes them with ReadWriteType All, when advanced selectors with eventCategory = Management cover both " +
    "reads and writes (no readOnly condition, or one selector for each), or when the trail has no selectors at all " +
    "(AWS's default: every management event).",
  remediation: {
    text: "Create (or convert) a multi-region trail, record all management events, and start logging.",
    cli: 'aws cloudtrail update-trail --name <trail> --is-multi-region-trail && aws cloudtrail put-event-selectors --trail-name <trail> --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\' && aws cloudtrail start-logging --name <trail>',
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.1"], [FRAMEWORKS.fsbp]: ["CloudTrail.1"] },
  evaluate: (inv, ctx) => [
    accountVerdict(inv, ctx, {
      requirement: "a multi-region trail that is logging read and write management events",
      judge: (t) => {
        if (!t.multiRegion) return lacks(`trail ${t.name} covers only ${t.homeRegion}`);
        const status = trailStatus(ctx, t);
        if (!status.ok) return status;
        if (!status.value.isLogging) return lacks(`multi-region trail ${t.name} exists but is not logging`);
        const selectors = trailSelectors(ctx, t);
        if (!selectors.ok) return selectors;
        const coverage = managementCoverage(selectors.value);
        if (!coverage.read || !coverage.write)
          return lacks(`multi-region trail ${t.name} records management events: ${describeCoverage(coverage)}`);
        return meets;
      },
    }),
  ],
});

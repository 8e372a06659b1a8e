import { defineCheck, FRAMEWORKS, type Check } from "../../../src/check.js";
import { accountVerdict, describeCoverage, lacks, meets, s3DataCoverage, trailSelectors, trailStatus } from "./trails.js";

/** The two S3 data-event checks (CIS 4.8 writes, 4.9 reads): the same duty, one kind of access each. */
export function s3ObjectEventsCheck(kind: "read" | "write", refs: { cis: string; securityHub: string }): Check {
  const what = kind === "write" ? "wrote, overwrote or deleted which objects" : "read which objects";
  return defineCheck({
    id: `cloudtrail-s3-object-${kind}-events`,
    title: `S3 object-level ${kind} events are logged for all buckets by a multi-region trail`,
    service: "cloudtrail",
    layer: "monitoring",
    severity: "medium",
    needs: ["cloudtrail.trails", "cloudtrail.trailStatus", "cloudtrail.eventSelectors"],
    rationale:
      `Management events do not show who ${what}: only S3 data events do. A logging multi-region trail must record them ` +
      `for every bucket, current and future: a basic selector for AWS::S3::Object on arn:aws:s3 (or arn:aws:s3:::) with ` +
      `ReadWriteType All or ${kind === "write" ? "WriteOnly" : "ReadOnly"}, or an advanced selector with eventCategory = Data and ` +
      `resources.type = AWS::S3::Object, no eventName condition, no resources.ARN condition except leaving out the ` +
      `trail's own log bucket, and readOnly absent or "${kind === "write" ? "false" : "true"}".`,
    remediation: {
      text: "Record S3 data events for all current and future buckets on the multi-region trail.",
      cli: `aws cloudtrail put-event-selectors --trail-name <trail-arn> --advanced-event-selectors '[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},{"Name":"S3 data events","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]'`,
      url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html",
    },
    compliance: { [FRAMEWORKS.cis]: [refs.cis], [FRAMEWORKS.securityHub]: [refs.securityHub] },
    evaluate: (inv, ctx) => [
      accountVerdict(inv, ctx, {
        requirement: `a logging multi-region trail that records S3 object-level ${kind} events for all buckets`,
        judge: (t) => {
          if (!t.multiRegion) return lacks(`trail ${t.name} covers only ${t.homeRegion}`);
          const status = trailStatus(ctx, t);
          if (!status.ok) return status;
          if (!status.value.isLogging) return lacks(`multi-region trail ${t.name} is not logging`);
          const selectors = trailSelectors(ctx, t);
          if (!selectors.ok) return selectors;
          const coverage = s3DataCoverage(selectors.value, t, inv.partition);
          return coverage[kind]
            ? meets
            : lacks(`multi-region trail ${t.name} records S3 data events for all buckets: ${describeCoverage(coverage)}`);
        },
      }),
    ],
  });
}

import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachTrail } from "./lib/trails.js";

export default defineCheck({
  id: "cloudtrail-log-file-validation",
  title: "CloudTrail trails have log file validation enabled",
  service: "cloudtrail",
  layer: "monitoring",
  severity: "low",
  needs: ["cloudtrail.trails"],
  rationale:
    "With log file validation CloudTrail writes signed digest files, so anyone can prove later that a log file was not " +
    "changed or deleted after delivery: the logs stand as evidence after an incident.",
  remediation: {
    text: "Enable log file validation on the trail.",
    cli: "aws cloudtrail update-trail --name <trail-arn> --enable-log-file-validation",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.2"], [FRAMEWORKS.fsbp]: ["CloudTrail.4"] },
  evaluate: (inv, ctx) =>
    forEachTrail(inv, ctx, (trail, { resource, region }) =>
      trail.logFileValidation
        ? pass(resource, region, `Trail ${trail.name} validates its log files (signed digests).`, { logFileValidation: true })
        : fail(resource, region, `Trail ${trail.name} has log file validation disabled.`, { logFileValidation: false }),
    ),
});

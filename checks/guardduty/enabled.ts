import { defineCheck, errorOutcome, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { CallError } from "../../src/inventory/index.js";
import { guarddutyResource } from "./lib/detectors.js";

export default defineCheck({
  id: "guardduty-enabled",
  title: "Amazon GuardDuty is enabled (not suspended) in every region",
  service: "guardduty",
  layer: "monitoring",
  severity: "high",
  needs: ["guardduty.detectors", "guardduty.detector"],
  rationale:
    "GuardDuty watches CloudTrail, VPC flow logs and DNS queries for signs of compromise: stolen credentials used from " +
    "unusual places, crypto-mining, calls to known malicious hosts. It is regional, and an intruder goes where nobody looks, " +
    "so every region needs it. A region passes when it has a detector whose status is ENABLED; a detector that exists with " +
    "status DISABLED is suspended and analyses nothing.",
  remediation: {
    text:
      "Create a detector in each region (with AWS Organizations, from the delegated administrator with auto-enable); " +
      "re-enable a suspended one with aws guardduty update-detector --region <region> --detector-id <detector-id> --enable.",
    cli: "aws guardduty create-detector --region <region> --enable",
    url: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["GuardDuty.1"] },
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = guarddutyResource(inv, region);
      const listed = read("guardduty.detectors", region);
      if (!listed.ok) return errorOutcome(resource, region, listed.error);
      if (listed.value.length === 0)
        return fail(resource, region, `GuardDuty is not enabled in ${region}: the region has no detector.`, { detectors: [] });
      const judged = listed.value.map((d) => ({ detector: d, settings: read("guardduty.detector", d, region) }));
      const evidence = {
        detectors: judged.map(({ detector, settings }) => ({
          id: detector.id,
          ...(settings.ok ? { status: settings.value.status } : { unread: `${settings.error.operation} ${settings.error.code}` }),
        })),
      };
      const enabled = judged.find((j) => j.settings.ok && j.settings.value.status === "ENABLED");
      if (enabled)
        return pass(resource, region, `GuardDuty is enabled in ${region}: detector ${enabled.detector.id} is ENABLED.`, evidence);
      // Another detector might have been the enabled one: a read that failed makes the verdict an ERROR.
      const unread = judged.flatMap((j): CallError[] => (j.settings.ok ? [] : [j.settings.error]));
      if (unread[0]) return { ...errorOutcome(resource, region, unread[0]), evidence };
      const suspended = judged.map((j) => `${j.detector.id} (status ${j.settings.ok ? j.settings.value.status : "?"})`).join(", ");
      return fail(
        resource,
        region,
        `GuardDuty is suspended in ${region}: detector ${suspended} exists but is not ENABLED, so nothing is analysed.`,
        evidence,
      );
    }),
});

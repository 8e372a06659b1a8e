import { defineCheck, errorOutcome, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { CallError } from "../../src/inventory/index.js";
import type { ResourceRef } from "../../src/results.js";
import { customerRecorders, recordsGlobalTypes, statusOf } from "./lib/recorders.js";

export default defineCheck({
  id: "config-global-resources-recorded",
  title: "AWS Config records global (IAM) resource types in at least one region",
  service: "config",
  layer: "monitoring",
  severity: "medium",
  needs: ["config.recorders", "config.recorderStatus"],
  rationale:
    "IAM users, groups, roles and policies are global: one region's recorder must include them (recording them in every " +
    "region only duplicates items). If none does, changes to identities go unrecorded. Evaluated over the scanned regions.",
  remediation: {
    text: "In one region (usually the home region), set includeGlobalResourceTypes=true on a recorder that records all supported types.",
    cli: "aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true,includeGlobalResourceTypes=true",
    url: "https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.3"], [FRAMEWORKS.fsbp]: ["Config.1"] },
  evaluate: (inv, { read }) => {
    const resource: ResourceRef = {
      arn: `arn:${inv.partition}:config::${inv.accountId}:global-resource-recording`,
      id: inv.accountId,
      type: "AWS::::Account",
    };
    const recordingIn: { region: string; recorder: string }[] = [];
    const unread: CallError[] = [];
    for (const region of inv.regions) {
      const recorders = read("config.recorders", region);
      const statuses = read("config.recorderStatus", region);
      if (!recorders.ok) {
        unread.push(recorders.error);
        continue;
      }
      const candidates = customerRecorders(recorders.value).filter(recordsGlobalTypes);
      if (candidates.length === 0) continue;
      if (!statuses.ok) {
        unread.push(statuses.error);
        continue;
      }
      for (const r of candidates) if (statusOf(statuses.value, r)?.recording) recordingIn.push({ region, recorder: r.name });
    }
    const evidence = {
      scannedRegions: inv.regions,
      recordingGlobalTypesIn: recordingIn,
      ...(unread.length > 0 ? { unread: unread.map((e) => `${e.region} ${e.service}:${e.operation} ${e.code}`) } : {}),
    };
    const first = recordingIn[0];
    if (first) {
      return [
        pass(
          resource,
          "global",
          `Global IAM resource types are recorded by recorder "${first.recorder}" in ${recordingIn.map((r) => r.region).join(", ")}.`,
          evidence,
        ),
      ];
    }
    const firstUnread = unread[0];
    if (firstUnread) return [{ ...errorOutcome(resource, "global", firstUnread), evidence }];
    return [
      fail(
        resource,
        "global",
        `No recorder in the scanned regions (${inv.regions.join(", ")}) is recording global IAM resource types (includeGlobalResourceTypes).`,
        evidence,
      ),
    ];
  },
});

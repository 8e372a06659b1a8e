import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from "@aws-sdk/client-guardduty";
import { guarddutyChecks } from "../../../checks/guardduty/index.js";
import { allPages, opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { detectorResource, type Detector, type GuardDutyRegionInventory } from "./inventory.js";

const region = topSlices<GuardDutyRegionInventory>();

const detectors = region("detectors", {
  id: "guardduty.detectors",
  description: "the GuardDuty detector of each region (none: GuardDuty was never enabled there)",
  operations: [op("guardduty", "ListDetectors")],
  read: async (ctx) => {
    const client = ctx.client(GuardDutyClient);
    // 50 is the largest page ListDetectors allows.
    const ids = await allPages(paginateListDetectors({ client, pageSize: 50 }, {}), (page) => page.DetectorIds);
    return ids.map((id): Detector => ({ id, arn: `arn:${ctx.partition}:guardduty:${ctx.region}:${ctx.accountId}:detector/${id}` }));
  },
  items: { resource: detectorResource, name: (d) => d.id },
});

const detector = itemSlices(detectors);

const detectorSettings = detector("settings", {
  id: "guardduty.detector",
  description: "each detector's status (enabled or suspended) and protection plans",
  operations: [op("guardduty", "GetDetector")],
  read: async (ctx, d) => {
    const out = await ctx.client(GuardDutyClient).send(new GetDetectorCommand({ DetectorId: d.id }));
    return {
      status: out.Status ?? "UNKNOWN",
      ...opt("createdAt", out.CreatedAt),
      ...opt("updatedAt", out.UpdatedAt),
      ...opt("findingPublishingFrequency", out.FindingPublishingFrequency),
      ...opt("serviceRole", out.ServiceRole),
      features: (out.Features ?? []).map((f) => ({ name: f.Name ?? "", status: f.Status ?? "UNKNOWN" })),
    };
  },
});

export default defineService({
  id: "guardduty",
  title: "Amazon GuardDuty",
  scope: "regional",
  model: "abstracted",
  clients: { guardduty: GuardDutyClient },
  schemaType: "GuardDutyInventory",
  slices: [detectors, detectorSettings],
  checks: guarddutyChecks,
});

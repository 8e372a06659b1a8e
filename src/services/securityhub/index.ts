import { DescribeHubCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { securityhubChecks } from "../../../checks/securityhub/index.js";
import { opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, topSlices } from "../define.js";
import type { SecurityHubRegionInventory } from "./inventory.js";

const region = topSlices<SecurityHubRegionInventory>();

const hub = region("hub", {
  id: "securityhub.hub",
  description: "whether Security Hub is enabled in the region, and the hub's settings",
  operations: [op("securityhub", "DescribeHub")],
  // AWS (and moto) answer DescribeHub in a region where the account has not enabled Security Hub
  // with InvalidAccessException ("Account … is not subscribed to AWS Security Hub"): a fact, not a failure.
  // A caller without securityhub:DescribeHub gets AccessDeniedException, which stays an ERROR.
  absent: ["InvalidAccessException"],
  read: async (ctx) => {
    const out = await ctx.client(SecurityHubClient).send(new DescribeHubCommand({}));
    return {
      hubArn: out.HubArn ?? "",
      ...opt("subscribedAt", out.SubscribedAt),
      ...opt("autoEnableControls", out.AutoEnableControls),
      ...opt("controlFindingGenerator", out.ControlFindingGenerator),
    };
  },
});

export default defineService({
  id: "securityhub",
  title: "AWS Security Hub",
  scope: "regional",
  model: "abstracted",
  clients: { securityhub: SecurityHubClient },
  schemaType: "SecurityHubInventory",
  slices: [hub],
  checks: securityhubChecks,
});

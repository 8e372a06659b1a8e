import { AccessAnalyzerClient, paginateListAnalyzers } from "@aws-sdk/client-accessanalyzer";
import { accessanalyzerChecks } from "../../../checks/accessanalyzer/index.js";
import { allPages, opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, topSlices } from "../define.js";
import type { AccessAnalyzerRegionInventory, Analyzer } from "./inventory.js";

const region = topSlices<AccessAnalyzerRegionInventory>();

const analyzers = region("analyzers", {
  id: "accessanalyzer.analyzers",
  description: "the analyzers of each region, of every type (external, unused and internal access), and their status",
  // The IAM prefix and signing name of IAM Access Analyzer is access-analyzer.
  operations: [op("access-analyzer", "ListAnalyzers")],
  read: async (ctx) => {
    const client = ctx.client(AccessAnalyzerClient);
    // One listing without a type filter gives every type. The API documents no largest page size, so
    // none is asked for (an account has a handful of analyzers per region: one page).
    const listed = await allPages(paginateListAnalyzers({ client }, {}), (page) => page.analyzers);
    return listed.map((a): Analyzer => ({
      name: a.name ?? "",
      arn: a.arn ?? "",
      type: a.type ?? "UNKNOWN",
      status: a.status ?? "UNKNOWN",
      ...opt("statusReason", a.statusReason?.code),
      ...opt("createdAt", a.createdAt?.toISOString()),
      ...opt("lastResourceAnalyzedAt", a.lastResourceAnalyzedAt?.toISOString()),
    }));
  },
});

export default defineService({
  id: "accessanalyzer",
  title: "IAM Access Analyzer",
  scope: "regional",
  model: "abstracted",
  clients: { "access-analyzer": AccessAnalyzerClient },
  schemaType: "AccessAnalyzerInventory",
  slices: [analyzers],
  checks: accessanalyzerChecks,
});

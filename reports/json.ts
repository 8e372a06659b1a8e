import type { Report } from "../src/report.js";
import type { Renderer } from "./renderer.js";

/** The report as the JSON document `reports/schema/report.schema.json` describes. */
export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;

export const jsonRenderer: Renderer = {
  format: "json",
  extension: "json",
  description: "the full report",
  render: renderJson,
};

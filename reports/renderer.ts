import type { Report } from "../src/report.js";

/** One output format: `--format <format>` writes `yourside-report.<extension>`. */
export interface Renderer {
  format: string;
  extension: string;
  /** One line for --help and the README. */
  description: string;
  render: (report: Report) => string;
}

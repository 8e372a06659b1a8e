/** The output formats: `--format` accepts exactly these keys. Adding a format is its renderer and a line here. */
import { csvRenderer } from "./csv.js";
import { htmlRenderer } from "./html.js";
import { jsonRenderer } from "./json.js";
import { ocsfRenderer } from "./ocsf.js";
import type { Renderer } from "./renderer.js";
import { sarifRenderer } from "./sarif.js";
import { tableRenderer } from "./table.js";

export const RENDERERS = {
  json: jsonRenderer,
  sarif: sarifRenderer,
  table: tableRenderer,
  csv: csvRenderer,
  ocsf: ocsfRenderer,
  html: htmlRenderer,
} as const satisfies Record<string, Renderer>;

export type Format = keyof typeof RENDERERS;

export const FORMATS = Object.keys(RENDERERS) as Format[];

export type { Renderer } from "./renderer.js";

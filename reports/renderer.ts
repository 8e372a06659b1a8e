import type { Report } from "../src/report.js";

/** What a renderer may take into account about where its text goes. */
export interface RenderOptions {
  /** Columns of the terminal the text is for (the table fits it); files get a default. */
  width?: number;
}

/** One output format: `--format <format>` writes `yourside-report.<extension>`. */
export interface Renderer {
  format: string;
  extension: string;
  /** One line for --help and the README. */
  description: string;
  /**
   * The file's text, in pieces written one after another: a large estate's report is never held
   * as one string (V8 caps a string near 512 MiB).
   */
  render: (report: Report, options?: RenderOptions) => Iterable<string>;
}

/** All of a renderer's pieces as one string (for tests and small outputs). */
export const renderToString = (renderer: Pick<Renderer, "render">, report: Report, options?: RenderOptions): string =>
  [...renderer.render(report, options)].join("");

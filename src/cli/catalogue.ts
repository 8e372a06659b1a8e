import type { Check } from "../check.js";
import { FRAMEWORK_IDS, FRAMEWORK_INFO } from "../frameworks/index.js";

/** `CIS 3.1.1; FSBP S3.5`, frameworks in their catalogue order. */
const refs = (c: Check): string =>
  FRAMEWORK_IDS.flatMap((framework) => {
    const ids = c.compliance[framework] ?? [];
    return ids.length ? [`${FRAMEWORK_INFO[framework].label} ${ids.join(", ")}`] : [];
  }).join("; ");

/** The catalogue as a plain-text table, for `yourside checks`. */
export function catalogueText(checks: readonly Check[]): string {
  const rows = checks.map((c) => [c.id, c.severity, c.layer, c.title]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
  const line = (r: string[]) =>
    `${r
      .slice(0, 3)
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")}  ${r[3]}`;
  return `${line(["CHECK", "SEVERITY", "LAYER", "TITLE"])}\n${rows.map(line).join("\n")}\n${checks.length} checks\n`;
}

/** The catalogue as the Markdown table README.md carries between its checks markers. */
export function catalogueMarkdown(checks: readonly Check[]): string {
  const head = "| check | service | layer | severity | title | references |\n|---|---|---|---|---|---|\n";
  return (
    head + checks.map((c) => `| \`${c.id}\` | ${c.service} | ${c.layer} | ${c.severity} | ${c.title} | ${refs(c)} |`).join("\n") + "\n"
  );
}

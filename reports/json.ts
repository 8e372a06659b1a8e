import type { Report } from "../src/report.js";
import type { Finding } from "../src/results.js";
import type { Layer } from "../src/responsibility.js";
import type { Renderer } from "./renderer.js";
import { jsonPieces } from "../src/json-file.js";

/**
 * A finding as the JSON report writes it: what is about the resource. What is about the check (its
 * remediation, compliance references, service model and AWS model box) is in `checks[]` once, joined
 * by `checkId`; the layer stays on the finding, since every consumer filters by it.
 */
export type JsonFinding = Omit<Finding, "remediation" | "compliance" | "responsibility"> & { layer: Layer };

/** The JSON report document. */
export type JsonReport = Omit<Report, "findings"> & { findings: JsonFinding[] };

/** Members a JSON finding lays out itself (or leaves to `checks[]`); any other member follows, in the finding's order. */
const LAID_OUT: ReadonlySet<string> = new Set([
  "id",
  "checkId",
  "title",
  "status",
  "severity",
  "service",
  "accountId",
  "region",
  "resource",
  "message",
  "evidence",
  "remediation",
  "compliance",
  "responsibility",
]);

export function jsonFinding(f: Finding): JsonFinding {
  // Built member by member (no rest destructuring, which copies through the slow path): this runs once per finding.
  const out: JsonFinding = {
    id: f.id,
    checkId: f.checkId,
    title: f.title,
    status: f.status,
    severity: f.severity,
    service: f.service,
    accountId: f.accountId,
    region: f.region,
    resource: f.resource,
    layer: f.responsibility.layer,
    message: f.message,
    evidence: f.evidence,
  };
  const optional = out as unknown as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!LAID_OUT.has(key)) optional[key] = (f as unknown as Record<string, unknown>)[key];
  return out;
}

/** The lists that grow with the account, written one element per line, and how an element is written. */
const ONE_PER_LINE: Readonly<Record<string, (element: never) => unknown>> = {
  findings: jsonFinding,
  backlog: (item: unknown) => item,
};

/**
 * The report, pretty-printed, with one finding and one fix-list item per line (greppable,
 * diffable, and written one at a time however many there are). Every other member is written in
 * pieces too: nothing is ever one string (V8 caps a string near 512 MiB).
 */
export function* renderJson(report: Report): Generator<string> {
  const members = Object.entries(report as unknown as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== "function",
  );
  yield "{\n";
  for (let m = 0; m < members.length; m++) {
    const [key, value] = members[m]!;
    yield `  ${JSON.stringify(key)}: `;
    const element = ONE_PER_LINE[key];
    if (element && Array.isArray(value)) {
      if (value.length === 0) yield "[]";
      else {
        yield "[\n";
        for (let i = 0; i < value.length; i++)
          yield `    ${JSON.stringify(element(value[i] as never))}${i < value.length - 1 ? "," : ""}\n`;
        yield "  ]";
      }
    } else {
      // One piece per check, compliance summary, matrix member; per failed call in `scan`.
      yield* jsonPieces(value, 2, key === "scan" ? 2 : 1, "  ");
    }
    yield m < members.length - 1 ? ",\n" : "\n";
  }
  yield "}\n";
}

export const jsonRenderer: Renderer = {
  format: "json",
  extension: "json",
  description: "the full report",
  render: renderJson,
};

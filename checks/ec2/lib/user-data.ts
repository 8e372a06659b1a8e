/**
 * What the user data checks share: how detections are worded and weighed. Detections carry where a
 * credential is, the rule that found it and a fingerprint; never the credential (the collector drops it).
 */
import type { Severity } from "../../../src/results.js";
import type { SecretDetection, UserDataScan } from "../../../src/secrets/types.js";
import { listSome } from "../../../src/wording.js";

/** Rules whose credentials open an AWS account or a host by themselves: critical; any other token, high. */
const CRITICAL_RULES = new Set(["@secretlint/secretlint-rule-aws", "@secretlint/secretlint-rule-privatekey"]);

export const detectionSeverity = (detections: readonly SecretDetection[]): Severity =>
  detections.some((d) => CRITICAL_RULES.has(d.rule)) ? "critical" : "high";

/** `AWS Access Key ID on line 3`, `private key in MIME part 2, line 1`. */
export const where = (d: SecretDetection): string =>
  `${d.description} ${d.part !== undefined ? `in MIME part ${d.part}, line ${d.line}` : `on line ${d.line}`}`;

export function describeDetections(scan: UserDataScan): string {
  const total = scan.detections.length + (scan.omittedDetections ?? 0);
  return listSome(scan.detections.map(where), 4) + (scan.omittedDetections ? ` (${total} in all)` : "");
}

/** What could not be scanned, for a message: `MIME part 3 (binary content)`. */
export const describeUnscanned = (scan: UserDataScan): string =>
  listSome(
    scan.unscanned.map((u) => (u.part !== undefined ? `MIME part ${u.part} (${u.reason})` : `the whole document (${u.reason})`)),
    3,
  );

/** The scan as evidence: its shape and every detection (rule, place, fingerprint). */
export const scanEvidence = (scan: UserDataScan) => ({
  bytes: scan.bytes,
  format: scan.format,
  ...(scan.parts !== undefined ? { parts: scan.parts } : {}),
  detections: scan.detections,
  ...(scan.omittedDetections ? { omittedDetections: scan.omittedDetections } : {}),
  ...(scan.unscanned.length ? { unscanned: scan.unscanned } : {}),
});

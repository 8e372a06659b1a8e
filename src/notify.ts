/**
 * `--notify URL`: after the reports are written, the new failing findings at or above the --fail-on
 * severity are posted to a webhook as JSON: a Slack-compatible `text` and the structured list. Bounded
 * in time and retried; a post that fails is reported and changes nothing else.
 */
import type { Report } from "./report.js";
import { atLeast, compareText, severityRank, type Finding, type Severity } from "./results.js";

export interface NotifyOptions {
  /** Only findings at or above this severity ("none": every new FAIL). */
  threshold: Severity | "none";
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** Attempts in all (default 3), with a growing pause between them. */
  attempts?: number;
  /** Pause before the second attempt (doubled each time; default 1 s). */
  backoffMs?: number;
}

export interface NotificationFinding {
  id: string;
  checkId: string;
  title: string;
  severity: Severity;
  accountId: string;
  region: string;
  resource: string;
  message: string;
}

export interface Notification {
  text: string;
  scan: { id: string; accounts: string[]; finishedAt: string; baseline: string | null };
  new: NotificationFinding[];
}

const MAX_LISTED = 20;

/** The new FAIL findings the notification is about: marked new by a baseline, or every FAIL without one. */
export function newFindings(report: Report, threshold: Severity | "none"): Finding[] {
  return report.findings
    .filter((f) => f.status === "FAIL" && f.change !== "unchanged" && (threshold === "none" || atLeast(f.severity, threshold)))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareText(a.checkId, b.checkId));
}

export function notification(report: Report, findings: readonly Finding[]): Notification {
  const since = report.baseline ? ` since scan ${report.baseline.scanId}` : "";
  const lines = findings.slice(0, MAX_LISTED).map((f) => `• [${f.severity}] ${f.checkId} — ${f.resource.id} (${f.region}): ${f.message}`);
  const more = findings.length > MAX_LISTED ? [`… and ${findings.length - MAX_LISTED} more in the report.`] : [];
  return {
    text: [`yourside: ${findings.length} new failing finding(s) in ${report.scan.accounts.join(", ")}${since}`, ...lines, ...more].join(
      "\n",
    ),
    scan: {
      id: report.scan.id,
      accounts: report.scan.accounts,
      finishedAt: report.scan.finishedAt,
      baseline: report.baseline?.scanId ?? null,
    },
    new: findings.map((f) => ({
      id: f.id,
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      accountId: f.accountId,
      region: f.region,
      resource: f.resource.arn,
      message: f.message,
    })),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Posts the notification when there is something new; resolves to a one-line problem, or undefined
 * when it was delivered (or there was nothing to say). Never throws.
 */
export async function notify(url: string, report: Report, options: NotifyOptions): Promise<string | undefined> {
  const found = newFindings(report, options.threshold);
  if (found.length === 0) return undefined;
  const body = JSON.stringify(notification(report, found));
  const attempts = options.attempts ?? 3;
  let problem = "";
  let made = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    made = attempt;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: "error",
      });
      await res.body?.cancel();
      if (res.ok) return undefined;
      problem = `HTTP ${res.status}`;
      // A client error will not change on a retry (bad URL, revoked webhook), except rate limiting.
      if (res.status < 500 && res.status !== 429) break;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      problem = e.name === "TimeoutError" ? "timed out" : (e.cause?.code ?? e.cause?.message ?? e.message);
    }
    if (attempt < attempts) await sleep((options.backoffMs ?? 1_000) * 2 ** (attempt - 1));
  }
  return `${problem} after ${made} attempt(s)`;
}

/**
 * The fix list: every FAIL finding under the one change that closes it, the changes ranked by risk.
 *
 * Findings share one item when their checks' `remediation.fix` reads the same once filled in
 * ("Remove internet ingress from security group sg-1"), or when a failing account-wide setting
 * closes them (`remediation.closes`: account-level S3 Block Public Access closes every bucket's
 * public-access findings). Other findings are an item each (one per check and resource).
 */
import type { Check } from "./check.js";
import type { BacklogItem } from "./report.js";
import { heapGuard } from "./memory.js";
import { commandFor, fillCommand, fillText } from "./remediation.js";
import { BLAST_RADII, compareText, EXPOSURES, severityRank, worstFirst, type BlastRadius, type Exposure, type Finding } from "./results.js";

/** Higher is worse: [severity, exposure, blast radius]; a missing exposure or blast radius ranks below every value. */
type RiskKey = [number, number, number];

const exposureRank = (e: Exposure | undefined): number => (e ? EXPOSURES.length - EXPOSURES.indexOf(e) : 0);
const blastRank = (b: BlastRadius | undefined): number => (b ? BLAST_RADII.length - BLAST_RADII.indexOf(b) : 0);

const compareRisk = (a: RiskKey, b: RiskKey): number => b[0] - a[0] || b[1] - a[1] || b[2] - a[2];

interface Group {
  key: string;
  /** The finding whose check's remediation the item is: the covering one, or the worst. */
  lead?: Finding;
  covering: boolean;
  members: Finding[];
}

export function buildBacklog(findings: readonly Finding[], checks: readonly Check[]): BacklogItem[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  // A check's exposure and blast radius ranks, looked up once per check (comparisons run n·log n times).
  const checkRanks = new Map<string, [number, number]>();
  const ranksOf = (checkId: string): [number, number] => {
    let ranks = checkRanks.get(checkId);
    if (!ranks) {
      const risk = byId.get(checkId)?.risk;
      checkRanks.set(checkId, (ranks = [exposureRank(risk?.exposure), blastRank(risk?.blastRadius)]));
    }
    return ranks;
  };
  const riskOf = (f: Finding): RiskKey => [severityRank(f.severity), ...ranksOf(f.checkId)];
  const worse = (a: Finding, b: Finding): number => {
    const ra = ranksOf(a.checkId);
    const rb = ranksOf(b.checkId);
    return severityRank(b.severity) - severityRank(a.severity) || rb[0] - ra[0] || rb[1] - ra[1] || worstFirst(a, b);
  };
  const failing = findings.filter((f) => f.status === "FAIL");

  // Each finding's own key, filled in once (it is needed twice).
  const ownKeys = new Map<Finding, string>();
  const ownKey = (f: Finding): string => {
    let key = ownKeys.get(f);
    if (key === undefined) {
      const remediation = byId.get(f.checkId)?.remediation;
      const fix = remediation?.fix ? fillText(remediation.fix, f, remediation.fill) : undefined;
      key = fix !== undefined ? `fix|${f.accountId}|${fix}` : `check|${f.checkId}|${f.accountId}|${f.region}|${f.resource.arn}`;
      ownKeys.set(f, key);
    }
    return key;
  };

  // Account-wide settings that are failing, and the checks whose findings they close.
  const coveredBy = new Map<string, string>();
  const covering = new Set<string>();
  for (const f of failing) {
    const closes = byId.get(f.checkId)?.remediation.closes ?? [];
    if (closes.length === 0) continue;
    const key = ownKey(f);
    covering.add(key);
    for (const checkId of closes) if (!coveredBy.has(`${f.accountId}|${checkId}`)) coveredBy.set(`${f.accountId}|${checkId}`, key);
  }

  const groups = new Map<string, Group>();
  for (const f of failing) {
    heapGuard.tick();
    const own = ownKey(f);
    const key = (covering.has(own) ? undefined : coveredBy.get(`${f.accountId}|${f.checkId}`)) ?? own;
    const group = groups.get(key) ?? { key, covering: covering.has(key), members: [] };
    group.members.push(f);
    if (covering.has(key) && own === key) group.lead = f;
    groups.set(key, group);
  }

  const items = [...groups.values()].map((g) => {
    heapGuard.tick();
    // The group's own list, sorted in place (a large account has hundreds of thousands of groups).
    const members = g.members.sort(worse);
    const worst = members[0]!;
    const lead = g.lead ?? worst;
    const check = byId.get(lead.checkId);
    const remediation = check?.remediation ?? lead.remediation;
    // A covering setting is the one change; otherwise each distinct command of the members, worst first.
    const sources = g.covering || members.length === 1 ? [lead] : [lead, ...members.filter((m) => m !== lead)];
    const commands: string[] = [];
    const seen = new Set<string>();
    const placeholders = new Set<string>();
    for (const m of sources) {
      const r = byId.get(m.checkId)?.remediation ?? m.remediation;
      const template = commandFor(r, m);
      if (!template) continue;
      const filled = fillCommand(template, m, r.fill);
      if (filled.command === "" || seen.has(filled.command)) continue;
      seen.add(filled.command);
      commands.push(filled.command);
      for (const p of filled.placeholders) placeholders.add(p);
    }
    const fixTitle = remediation.fix ? fillText(remediation.fix, lead, remediation.fill) : undefined;
    const risk = byId.get(worst.checkId)?.risk;
    const title = fixTitle ?? `${lead.title}: ${lead.resource.id}${lead.region === "global" ? "" : ` (${lead.region})`}`;
    const findingIds = members.map((m) => m.id);
    const resources = members.length === 1 ? [lead.resource.arn] : [...new Set(members.map((m) => m.resource.arn))];
    // Made by one literal, rank first (set once sorted), `url` only when there is one: no object spread,
    // which gives each object it makes from many shapes a hidden class of its own.
    const exposure = risk?.exposure ?? null;
    const blastRadius = risk?.blastRadius ?? null;
    const found = [...placeholders];
    const { checkId, accountId, region } = lead;
    const { text, url } = remediation;
    const severity = worst.severity;
    const item: BacklogItem = url
      ? {
          rank: 0,
          title,
          checkId,
          severity,
          exposure,
          blastRadius,
          accountId,
          region,
          text,
          commands,
          placeholders: found,
          url,
          findings: findingIds,
          resources,
        }
      : {
          rank: 0,
          title,
          checkId,
          severity,
          exposure,
          blastRadius,
          accountId,
          region,
          text,
          commands,
          placeholders: found,
          findings: findingIds,
          resources,
        };
    return { item, risk: riskOf(worst), size: members.length };
  });

  items.sort(
    (a, b) =>
      compareRisk(a.risk, b.risk) ||
      b.size - a.size ||
      compareText(a.item.title, b.item.title) ||
      compareText(a.item.findings[0]!, b.item.findings[0]!),
  );
  return items.map(({ item }, i) => {
    item.rank = i + 1;
    return item;
  });
}

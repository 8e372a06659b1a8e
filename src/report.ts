/**
 * The report model: what a scan produced, which every output format renders (none re-evaluates).
 * The fix list (`backlog`), the compliance summaries and the responsibility matrix are computed
 * here once, from the findings and the check catalogue; renderers only format them.
 */
import type { CallStats } from "./aws/recorder.js";
import type { AccountCallError, AccountScan } from "./organization-report.js";
import type { BaselineSummary } from "./baseline.js";
import { buildBacklog } from "./backlog.js";
import type { Check } from "./check.js";
import { buildCompliance } from "./compliance.js";
import type { ExpiredMute, Mute } from "./mutelist.js";
import { summarize } from "./engine.js";
import type { FrameworkId } from "./frameworks/index.js";
import type { CallError, ServiceId } from "./inventory/index.js";
import { buildMatrix } from "./matrix.js";
import { DEFAULT_AWS_MODEL, type AwsModelBox, type Layer, type Owner, type ProviderLayer, type ServiceModel } from "./responsibility.js";
import type { BlastRadius, CountsBy, Exposure, Finding, Remediation, Risk, Severity, Status, Summary } from "./results.js";
import { CHECKS, serviceById } from "./services/index.js";
import { DEFAULT_SETTINGS, type Settings } from "./settings.js";
import { TOOL_VERSION } from "./version.js";

/**
 * The version of the JSON report's shape (reports/schema/report.schema.json). 2.0: a finding carries
 * its layer, and its check's remediation, compliance and models only in `checks[]`.
 */
export const REPORT_SCHEMA_VERSION = "2.0";

/** The selection a scan was asked for, as given on the command line or in the plan (null: not given). */
export interface ScanSelection {
  services: string[] | null;
  checks: string[] | null;
  severities: Severity[] | null;
  /** `--compliance`: the framework whose checks were selected. */
  compliance: FrameworkId | null;
  /** `--regions`: a list, "all", or null (the default: every enabled region; from a snapshot: all of its regions). */
  regions: string[] | "all" | null;
}

export const NO_SELECTION: ScanSelection = { services: null, checks: null, severities: null, compliance: null, regions: null };

export interface ScanInfo {
  id: string;
  startedAt: string;
  finishedAt: string;
  accounts: string[];
  /** Multi-account scans (--organization, --accounts): each account's name, status, summary and matrix. */
  accountScans?: AccountScan[];
  /** The regions evaluated (from a snapshot with --regions: those of the snapshot's regions that were asked for). */
  regions: string[];
  services: string[];
  /** False when any AWS call failed or any check could not evaluate. */
  complete: boolean;
  /** In a multi-account scan, each names its account. */
  errors: AccountCallError[];
  /** AWS calls per `service:Operation`, and the calls the collection plan skipped as needless. */
  stats: CallStats;
  /** "live" or the snapshot file the findings were evaluated from. */
  source: string;
  /** When the inventory was collected: this scan's collection, or the snapshot's. */
  collectedAt: string;
  /** The ARN of the principal that collected the inventory (sts:GetCallerIdentity); null when a snapshot does not record it. */
  principal: string | null;
  selection: ScanSelection;
  /** The settings in effect (defaults, or the config file's). */
  settings: Settings;
}

/** A check that ran, with the metadata a report format needs to describe it (SARIF rules, HTML). */
export interface CheckInfo {
  id: string;
  title: string;
  service: ServiceId;
  layer: Layer;
  severity: Severity;
  rationale: string;
  remediation: Remediation;
  compliance: Partial<Record<FrameworkId, string[]>>;
  awsModel: AwsModelBox;
  serviceModel: ServiceModel;
  /** Exposure and blast radius of its failures, when they apply. */
  risk?: Risk;
}

/** The mutelist in effect: how many entries, those in force, and those that have expired (they mute nothing). */
export interface MutelistInfo {
  entries: number;
  active: Mute[];
  expired: ExpiredMute[];
}

// ---- the responsibility matrix -----------------------------------------------------------

/**
 * What a customer cell's results say (see `resultState`): failing (some FAIL), passing (no FAIL,
 * some PASS), could-not-assess (no FAIL or PASS, some ERROR), muted (every result MUTED).
 */
export const RESULT_STATES = ["failing", "passing", "could-not-assess", "muted"] as const;
export type ResultState = (typeof RESULT_STATES)[number];

/**
 * Why a customer cell (or requirement) has no results: not-selected (checks of the catalogue cover
 * it, but --checks / --services / --compliance left them out, or --severity left out every result),
 * nothing-to-assess (its checks ran and found no resource to evaluate), not-covered (no check in the
 * catalogue covers it: the duty nobody watches).
 */
export const COVERAGE_STATES = ["not-selected", "nothing-to-assess", "not-covered"] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export const CELL_STATES = ["provider", "not-applicable", ...RESULT_STATES, ...COVERAGE_STATES] as const;
export type CellState = (typeof CELL_STATES)[number];

/** One service × layer cell of the responsibility matrix. */
export interface MatrixCell {
  owner: Owner;
  state: CellState;
  /** Checks of this service and layer that ran. */
  checks: string[];
  /** Checks of the catalogue for this cell that the selection left out. */
  notSelected: string[];
  /** Results per status, zeros included. */
  results: CountsBy<Status>;
  /** Results of this cell that --severity left out of the report. */
  leftOut: number;
}

export interface ResponsibilityMatrix {
  layers: (Layer | ProviderLayer)[];
  services: Partial<Record<ServiceId, { serviceModel: ServiceModel; cells: Record<Layer | ProviderLayer, MatrixCell> }>>;
}

// ---- the fix list --------------------------------------------------------------------------

/**
 * One change that closes one or more FAIL findings, with its AWS CLI commands filled in for them.
 * The list is ranked by risk: the worst finding an item closes, by severity, then exposure
 * (public > cross-account > internal > none), then blast radius (admin > write > read > none);
 * then by how many findings it closes.
 */
export interface BacklogItem {
  /** 1 = fix first. */
  rank: number;
  /** What to change, e.g. "Turn on S3 Block Public Access for account 123456789012". */
  title: string;
  /** The check whose remediation this is. */
  checkId: string;
  /** Of the worst finding it closes. */
  severity: Severity;
  exposure: Exposure | null;
  blastRadius: BlastRadius | null;
  accountId: string;
  /** Where the change is made: a region, or "global". */
  region: string;
  /** The remediation's text. */
  text: string;
  /** AWS CLI commands, with every placeholder the scan knows filled in; run in order. */
  commands: string[];
  /** Placeholders left in `commands`: values the scan cannot know (a key to encrypt with, a bucket to log to). */
  placeholders: string[];
  url?: string;
  /** The FAIL findings the change closes, worst first. */
  findings: string[];
  /** Their resources' ARNs, once each. */
  resources: string[];
}

// ---- compliance ----------------------------------------------------------------------------

/** A requirement's status: from its checks' results, or why there are none; manual: not automatable, and no check covers it. */
export const REQUIREMENT_STATUSES = [...RESULT_STATES, ...COVERAGE_STATES, "manual"] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export interface RequirementSummary {
  id: string;
  title: string;
  /** As the framework marks it (CIS: Automated or Manual). */
  automated: boolean;
  status: RequirementStatus;
  /** Checks of the catalogue that cover it. */
  checks: string[];
  /** Results of those checks, per status, zeros included. */
  results: CountsBy<Status>;
}

export interface ComplianceSummary {
  framework: FrameworkId;
  label: string;
  title: string;
  url: string;
  /** Requirements per status, zeros included. */
  counts: CountsBy<RequirementStatus>;
  requirements: RequirementSummary[];
}

// ---- the report ----------------------------------------------------------------------------

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: "yourside"; version: string };
  scan: ScanInfo;
  checks: CheckInfo[];
  findings: Finding[];
  summary: Summary;
  /** The ranked fix list. */
  backlog: BacklogItem[];
  /** Per framework (CIS v6.0, FSBP): every requirement's status. */
  compliance: ComplianceSummary[];
  responsibilityMatrix: ResponsibilityMatrix;
  mutelist: MutelistInfo;
  /** With --baseline: the earlier scan, and its failures that are resolved or could not be assessed now. */
  baseline?: BaselineSummary;
}

export interface ReportExtras {
  mutelist?: MutelistInfo;
  baseline?: BaselineSummary;
  /** Findings evaluated but left out of the report by --severity: the matrix tells "not selected" from "nothing to assess" by them. */
  leftOut?: readonly Finding[];
  /** The catalogue the selection was made from (default: every registered check). */
  catalogue?: readonly Check[];
}

/** What makes two failed calls the same call. */
const callKey = (e: CallError): string => JSON.stringify([e.service, e.operation, e.region, e.code, e.resource ?? null]);

/**
 * Whether the picture is partial in a way nobody accepted: an ERROR finding, or a failed call that no
 * muted ERROR finding accounts for. What exit code 3 means.
 */
export function incompleteUnaccepted(report: Pick<Report, "findings" | "scan">): boolean {
  if (report.findings.some((f) => f.status === "ERROR")) return true;
  if (report.scan.errors.length === 0) return false;
  const accepted = new Set(report.findings.flatMap((f) => (f.muted?.of === "ERROR" && f.error ? [callKey(f.error)] : [])));
  return report.scan.errors.some((e) => !accepted.has(callKey(e)));
}

export const checkInfo = (c: Check): CheckInfo => ({
  id: c.id,
  title: c.title,
  service: c.service,
  layer: c.layer,
  severity: c.severity,
  rationale: c.rationale,
  remediation: c.remediation,
  compliance: c.compliance,
  awsModel: c.awsModel ?? DEFAULT_AWS_MODEL[c.layer],
  serviceModel: serviceById(c.service).model,
  ...(c.risk ? { risk: c.risk } : {}),
});

/** What a scan says about itself; the audit fields default for callers (tests) that do not know them. */
export type ScanInput = Omit<ScanInfo, "collectedAt" | "principal" | "selection" | "settings"> &
  Partial<Pick<ScanInfo, "collectedAt" | "principal" | "selection" | "settings">>;

export function buildReport(scan: ScanInput, findings: readonly Finding[], checks: readonly Check[], extras: ReportExtras = {}): Report {
  const catalogue = extras.catalogue ?? CHECKS;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "yourside", version: TOOL_VERSION },
    scan: {
      ...scan,
      collectedAt: scan.collectedAt ?? scan.startedAt,
      principal: scan.principal ?? null,
      selection: scan.selection ?? NO_SELECTION,
      settings: scan.settings ?? DEFAULT_SETTINGS,
    },
    checks: checks.map(checkInfo),
    findings: [...findings],
    summary: summarize(findings),
    backlog: buildBacklog(findings, checks),
    compliance: buildCompliance(findings, checks, catalogue, extras.leftOut ?? []),
    responsibilityMatrix: buildMatrix(scan.services, checks, findings, { catalogue, leftOut: extras.leftOut ?? [] }),
    mutelist: extras.mutelist ?? { entries: 0, active: [], expired: [] },
    ...(extras.baseline ? { baseline: extras.baseline } : {}),
  };
}

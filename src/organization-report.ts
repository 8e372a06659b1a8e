/**
 * One report of many accounts: each account's inventory is evaluated as it arrives and dropped; its
 * findings, errors and summary are kept for the report.
 */
import { randomUUID } from "node:crypto";
import type { CallStats } from "./aws/recorder.js";
import { compareWithBaseline, type Baseline } from "./baseline.js";
import type { Check } from "./check.js";
import { summarize } from "./engine.js";
import { SNAPSHOT_FORMAT, type CallError, type Inventory } from "./inventory/index.js";
import { buildMatrix, type ResponsibilityMatrix } from "./matrix.js";
import { mutesInForce, type ExpiredMute, type Mute } from "./mutelist.js";
import type { AccountCollection } from "./scan-organization.js";
import { evaluateFindings, isComplete, type FindingFilters } from "./scan.js";
import type { Finding, Summary } from "./results.js";
import type { Settings } from "./settings.js";
import { buildReport, NO_SELECTION, type Report, type ScanSelection } from "./report.js";
import { CHECKS } from "./services/index.js";
import type { TargetAccount } from "./organization.js";

/**
 * One account of a multi-account scan. `scanned`: every call succeeded and every check evaluated;
 * `partial`: the account was entered but some calls failed or some checks could not evaluate;
 * `failed`: the account could not be entered (AssumeRole refused, role missing, SCP): nothing was read.
 */
export interface AccountScan {
  accountId: string;
  name?: string;
  status: "scanned" | "partial" | "failed";
  /** Failed calls in this account (they are in `scan.errors` with this account id). */
  errors: number;
  summary: Summary;
  responsibilityMatrix: ResponsibilityMatrix;
}

/** A failed call of an organization scan, naming its account. */
export type AccountCallError = CallError & { accountId?: string };

export interface OrganizationEvaluatorOptions {
  checks: readonly Check[];
  settings: Settings;
  mutes: readonly Mute[];
  startedAt: Date;
  filters: FindingFilters;
  /** Regions of a failed account's ERROR results, when the scan was given explicit ones. */
  regions: readonly string[];
  partition: string;
}

const services = (checks: readonly Check[]): string[] => [...new Set(checks.map((c) => c.service))];

export class OrganizationEvaluator {
  readonly #options: OrganizationEvaluatorOptions;
  readonly #active: Mute[];
  readonly expired: ExpiredMute[];
  readonly #catalogue: readonly Check[] = CHECKS;
  readonly #accounts = new Map<
    string,
    { scan: AccountScan; findings: Finding[]; leftOut: Finding[]; collectedAt: string; errors: AccountCallError[]; regions: string[] }
  >();

  constructor(options: OrganizationEvaluatorOptions) {
    this.#options = options;
    const mutes = mutesInForce(options.mutes, options.startedAt);
    this.#active = mutes.active;
    this.expired = mutes.expired;
  }

  /** Evaluates one account's collection; the inventory is not kept. */
  add(result: AccountCollection): void {
    const { checks, settings, filters } = this.#options;
    const { target } = result;
    let inventory: Inventory;
    if ("error" in result) {
      // Nothing could be read: every check is ERROR for this account, naming the refused AssumeRole.
      inventory = {
        format: SNAPSHOT_FORMAT,
        accountId: target.accountId,
        partition: this.#options.partition,
        regions: [...this.#options.regions],
        collectedAt: new Date().toISOString(),
        slices: [],
        errors: [result.error],
      } as unknown as Inventory;
    } else inventory = result.inventory;
    const evaluated = evaluateFindings(inventory, checks, settings, this.#active, filters);
    let { findings } = evaluated;
    if ("error" in result) {
      const error = result.error;
      const message = `account ${target.accountId} could not be scanned: ${error.operation} of ${error.resource ?? "its role"} failed (${error.code})`;
      findings = findings.map((f) => (f.status === "ERROR" ? { ...f, error, message } : f));
    }
    const errors = inventory.errors.map((e) => ({ ...e, accountId: target.accountId }));
    const status = "error" in result ? "failed" : isComplete(inventory.errors, findings) ? "scanned" : "partial";
    this.#accounts.set(target.accountId, {
      scan: {
        accountId: target.accountId,
        ...(target.name ? { name: target.name } : {}),
        status,
        errors: errors.length,
        summary: summarize(findings),
        responsibilityMatrix: buildMatrix(services(checks), checks, findings, { catalogue: this.#catalogue, leftOut: evaluated.leftOut }),
      },
      findings,
      leftOut: evaluated.leftOut,
      collectedAt: inventory.collectedAt,
      errors,
      regions: evaluated.regions,
    });
  }

  /** The report of every account added, in account id order (whatever order they completed in). */
  report(info: {
    stats: CallStats;
    source: string;
    baseline?: Baseline;
    targets?: readonly TargetAccount[];
    principal: string | null;
    selection?: ScanSelection;
  }): Report {
    const { checks, startedAt, filters } = this.#options;
    const ids = [...this.#accounts.keys()].sort();
    const all = ids.map((id) => this.#accounts.get(id)!);
    const findings = all.flatMap((a) => a.findings);
    const errors = all.flatMap((a) => a.errors);
    const regions = [...new Set(all.flatMap((a) => a.regions))].sort();
    const compared = compareWithBaseline(findings, info.baseline, startedAt.toISOString(), {
      checkIds: new Set(checks.map((c) => c.id)),
      regions: new Set(filters.regionFilter ?? regions),
    });
    return buildReport(
      {
        id: randomUUID(),
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        accounts: ids,
        accountScans: all.map((a) => a.scan),
        regions,
        services: services(checks),
        complete: isComplete(errors, findings),
        errors,
        stats: info.stats,
        source: info.source,
        // The earliest account's collection: the report's picture is no older than this.
        collectedAt: all.map((a) => a.collectedAt).sort()[0] ?? startedAt.toISOString(),
        principal: info.principal,
        selection: info.selection ?? NO_SELECTION,
        settings: this.#options.settings,
      },
      compared.findings,
      checks,
      {
        mutelist: { entries: this.#options.mutes.length, active: this.#active, expired: this.expired },
        leftOut: all.flatMap((a) => a.leftOut),
        catalogue: this.#catalogue,
        ...(compared.summary ? { baseline: compared.summary } : {}),
      },
    );
  }
}

import type { Fetched } from "../../inventory/common.js";

/** An IAM Access Analyzer analyzer, as ListAnalyzers gives it. */
export interface Analyzer {
  name: string;
  arn: string;
  /**
   * ACCOUNT | ORGANIZATION (external access: resources shared outside the zone of trust),
   * ACCOUNT_UNUSED_ACCESS | ORGANIZATION_UNUSED_ACCESS (unused permissions),
   * ACCOUNT_INTERNAL_ACCESS | ORGANIZATION_INTERNAL_ACCESS (access from inside the organization).
   */
  type: string;
  /** ACTIVE | CREATING | DISABLED | FAILED */
  status: string;
  /** Why the analyzer is not ACTIVE (e.g. AWS_SERVICE_ACCESS_DISABLED). */
  statusReason?: string;
  createdAt?: string;
  lastResourceAnalyzedAt?: string;
}

/** Everything IAM Access Analyzer read in one region. */
export interface AccessAnalyzerRegionInventory {
  /** Every analyzer of the region, of every type. */
  analyzers?: Fetched<Analyzer[]>;
}

export interface AccessAnalyzerInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, AccessAnalyzerRegionInventory>;
}

import type { Fetched } from "../../inventory/common.js";

/** What DescribeHub says of the account's hub in one region. */
export interface SecurityHubHub {
  hubArn: string;
  /** When Security Hub was enabled in the region (as AWS gives it, ISO 8601). */
  subscribedAt?: string;
  /** Whether new controls of enabled standards are turned on automatically. */
  autoEnableControls?: boolean;
  /** "SECURITY_CONTROL" (consolidated control findings) | "STANDARD_CONTROL" (one finding per standard). */
  controlFindingGenerator?: string;
}

/** Everything Security Hub read in one region. */
export interface SecurityHubRegionInventory {
  /** DescribeHub; `null`: Security Hub is not enabled in the region (AWS answers InvalidAccessException). */
  hub?: Fetched<SecurityHubHub | null>;
}

export interface SecurityHubInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, SecurityHubRegionInventory>;
}

/**
 * Launch templates as the inventory keeps them: the default and the latest version of each, with
 * what the checks judge (metadata options, network interfaces) and their user data scanned for
 * credentials in the collector. The user data itself is never kept.
 */
import type { ResourceRef } from "../../results.js";
import type { UserDataScan } from "../../secrets/types.js";

/** A network interface a launch template version specifies. */
export interface LaunchTemplateInterface {
  deviceIndex?: number;
  /** true: instances get a public IPv4 address on it; false: they do not; absent: the subnet's setting decides. */
  associatePublicIpAddress?: boolean;
  /** An existing interface the version attaches (its own address is not read here). */
  networkInterfaceId?: string;
  subnetId?: string;
  groupIds: string[];
}

/** The instance metadata options a launch template version sets (absent fields: not set, so the AMI's or the account's default applies). */
export interface LaunchTemplateMetadataOptions {
  /** "required" (IMDSv2 only) | "optional" */
  httpTokens?: string;
  /** "enabled" | "disabled" */
  httpEndpoint?: string;
  httpPutResponseHopLimit?: number;
}

export interface LaunchTemplateVersion {
  versionNumber: number;
  /** The version launches use when none is named. */
  isDefault: boolean;
  /** The template's highest version number (what `$Latest` names, e.g. in an Auto Scaling group). */
  isLatest: boolean;
  createdAt?: string;
  /** Absent: the version sets no metadata options. */
  metadataOptions?: LaunchTemplateMetadataOptions;
  networkInterfaces: LaunchTemplateInterface[];
  /** The version's user data, scanned for credentials as it was read; null: the version has none. Never the user data itself. */
  userData: UserDataScan | null;
}

export interface LaunchTemplate {
  launchTemplateId: string;
  launchTemplateName: string;
  arn: string;
  /** Its default version and, when it is another, its latest; in version order. */
  versions: LaunchTemplateVersion[];
}

export const launchTemplateResource = (t: Pick<LaunchTemplate, "arn" | "launchTemplateId">): ResourceRef => ({
  arn: t.arn,
  id: t.launchTemplateId,
  type: "AWS::EC2::LaunchTemplate",
});

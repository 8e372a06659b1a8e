import { AWS_FSBP } from "./aws-fsbp.js";
import { AWS_SECURITY_HUB } from "./aws-security-hub.js";
import { CIS_AWS_FOUNDATIONS_6_0 } from "./cis-aws-foundations-6.0.js";

/** The compliance frameworks checks map to: the keys of `compliance` in check metadata and findings. */
export const FRAMEWORKS = {
  cis: "cis-aws-foundations-6.0",
  fsbp: "aws-fsbp",
  securityHub: "aws-security-hub",
} as const;

export type FrameworkId = (typeof FRAMEWORKS)[keyof typeof FRAMEWORKS];

/** One requirement of a framework: a recommendation or a control. */
export interface Requirement {
  id: string;
  title: string;
  /** CIS marks each recommendation Automated or Manual; Security Hub controls are all automated. */
  automated: boolean;
  /** For Security Hub controls outside FSBP: the standards that hold them. */
  standards?: string;
}

export interface FrameworkInfo {
  /** Short name for tables: "CIS", "FSBP". */
  label: string;
  title: string;
  url: string;
  requirements: readonly Requirement[];
}

export const FRAMEWORK_INFO: Record<FrameworkId, FrameworkInfo> = {
  "cis-aws-foundations-6.0": {
    label: "CIS",
    title: "CIS Amazon Web Services Foundations Benchmark v6.0.0",
    url: "https://www.cisecurity.org/benchmark/amazon_web_services",
    requirements: CIS_AWS_FOUNDATIONS_6_0,
  },
  "aws-fsbp": {
    label: "FSBP",
    title: "AWS Foundational Security Best Practices v1.0.0 (Security Hub standard)",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html",
    requirements: AWS_FSBP,
  },
  "aws-security-hub": {
    label: "Security Hub",
    title: "AWS Security Hub controls outside the FSBP standard (CIS, NIST 800-53, PCI DSS standards)",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html",
    requirements: AWS_SECURITY_HUB,
  },
};

/** Frameworks in the order catalogues list them. */
export const FRAMEWORK_IDS = Object.keys(FRAMEWORK_INFO) as FrameworkId[];

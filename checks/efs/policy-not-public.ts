import { defineCheck, fail, pass } from "../../src/check.js";
import { efsPublicGrants } from "../../src/policy/efs-public.js";
import { fileSystemName, fileSystemPolicy, forEachFileSystem } from "./lib/file-systems.js";

const WHAT = { read: "read access", write: "write access", root: "root access" } as const;

export default defineCheck({
  id: "efs-policy-not-public",
  title: "EFS file system policy does not grant access to everyone",
  service: "efs",
  layer: "data",
  severity: "high",
  risk: { exposure: "public" },
  needs: ["efs.fileSystems", "efs.fileSystemPolicy"],
  rationale:
    'The file system policy decides which NFS clients may mount, write and act as root. A statement that allows Principal "*" ' +
    '(or {"AWS": "*"}, or uses NotPrincipal) without a condition pinning it to known callers (source VPC or VPC endpoint, ' +
    "organization, account, principal ARN, a narrow IP range) lets in any client that reaches a mount target, whatever AWS " +
    "identity it has, or none; aws:SecureTransport and elasticfilesystem:AccessedViaMountTarget do not say who the caller is. A file system " +
    "without a policy is no better: EFS's default policy then gives every client that reaches a mount target full access, root " +
    "included, without IAM authorization. Passes: a policy whose grants to everyone are all pinned, or that names its principals. " +
    "Write or root access for everyone is high severity, read-only access medium.",
  remediation: {
    text:
      "Attach a file system policy that grants ClientMount/ClientWrite only to the roles that need them (or pins grants to " +
      "everyone with aws:SourceVpc or aws:PrincipalOrgID), and mount with IAM authorization (the EFS mount helper's -o iam).",
    cli: "aws efs put-file-system-policy --region <region> --file-system-id <file-system-id> --policy file://policy.json",
    url: "https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html",
  },
  compliance: {},
  noComplianceBecause:
    "Neither the CIS Foundations Benchmark v6.0 nor Security Hub has a control for EFS file system policies (EFS.6 is about mount targets in public subnets).",
  evaluate: (inv, ctx) =>
    forEachFileSystem(inv, ctx, (fs, at) => {
      const { resource, region } = at;
      const policy = fileSystemPolicy(ctx, fs, at);
      if (!policy.ok) return policy.outcome;
      if (policy.value === null)
        return fail(
          resource,
          region,
          `File system ${fileSystemName(fs)} has no file system policy: EFS's default gives every client that reaches a mount target full access, root included, without IAM authorization.`,
          { policy: null },
        );
      const grants = efsPublicGrants(policy.value);
      if (grants.length === 0)
        return pass(
          resource,
          region,
          `File system ${fileSystemName(fs)}'s policy grants nothing to everyone without a pinning condition.`,
          {
            publicStatements: [],
          },
        );
      const worst = grants.find((g) => g.access === "root") ?? grants.find((g) => g.access === "write") ?? grants[0]!;
      return fail(
        resource,
        region,
        `File system ${fileSystemName(fs)}'s policy ${worst.statement} gives everyone ${WHAT[worst.access]} (${worst.actions.join(", ")}) without a condition pinning the caller.`,
        { publicStatements: grants },
        worst.access === "read" ? "medium" : "high",
      );
    }),
});

import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { crossAccountGrants, type CrossAccountGrant } from "../../src/policy/s3-cross-account.js";
import type { IamOrganization } from "../../src/services/iam/inventory.js";
import { listSome } from "../../src/wording.js";
import { bucketPolicy, forEachBucket } from "./lib/buckets.js";

/** What the scan knows about the account's organization. */
type OrgKnowledge = { known: true; org: IamOrganization | null } | { known: false; why: string };

type Membership = "same-organization" | "outside-organization" | "organization-unknown";

interface AccountAccess {
  account: string;
  membership: Membership;
  /** How membership was decided: "management account", "aws:PrincipalOrgID", "not in an organization", … */
  basis: string;
  statements: string[];
}

function classify(grant: CrossAccountGrant, account: string, knowledge: OrgKnowledge): Pick<AccountAccess, "membership" | "basis"> {
  if (!knowledge.known) return { membership: "organization-unknown", basis: `organization unknown (${knowledge.why})` };
  const org = knowledge.org;
  if (org === null) return { membership: "outside-organization", basis: "this account is in no organization" };
  if (account === org.managementAccountId) return { membership: "same-organization", basis: "the organization's management account" };
  if (grant.organizations.includes(org.id)) return { membership: "same-organization", basis: `aws:PrincipalOrgID ${org.id}` };
  return { membership: "outside-organization", basis: `not shown to be in organization ${org.id}` };
}

export default defineCheck({
  id: "s3-bucket-cross-account-access",
  title: "S3 bucket policies grant access only to accounts of the same organization",
  service: "s3",
  layer: "data",
  severity: "medium",
  needs: ["s3.buckets", "s3.bucketPolicy", "iam.organization"],
  rationale:
    "A bucket policy that names principals of other accounts (or lets anyone in, narrowed by aws:PrincipalAccount or " +
    "aws:PrincipalOrgID) lets those accounts' identities read or change the data: this is the list of who outside the " +
    "account can reach it. An account counts as the same organization's when the scan could read the organization " +
    "(organizations:DescribeOrganization) and the account is its management account, or the statement is pinned to the " +
    "organization with aws:PrincipalOrgID; other accounts' membership cannot be seen from a member account, so they are " +
    "reported as outside it (or 'organization unknown' when the organization could not be read, which is no ERROR: the " +
    "accounts are still listed). A bucket passes when its policy grants no other account, or only accounts of the same " +
    "organization without FSBP S3.6's bucket-administration actions (s3:PutBucketPolicy, s3:DeleteBucketPolicy, " +
    "s3:PutBucketAcl, s3:PutObjectAcl, s3:PutEncryptionConfiguration). Medium; high when another account may perform " +
    "those actions. Public grants are s3-bucket-public-policy's.",
  remediation: {
    text: "Remove the statements for accounts that no longer need access, or pin them with aws:PrincipalOrgID; never grant other accounts the bucket-administration actions.",
    cli: "aws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy-without-foreign-accounts.json",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["S3.6"] },
  evaluate: (inv, ctx) => {
    const orgRead = ctx.read("iam.organization");
    const knowledge: OrgKnowledge = orgRead.ok
      ? { known: true, org: orgRead.value }
      : { known: false, why: `${orgRead.error.operation} ${orgRead.error.code}` };
    const organization = knowledge.known
      ? knowledge.org
        ? { id: knowledge.org.id, managementAccountId: knowledge.org.managementAccountId ?? null }
        : "none"
      : `unknown (${knowledge.why})`;
    return forEachBucket(ctx, (bucket, at) => {
      const { resource, region } = at;
      const policy = bucketPolicy(ctx, bucket, at);
      if (!policy.ok) return policy.outcome;
      if (policy.value === null)
        return pass(resource, region, `Bucket ${bucket.name} has no bucket policy: no other account is granted access.`, {
          organization,
          accounts: [],
        });
      const grants = crossAccountGrants(policy.value, inv.accountId);
      const byAccount = new Map<string, AccountAccess>();
      const orgWide: { statement: string; organizations: string[]; membership: Membership; basis: string }[] = [];
      for (const g of grants) {
        if (g.accounts.length === 0) {
          // Anyone in the named organizations.
          const ours = knowledge.known && knowledge.org !== null && g.organizations.includes(knowledge.org.id);
          orgWide.push({
            statement: g.statement,
            organizations: g.organizations,
            membership: ours ? "same-organization" : knowledge.known ? "outside-organization" : "organization-unknown",
            basis: ours
              ? "this account's organization"
              : knowledge.known
                ? "not this account's organization"
                : `organization unknown (${knowledge.why})`,
          });
          continue;
        }
        for (const account of g.accounts) {
          const entry = byAccount.get(account) ?? { account, ...classify(g, account, knowledge), statements: [] };
          // An account stays "same organization" only if every statement naming it shows it.
          const c = classify(g, account, knowledge);
          if (c.membership !== "same-organization") Object.assign(entry, c);
          entry.statements.push(g.statement);
          byAccount.set(account, entry);
        }
      }
      const accounts = [...byAccount.values()];
      const admin = grants.filter((g) => g.adminActions.length > 0);
      const evidence = {
        organization,
        accounts,
        ...(orgWide.length ? { organizationWide: orgWide } : {}),
        statements: grants.map((g) => ({
          statement: g.statement,
          accounts: g.accounts,
          principals: g.principals,
          organizations: g.organizations,
          actions: g.actions,
          adminActions: g.adminActions,
          conditional: g.conditional,
        })),
      };
      if (grants.length === 0)
        return pass(resource, region, `Bucket ${bucket.name}'s policy grants no other account.`, { ...evidence, accounts: [] });
      const outside = [
        ...accounts.filter((a) => a.membership !== "same-organization").map((a) => `${a.account} (${a.basis})`),
        ...orgWide.filter((o) => o.membership !== "same-organization").map((o) => `anyone in ${o.organizations.join(", ")} (${o.basis})`),
      ];
      if (outside.length === 0 && admin.length === 0) {
        const names = [...accounts.map((a) => a.account), ...orgWide.map((o) => `anyone in ${o.organizations.join(", ")}`)];
        return pass(
          resource,
          region,
          `Bucket ${bucket.name}'s policy grants only accounts of the same organization: ${listSome(names, 5)}.`,
          evidence,
        );
      }
      const adminText = admin.length
        ? `; ${listSome(
            admin.map((g) => g.statement),
            3,
          )} also allow${admin.length === 1 ? "s" : ""} ${listSome([...new Set(admin.flatMap((g) => g.adminActions))], 3)} (bucket administration)`
        : "";
      const whom = outside.length ? `grants accounts outside the organization: ${listSome(outside, 4)}` : "grants other accounts access";
      return fail(resource, region, `Bucket ${bucket.name}'s policy ${whom}${adminText}.`, evidence, admin.length ? "high" : "medium");
    });
  },
});

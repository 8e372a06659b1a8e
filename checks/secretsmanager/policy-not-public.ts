import { defineCheck, fail, pass } from "../../src/check.js";
import { parsePolicy, PolicyParseError } from "../../src/policy/document.js";
import { secretPolicyExposure, type PublicSecretGrant, type SecretAccess } from "../../src/policy/secrets-public.js";
import type { Severity } from "../../src/results.js";
import { listSome } from "../../src/wording.js";
import { forEachSecret } from "./lib/secrets.js";

const SEVERITY: Record<SecretAccess, Severity> = { value: "critical", write: "high", metadata: "medium" };
const WHAT: Record<SecretAccess, string> = {
  value: "read the secret's value",
  write: "change the secret or its policy",
  metadata: "read the secret's metadata",
};
const RANK: readonly SecretAccess[] = ["value", "write", "metadata"];

const describeGrant = (g: PublicSecretGrant): string =>
  `${g.statement} allows ${JSON.stringify(g.principal)} ${listSome(g.actions, 4) || "no listed action"}` +
  (g.conditions.length ? " with conditions that do not pin the caller" : " without any condition");

export default defineCheck({
  id: "secretsmanager-policy-not-public",
  title: "No Secrets Manager resource policy lets anyone read or change the secret (Principal * without a condition pinning the caller)",
  service: "secretsmanager",
  layer: "identity",
  severity: "critical",
  needs: ["secretsmanager.secrets", "secretsmanager.resourcePolicy"],
  rationale:
    'A resource policy statement that allows Principal "*" (or {"AWS": "*"}, or uses NotPrincipal) lets every identity of every AWS ' +
    "account act on the secret, needing only a permission in its own account: with secretsmanager:GetSecretValue (which AWS rates " +
    "only a Read action) anyone can read the credential. A condition with fixed values on the caller's organization, account, " +
    "identity or network (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, a narrow aws:SourceIp, …) pins it. Its layer is " +
    "identity: the policy is the secret's access control. Reading the value is critical, changing the secret or its policy high, " +
    "reading metadata only medium. A secret without a resource policy passes (only this account's IAM policies grant access); a " +
    "policy that could not be read is an ERROR for that secret. The policy is the same analysis as for KMS key policies " +
    "(src/policy/resource-public.ts).",
  remediation: {
    text: "Name the accounts or roles that need the secret in Principal, or add a condition such as aws:PrincipalOrgID; turn on BlockPublicPolicy when you put it back.",
    cli: "aws secretsmanager put-resource-policy --secret-id <secret-arn> --resource-policy file://secret-policy.json --block-public-policy",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html",
    fill: { "secret-arn": "resource.arn" },
  },
  compliance: {},
  noComplianceBecause:
    "Neither the CIS AWS Foundations Benchmark v6.0 nor Security Hub has a control for public Secrets Manager resource policies.",
  evaluate: (inv, ctx) =>
    forEachSecret(inv, ctx, (s, { resource, region, label }) => {
      const read = ctx.read("secretsmanager.resourcePolicy", s, region);
      if (!read.ok) return read.outcome;
      if (read.value === null) {
        return pass(resource, region, `${label} has no resource policy: only identities this account's IAM policies allow can use it.`, {
          arn: s.arn,
          resourcePolicy: null,
        });
      }
      let exposure;
      try {
        exposure = secretPolicyExposure(parsePolicy(read.value));
      } catch (err) {
        if (err instanceof PolicyParseError) {
          return ctx.unusable("secretsmanager.resourcePolicy", {
            resource,
            region,
            code: "PolicyUnreadable",
            message: `resource policy of ${label}: ${err.message}`,
            about: s.arn,
          });
        }
        throw err;
      }
      const evidence = { arn: s.arn, ...(exposure.pinned.length ? { pinnedStatements: exposure.pinned } : {}) };
      if (exposure.public.length === 0) {
        const pinned = exposure.pinned.length
          ? `; its statements for everyone are pinned by ${[...new Set(exposure.pinned.flatMap((p) => p.pinnedBy))].join(", ")}`
          : "";
        return pass(
          resource,
          region,
          `The resource policy of ${label} does not let anyone outside named principals use it${pinned}.`,
          evidence,
        );
      }
      const worst = RANK.find((a) => exposure.public.some((g) => g.access === a))!;
      return fail(
        resource,
        region,
        `The resource policy of ${label} lets anyone ${WHAT[worst]}: ${exposure.public.map(describeGrant).join("; ")}.`,
        { ...evidence, publicStatements: exposure.public },
        SEVERITY[worst],
      );
    }),
});

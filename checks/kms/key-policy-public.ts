import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { parsePolicy, PolicyParseError } from "../../src/policy/document.js";
import { keyPolicyExposure, type PublicKeyGrant } from "../../src/policy/kms-public.js";
import { listSome } from "../../src/wording.js";
import { forEachKey, keyEvidence } from "./lib/keys.js";

const describeGrant = (g: PublicKeyGrant): string =>
  `${g.statement} allows ${JSON.stringify(g.principal)} ${listSome(g.actions, 4) || "no listed action"}` +
  (g.conditions.length ? " with conditions that do not pin the caller" : " without any condition");

export default defineCheck({
  id: "kms-key-policy-public",
  title: "No KMS key policy lets anyone use or manage the key (Principal * without a condition pinning the caller)",
  service: "kms",
  layer: "identity",
  severity: "critical",
  risk: { exposure: "public" },
  needs: ["kms.keys", "kms.keyPolicy", "kms.aliases"],
  rationale:
    'A key policy statement that allows Principal "*" (or {"AWS": "*"}) lets every identity of every AWS account use the key, ' +
    "needing only a permission in its own account: anyone who obtains data encrypted under the key can decrypt it, and a grant of " +
    "kms:* also lets them change the policy or schedule the key's deletion. A condition with fixed values on the caller's account, " +
    "organization, identity or network (kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, " +
    "aws:SourceAccount, aws:SourceVpce, a narrow aws:SourceIp, …) pins it; kms:ViaService alone does not. Its layer is identity: " +
    "the key policy is the key's access control, and the finding is about who may call KMS with it (the data stays where it is " +
    "until someone also obtains the ciphertext). A public statement granting only metadata reads (DescribeKey, GetKeyPolicy, " +
    "GetPublicKey, List*) is medium. Customer managed keys are judged; AWS managed keys' policies are written by AWS, pinned to " +
    "the account with kms:CallerAccount, and cannot be changed. A key policy that could not be read is an ERROR for that key.",
  remediation: {
    text: "Name the accounts or roles that need the key in Principal, or add a condition such as kms:CallerAccount or aws:PrincipalOrgID to the statement, and put the policy back.",
    cli: "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["KMS.5"] },
  evaluate: (inv, ctx) =>
    forEachKey(inv, ctx, (key, m, at) => {
      const { resource, region, label } = at;
      if (m.keyManager === "AWS") return undefined;
      const read = ctx.read("kms.keyPolicy", key, region);
      if (!read.ok) return read.outcome;
      const unusable = (code: string, message: string) =>
        ctx.unusable("kms.keyPolicy", { resource, region, code, message: `key policy of ${label}: ${message}`, about: key.arn });
      if (read.value === null) return unusable("PolicyMissing", "GetKeyPolicy returned no policy");
      let exposure;
      try {
        exposure = keyPolicyExposure(parsePolicy(read.value));
      } catch (err) {
        if (err instanceof PolicyParseError) return unusable("PolicyUnreadable", err.message);
        throw err;
      }
      const evidence = { ...keyEvidence(key, m, at), ...(exposure.pinned.length ? { pinnedStatements: exposure.pinned } : {}) };
      if (exposure.public.length === 0) {
        const pinned = exposure.pinned.length
          ? `; its statement${exposure.pinned.length === 1 ? "" : "s"} for everyone ${exposure.pinned.length === 1 ? "is" : "are"} pinned by ${[...new Set(exposure.pinned.flatMap((p) => p.pinnedBy))].join(", ")}`
          : "";
        return pass(resource, region, `The key policy of ${label} does not let anyone outside named principals use it${pinned}.`, evidence);
      }
      const write = exposure.public.some((g) => g.access === "write");
      return fail(
        resource,
        region,
        `The key policy of ${label} is public: ${exposure.public.map(describeGrant).join("; ")}.`,
        { ...evidence, publicStatements: exposure.public },
        write ? undefined : "medium",
      );
    }),
});

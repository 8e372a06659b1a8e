import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { pendingDeletion, rotationApplies } from "../../src/services/kms/inventory.js";
import { deletionWhen, forEachKey, keyEvidence } from "./lib/keys.js";

export default defineCheck({
  id: "kms-key-rotation",
  title: "Customer managed symmetric KMS keys rotate their key material automatically",
  service: "kms",
  layer: "encryption",
  severity: "medium",
  needs: ["kms.keys", "kms.keyRotation", "kms.aliases"],
  rationale:
    "With automatic rotation AWS KMS makes new key material for the key every rotation period (a year by default) and keeps the old " +
    "material to decrypt what it encrypted, so a compromised or over-used key version protects less and less data over time, with no " +
    "change for the applications using the key. Judged for customer managed SYMMETRIC_DEFAULT keys with AWS_KMS key material, " +
    "enabled or disabled: they pass when GetKeyRotationStatus says rotation is on. Keys AWS KMS cannot rotate automatically " +
    "(asymmetric, HMAC, imported key material, custom key stores) and AWS managed keys (AWS rotates them every year; nobody can " +
    "change that) get no result: there is nothing to turn on. A key scheduled for deletion is noted as such, not failed.",
  remediation: {
    text: "Turn on automatic rotation for the key (optionally with a rotation period of 90 to 2560 days).",
    cli: "aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/rotating-keys-enable.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.6"], [FRAMEWORKS.securityHub]: ["KMS.4"] },
  evaluate: (inv, ctx) =>
    forEachKey(inv, ctx, (key, m, at) => {
      const { resource, region, label } = at;
      if (!rotationApplies(m)) return undefined;
      const evidence = keyEvidence(key, m, at);
      if (pendingDeletion(m)) {
        return pass(
          resource,
          region,
          `Customer managed ${label} is scheduled for deletion ${deletionWhen(m, inv)}: its rotation is not evaluated (kms-key-pending-deletion reports it).`,
          { ...evidence, ...(m.deletionDate ? { deletionDate: m.deletionDate } : {}) },
        );
      }
      const rotation = ctx.read("kms.keyRotation", key, region);
      if (!rotation.ok) return rotation.outcome;
      // AWS said UnsupportedOperationException for a key DescribeKey calls symmetric with AWS_KMS material: nothing to turn on.
      if (rotation.value === null) return undefined;
      const r = rotation.value;
      const state = m.keyState === "Enabled" ? "" : ` (${m.keyState.toLowerCase()})`;
      if (r.enabled) {
        const period = r.rotationPeriodInDays !== undefined ? ` every ${r.rotationPeriodInDays} days` : "";
        const next = r.nextRotationDate ? `, next on ${r.nextRotationDate}` : "";
        return pass(resource, region, `Customer managed ${label}${state} rotates its key material automatically${period}${next}.`, {
          ...evidence,
          rotation: r,
        });
      }
      return fail(resource, region, `Customer managed ${label}${state} does not rotate its key material: automatic rotation is off.`, {
        ...evidence,
        rotation: r,
      });
    }),
});

import { expect } from "vitest";
import check from "../../../checks/kms/key-rotation.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { alias, awsManaged, describeDenied, EU, k, key, kmsInventory, metadata, pendingDeletion, US } from "../../services/kms/fixtures.js";

/** Keys automatic rotation does not apply to: no result for any of them. */
const notRotatable = [
  key("awsebs", { metadata: ok(awsManaged()), rotation: ok(null), policy: ok(null) }),
  key("rsa", { metadata: ok(metadata({ keySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })), rotation: ok(null) }),
  key("hmac", { metadata: ok(metadata({ keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" })), rotation: ok(null) }),
  key("import", { metadata: ok(metadata({ origin: "EXTERNAL" })), rotation: ok(null) }),
  key("hsm", { metadata: ok(metadata({ origin: "AWS_CLOUDHSM", customKeyStoreId: "cks-1234567890abcdef0" })), rotation: ok(null) }),
];

export default checkCases(check, {
  pass: [
    {
      name: "rotation on, named by its alias, with period and next rotation",
      inventory: kmsInventory({ [US]: [key("app")] }, { [US]: [alias("alias/app-data", "app")] }),
      findings: [
        {
          status: "PASS",
          region: US,
          resource: { id: k("app"), type: "AWS::KMS::Key" },
          responsibility: { layer: "encryption" },
          evidence: { aliases: ["alias/app-data"], rotation: { enabled: true, rotationPeriodInDays: 365 } },
        },
      ],
      assert: ([f]) =>
        expect(f!.message).toBe(
          `Customer managed key ${k("app")} (alias/app-data) rotates its key material automatically every 365 days, next on 2026-12-01T00:00:00.000Z.`,
        ),
    },
    {
      name: "a key pending deletion is noted with its own message, not failed, and its rotation is not needed",
      inventory: kmsInventory({ [US]: [key("doomed", { metadata: ok(pendingDeletion(9)), rotation: ok(null) })] }),
      findings: [{ status: "PASS", evidence: { keyState: "PendingDeletion" } }],
      assert: ([f]) =>
        expect(f!.message).toMatch(/is scheduled for deletion on 2026-07-09T12:00:00.000Z \(in 9 days\): its rotation is not evaluated/),
    },
    {
      name: "a disabled key with rotation on",
      inventory: kmsInventory({ [US]: [key("off", { metadata: ok(metadata({ keyState: "Disabled", enabled: false })) })] }),
      assert: ([f]) => expect(f!.message).toContain("(disabled) rotates its key material"),
    },
    {
      name: "the aliases could not be read: keys are still judged, named by id",
      inventory: kmsInventory({ [US]: [key("app")] }, { [US]: denied("kms.aliases", { code: "AccessDeniedException" }) }),
      assert: ([f]) => expect(f!.message).toMatch(/^Customer managed key app00000-[-0-9a-f]+ rotates/),
    },
  ],
  fail: [
    {
      name: "rotation off; AWS managed, asymmetric, HMAC, imported and custom key store keys get no result",
      inventory: kmsInventory({ [US]: [...notRotatable, key("stale", { rotation: ok({ enabled: false }) })] }),
      findings: [{ status: "FAIL", severity: "medium", resource: { id: k("stale") }, evidence: { rotation: { enabled: false } } }],
      assert: ([f]) =>
        expect(f!.message).toBe(`Customer managed key ${k("stale")} does not rotate its key material: automatic rotation is off.`),
    },
    {
      name: "a disabled key that does not rotate, in eu-west-1",
      inventory: kmsInventory({
        [EU]: [
          key("old", { region: EU, metadata: ok(metadata({ keyState: "Disabled", enabled: false })), rotation: ok({ enabled: false }) }),
        ],
      }),
      findings: [{ status: "FAIL", region: EU, resource: { arn: `arn:aws:kms:${EU}:123456789012:key/${k("old")}` } }],
    },
  ],
  error: [
    {
      name: "the rotation status could not be read",
      inventory: kmsInventory({ [US]: [key("app", { rotation: denied("kms.keyRotation", { code: "AccessDeniedException" }) })] }),
      findings: [{ status: "ERROR", error: { operation: "GetKeyRotationStatus", code: "AccessDeniedException" } }],
    },
    {
      name: "DescribeKey was denied for one key (its key policy): ERROR for that key, never a guess; the others are judged",
      inventory: kmsInventory({ [US]: [key("hidden", { metadata: describeDenied(k("hidden")) }), key("app")] }),
      findings: [
        { status: "ERROR", resource: { id: k("hidden") }, error: { operation: "DescribeKey", code: "AccessDeniedException" } },
        { status: "PASS", resource: { id: k("app") } },
      ],
    },
    {
      name: "a region's keys could not be listed; the other region's are still judged",
      inventory: kmsInventory({ [US]: [key("app")], [EU]: denied("kms.keys", { region: EU, code: "AccessDeniedException" }) }),
      findings: [
        { status: "PASS", region: US },
        { status: "ERROR", region: EU, resource: { arn: `arn:aws:kms:${EU}:123456789012:account` }, error: { operation: "ListKeys" } },
      ],
    },
  ],
});

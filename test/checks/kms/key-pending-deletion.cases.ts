import { expect } from "vitest";
import check from "../../../checks/kms/key-pending-deletion.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { alias, awsManaged, describeDenied, EU, k, key, kmsInventory, metadata, pendingDeletion, US } from "../../services/kms/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "enabled and disabled customer managed keys; an AWS managed key gets no result",
      inventory: kmsInventory({
        [US]: [
          key("app"),
          key("off", { metadata: ok(metadata({ keyState: "Disabled", enabled: false })) }),
          key("awsebs", { metadata: ok(awsManaged()) }),
        ],
      }),
      findings: [
        {
          status: "PASS",
          resource: { id: k("app") },
          message: `Customer managed key ${k("app")} is not scheduled for deletion (state Enabled).`,
        },
        { status: "PASS", resource: { id: k("off") }, evidence: { keyState: "Disabled" } },
      ],
    },
  ],
  fail: [
    {
      name: "a key scheduled for deletion, with its date and the days left",
      inventory: kmsInventory(
        { [US]: [key("doomed", { metadata: ok(pendingDeletion(12)) }), key("app")] },
        { [US]: [alias("alias/legacy", "doomed")] },
      ),
      findings: [
        {
          status: "FAIL",
          severity: "low",
          region: US,
          resource: { id: k("doomed"), type: "AWS::KMS::Key" },
          responsibility: { layer: "encryption" },
          compliance: { "aws-fsbp": ["KMS.3"] },
          evidence: { keyState: "PendingDeletion", deletionDate: "2026-07-12T12:00:00.000Z", aliases: ["alias/legacy"] },
        },
        { status: "PASS", resource: { id: k("app") } },
      ],
      assert: ([f]) =>
        expect(f!.message).toBe(
          `Customer managed key ${k("doomed")} (alias/legacy) is scheduled for deletion on 2026-07-12T12:00:00.000Z (in 12 days): confirm that nothing still encrypted under it is needed.`,
        ),
    },
    {
      name: "a multi-Region replica pending deletion, known by its waiting period only",
      inventory: kmsInventory({
        [EU]: [
          key("replica", {
            region: EU,
            metadata: ok(
              metadata({
                keyState: "PendingReplicaDeletion",
                enabled: false,
                multiRegion: true,
                multiRegionKeyType: "REPLICA",
                pendingDeletionWindowInDays: 7,
              }),
            ),
          }),
        ],
      }),
      findings: [{ status: "FAIL", region: EU, evidence: { pendingDeletionWindowInDays: 7 } }],
      assert: ([f]) => expect(f!.message).toContain("is scheduled for deletion after a waiting period of 7 days"),
    },
  ],
  error: [
    {
      name: "DescribeKey was denied for a key: nothing says whether it is pending deletion",
      inventory: kmsInventory({ [US]: [key("hidden", { metadata: describeDenied(k("hidden")) })] }),
      findings: [{ status: "ERROR", error: { operation: "DescribeKey", resource: `arn:aws:kms:${US}:123456789012:key/${k("hidden")}` } }],
    },
    {
      name: "the keys could not be listed",
      inventory: kmsInventory({ [US]: denied("kms.keys", { code: "AccessDeniedException" }) }),
      findings: [{ status: "ERROR", error: { operation: "ListKeys", code: "AccessDeniedException" } }],
    },
  ],
});

import { expect } from "vitest";
import check from "../../../checks/ec2/ebs-snapshot-public.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional, snapshot } from "../../support/fixtures/ec2.js";
import type { Snapshot } from "../../../src/services/ec2/inventory.js";

const snapshots = (...list: Snapshot[]) => regional({ ec2: { "us-east-1": { snapshots: ok(list) } } });

export default checkCases(check, {
  pass: [
    {
      name: "a private snapshot and one shared with an account",
      inventory: snapshots(
        snapshot("snap-private", false, { createVolumePermissions: ok([]) }),
        snapshot("snap-shared", true, { createVolumePermissions: ok([{ userId: "210987654321" }]) }),
      ),
      findings: [
        { resource: { id: "snap-private" }, status: "PASS" },
        {
          resource: { id: "snap-shared" },
          status: "PASS",
          message: "Snapshot snap-shared is not public; it is shared with account(s) 210987654321.",
        },
      ],
    },
  ],
  fail: [
    {
      name: 'createVolumePermission grants group "all"',
      inventory: snapshots(snapshot("snap-public", false, { createVolumePermissions: ok([{ group: "all" }]) })),
      findings: [
        {
          resource: { id: "snap-public", arn: "arn:aws:ec2:us-east-1::snapshot/snap-public", type: "AWS::EC2::Snapshot" },
          status: "FAIL",
          severity: "critical",
          evidence: { createVolumePermissions: [{ group: "all" }] },
          responsibility: { layer: "data", awsModel: "Customer data" },
        },
      ],
      assert: ([f]) => expect(f!.message).toContain('grants group "all"'),
    },
  ],
  error: [
    {
      name: "ERROR for the snapshot whose attribute could not be read",
      inventory: snapshots(snapshot("snap-unread", false, { createVolumePermissions: denied("ec2.snapshotPermissions") })),
      findings: [{ resource: { id: "snap-unread" }, status: "ERROR", error: { operation: "DescribeSnapshotAttribute" } }],
    },
    {
      name: "ERROR for the snapshot whose attribute was not collected",
      inventory: snapshots(snapshot("snap-notcollected", false)),
      findings: [
        { resource: { id: "snap-notcollected" }, status: "ERROR", error: { operation: "DescribeSnapshotAttribute", code: "NotCollected" } },
      ],
    },
    {
      name: "one unreadable snapshot does not hide the others",
      inventory: snapshots(
        snapshot("snap-public", false, { createVolumePermissions: ok([{ group: "all" }]) }),
        snapshot("snap-private", false, { createVolumePermissions: ok([]) }),
        snapshot("snap-unread", false, { createVolumePermissions: denied("ec2.snapshotPermissions") }),
      ),
      findings: [
        { resource: { id: "snap-public" }, status: "FAIL" },
        { resource: { id: "snap-private" }, status: "PASS" },
        { resource: { id: "snap-unread" }, status: "ERROR" },
      ],
    },
  ],
});

import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine.js";
import defaultEncryption from "../../../checks/ec2/ebs-default-encryption.js";
import volumeEncrypted from "../../../checks/ec2/ebs-volume-encrypted.js";
import snapshotEncrypted from "../../../checks/ec2/ebs-snapshot-encrypted.js";
import snapshotPublic from "../../../checks/ec2/ebs-snapshot-public.js";
import type { Snapshot, Volume } from "../../../src/inventory/ec2.js";
import { ACCOUNT, denied, inventory, ok } from "../../fixtures/ec2/builders.js";

const volume = (volumeId: string, encrypted: boolean, attachedInstanceIds: string[] = []): Volume => ({
  volumeId,
  arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/${volumeId}`,
  encrypted,
  state: attachedInstanceIds.length ? "in-use" : "available",
  attachedInstanceIds,
  ...(encrypted ? { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k1" } : {}),
});

const snapshot = (snapshotId: string, encrypted: boolean, extra: Partial<Snapshot> = {}): Snapshot => ({
  snapshotId,
  arn: `arn:aws:ec2:us-east-1::snapshot/${snapshotId}`,
  encrypted,
  volumeId: "vol-1",
  ...extra,
});

describe("ec2-ebs-default-encryption", () => {
  it("gives one result per region with a stable regional ARN; ERROR where the setting could not be read", () => {
    const inv = inventory({
      regions: ["us-east-1", "eu-west-1", "ap-south-1"],
      ec2: {
        "us-east-1": { ebsEncryptionByDefault: ok(true) },
        "eu-west-1": { ebsEncryptionByDefault: ok(false) },
        "ap-south-1": { ebsEncryptionByDefault: denied("GetEbsEncryptionByDefault", "ap-south-1") },
      },
    });
    const findings = evaluate(inv, [defaultEncryption]);
    expect(findings.map((f) => [f.region, f.status, f.resource.arn])).toEqual([
      ["us-east-1", "PASS", "arn:aws:ec2:us-east-1:123456789012:account"],
      ["eu-west-1", "FAIL", "arn:aws:ec2:eu-west-1:123456789012:account"],
      ["ap-south-1", "ERROR", "arn:aws:ec2:ap-south-1:123456789012:account"],
    ]);
    expect(findings[1]?.message).toBe("EBS encryption by default is disabled in eu-west-1 (GetEbsEncryptionByDefault: false).");
    expect(findings[1]?.responsibility).toMatchObject({
      layer: "encryption",
      awsModel: "Server-side encryption (file system and/or data)",
    });
    expect(new Set(findings.map((f) => f.id)).size).toBe(3);
  });
});

describe("ec2-ebs-volume-encrypted", () => {
  it("passes encrypted volumes and fails plain ones, naming attachments", () => {
    const inv = inventory({ ec2: { "us-east-1": { volumes: ok([volume("vol-enc", true), volume("vol-plain", false, ["i-1"])]) } } });
    const [enc, plain] = evaluate(inv, [volumeEncrypted]);
    expect(enc).toMatchObject({ status: "PASS", resource: { id: "vol-enc", type: "AWS::EC2::Volume" } });
    expect(plain).toMatchObject({
      status: "FAIL",
      message: "Volume vol-plain (attached to i-1) is not encrypted (Encrypted: false).",
      evidence: { volumeId: "vol-plain", encrypted: false, attachedInstanceIds: ["i-1"] },
    });
  });

  it("reports ERROR when volumes could not be read", () => {
    const inv = inventory({ ec2: { "us-east-1": { volumes: denied("DescribeVolumes") } } });
    expect(evaluate(inv, [volumeEncrypted]).map((f) => f.status)).toEqual(["ERROR"]);
  });
});

describe("ec2-ebs-snapshot-encrypted", () => {
  it("passes encrypted snapshots, fails plain ones, ERROR when the list failed", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": { snapshots: ok([snapshot("snap-enc", true), snapshot("snap-plain", false)]) },
        "eu-west-1": { snapshots: denied("DescribeSnapshots", "eu-west-1") },
      },
    });
    expect(evaluate(inv, [snapshotEncrypted]).map((f) => `${f.resource.id}:${f.status}`)).toEqual([
      "snap-enc:PASS",
      "snap-plain:FAIL",
      "123456789012:ERROR",
    ]);
  });
});

describe("ec2-ebs-snapshot-public", () => {
  it("fails group all, passes private and account-shared snapshots, ERROR for the one whose attribute failed", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": {
          snapshots: ok([
            snapshot("snap-public", false, { createVolumePermissions: ok([{ group: "all" }]) }),
            snapshot("snap-private", false, { createVolumePermissions: ok([]) }),
            snapshot("snap-shared", true, { createVolumePermissions: ok([{ userId: "210987654321" }]) }),
            snapshot("snap-unread", false, { createVolumePermissions: denied("DescribeSnapshotAttribute") }),
            snapshot("snap-notcollected", false),
          ]),
        },
      },
    });
    const f = Object.fromEntries(evaluate(inv, [snapshotPublic]).map((x) => [x.resource.id, x]));
    expect(f["snap-public"]).toMatchObject({
      status: "FAIL",
      severity: "critical",
      evidence: { createVolumePermissions: [{ group: "all" }] },
      responsibility: { layer: "data", awsModel: "Customer data" },
      resource: { arn: "arn:aws:ec2:us-east-1::snapshot/snap-public", type: "AWS::EC2::Snapshot" },
    });
    expect(f["snap-public"]?.message).toContain('grants group "all"');
    expect(f["snap-private"]?.status).toBe("PASS");
    expect(f["snap-shared"]).toMatchObject({
      status: "PASS",
      message: "Snapshot snap-shared is not public; it is shared with account(s) 210987654321.",
    });
    expect(f["snap-unread"]).toMatchObject({ status: "ERROR", error: { operation: "DescribeSnapshotAttribute" } });
    expect(f["snap-notcollected"]).toMatchObject({
      status: "ERROR",
      error: { operation: "DescribeSnapshotAttribute", code: "NotCollected" },
    });
  });
});

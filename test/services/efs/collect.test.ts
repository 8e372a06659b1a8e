import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { DescribeFileSystemPolicyCommand, DescribeFileSystemsCommand, EFSClient } from "@aws-sdk/client-efs";
import type { SliceId } from "../../../src/inventory/index.js";
import service from "../../../src/services/efs/index.js";
import type { EfsInventory } from "../../../src/services/efs/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const US = "us-east-1";
const EU = "eu-west-1";
let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(wanted: SliceId[] = allSlicesOf(service)) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, [US, EU], session);
  const mocks = Object.fromEntries([US, EU].map((r) => [r, mockClient(session.client(EFSClient, "elasticfilesystem", r))]));
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

const created = new Date("2026-01-15T09:30:00Z");
const sdkFs = (id: string, region: string, extra: object = {}) => ({
  OwnerId: ACCOUNT,
  CreationToken: `token-${id}`,
  FileSystemId: id,
  FileSystemArn: `arn:aws:elasticfilesystem:${region}:${ACCOUNT}:file-system/${id}`,
  CreationTime: created,
  LifeCycleState: "available" as const,
  NumberOfMountTargets: 2,
  SizeInBytes: { Value: 6144 },
  PerformanceMode: "generalPurpose" as const,
  ThroughputMode: "elastic" as const,
  Encrypted: false,
  Tags: [],
  ...extra,
});
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "elasticfilesystem:ClientMount" }],
});

describe("efs collector", () => {
  it("lists file systems 100 a page, then reads each one's policy in its region (PolicyNotFound: none)", async () => {
    const { ctx, mocks } = setup();
    mocks[US]!.on(DescribeFileSystemsCommand, { MaxItems: 100 }).resolves({
      FileSystems: [
        sdkFs("fs-0a1b2c3d", US, {
          Name: "shared-home",
          Encrypted: true,
          KmsKeyId: `arn:aws:kms:${US}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        }),
      ],
      NextMarker: "m2",
    });
    mocks[US]!.on(DescribeFileSystemsCommand, { MaxItems: 100, Marker: "m2" }).resolves({
      FileSystems: [sdkFs("fs-22222222", US, { AvailabilityZoneName: "us-east-1a" })],
    });
    mocks[US]!.on(DescribeFileSystemPolicyCommand, { FileSystemId: "fs-0a1b2c3d" }).resolves({
      FileSystemId: "fs-0a1b2c3d",
      Policy: POLICY,
    });
    mocks[US]!.on(DescribeFileSystemPolicyCommand, { FileSystemId: "fs-22222222" }).rejects(awsError("PolicyNotFound", 404));
    mocks[EU]!.on(DescribeFileSystemsCommand).resolves({ FileSystems: [] });

    const inv: EfsInventory = await collect(service, ctx);
    expect(ctx.errors).toEqual([]);
    expect(inv.regions[US]?.fileSystems).toEqual({
      ok: true,
      value: [
        {
          id: "fs-0a1b2c3d",
          arn: `arn:aws:elasticfilesystem:${US}:${ACCOUNT}:file-system/fs-0a1b2c3d`,
          name: "shared-home",
          encrypted: true,
          kmsKeyId: `arn:aws:kms:${US}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
          lifeCycleState: "available",
          createdAt: "2026-01-15T09:30:00.000Z",
          performanceMode: "generalPurpose",
          throughputMode: "elastic",
          numberOfMountTargets: 2,
          policy: { ok: true, value: POLICY },
        },
        {
          id: "fs-22222222",
          arn: `arn:aws:elasticfilesystem:${US}:${ACCOUNT}:file-system/fs-22222222`,
          encrypted: false,
          lifeCycleState: "available",
          createdAt: "2026-01-15T09:30:00.000Z",
          performanceMode: "generalPurpose",
          throughputMode: "elastic",
          numberOfMountTargets: 2,
          availabilityZoneName: "us-east-1a",
          policy: { ok: true, value: null },
        },
      ],
    });
    expect(inv.regions[EU]?.fileSystems).toEqual({ ok: true, value: [] });
    expect(mocks[US]!.commandCalls(DescribeFileSystemsCommand)).toHaveLength(2);
    expect(mocks[EU]!.commandCalls(DescribeFileSystemPolicyCommand)).toHaveLength(0);
  });

  it("builds the ARN when DescribeFileSystems gives none; a failed policy read is an ERROR for that file system only", async () => {
    const { ctx, mocks } = setup();
    const { FileSystemArn: _arn, ...noArn } = sdkFs("fs-0a1b2c3d", EU);
    mocks[US]!.on(DescribeFileSystemsCommand).rejects(awsError("AccessDeniedException", 403));
    mocks[EU]!.on(DescribeFileSystemsCommand).resolves({ FileSystems: [noArn, sdkFs("fs-22222222", EU)] });
    mocks[EU]!.on(DescribeFileSystemPolicyCommand, { FileSystemId: "fs-0a1b2c3d" }).rejects(awsError("AccessDeniedException", 403));
    mocks[EU]!.on(DescribeFileSystemPolicyCommand, { FileSystemId: "fs-22222222" }).resolves({ Policy: POLICY });
    const inv: EfsInventory = await collect(service, ctx);
    expect(inv.regions[US]?.fileSystems).toMatchObject({
      ok: false,
      error: { service: "elasticfilesystem", operation: "DescribeFileSystems", region: US, code: "AccessDeniedException" },
    });
    const eu = inv.regions[EU]?.fileSystems;
    const [a, b] = eu?.ok ? eu.value : [];
    expect(a?.arn).toBe(`arn:aws:elasticfilesystem:${EU}:${ACCOUNT}:file-system/fs-0a1b2c3d`);
    expect(a?.policy).toMatchObject({
      ok: false,
      error: { operation: "DescribeFileSystemPolicy", region: EU, code: "AccessDeniedException", resource: "fs-0a1b2c3d" },
    });
    expect(b?.policy).toEqual({ ok: true, value: POLICY });
    expect(ctx.errors.map((e) => `${e.region} ${e.operation}`).sort()).toEqual([
      `${EU} DescribeFileSystemPolicy`,
      `${US} DescribeFileSystems`,
    ]);
  });

  it("reads only the wanted slices", async () => {
    const { ctx, mocks } = setup(["efs.fileSystems"]);
    mocks[US]!.on(DescribeFileSystemsCommand).resolves({ FileSystems: [sdkFs("fs-0a1b2c3d", US)] });
    mocks[EU]!.on(DescribeFileSystemsCommand).resolves({ FileSystems: [] });
    const inv: EfsInventory = await collect(service, ctx);
    const us = inv.regions[US]?.fileSystems;
    expect(us?.ok && Object.keys(us.value[0]!)).not.toContain("policy");
    expect(mocks[US]!.commandCalls(DescribeFileSystemPolicyCommand)).toHaveLength(0);
  });
});

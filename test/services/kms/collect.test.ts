import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  type KeyMetadata,
} from "@aws-sdk/client-kms";
import type { SliceId } from "../../../src/inventory/index.js";
import service from "../../../src/services/kms/index.js";
import type { KmsInventory, KmsKey } from "../../../src/services/kms/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { EU, k, keyArn, ROOT_ONLY, US } from "./fixtures.js";

let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(regions: string[], wanted: SliceId[] = allSlicesOf(service)) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, regions, session);
  const mocks = Object.fromEntries(regions.map((r) => [r, mockClient(session.client(KMSClient, "kms", r))]));
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

const sdkMeta = (tag: string, extra: Partial<KeyMetadata> = {}, region = US): KeyMetadata => ({
  KeyId: k(tag),
  Arn: keyArn(k(tag), region),
  KeyManager: "CUSTOMER",
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  KeyState: "Enabled",
  Enabled: true,
  MultiRegion: false,
  CreationDate: new Date("2025-01-01T00:00:00Z"),
  ...extra,
});

const listed = (...tags: string[]) => tags.map((t) => ({ KeyId: k(t), KeyArn: keyArn(k(t)) }));

function describeEach(mock: ReturnType<typeof mockClient>, metas: KeyMetadata[]) {
  for (const m of metas) mock.on(DescribeKeyCommand, { KeyId: m.Arn }).resolves({ KeyMetadata: m });
}

const keysOf = (inv: KmsInventory, region: string): KmsKey[] => {
  const keys = inv.regions[region]?.keys;
  return keys?.ok ? keys.value : [];
};

describe("kms collector", () => {
  it("lists every page of keys and aliases at the largest page sizes, and asks each key only what applies to it", async () => {
    const { ctx, mocks } = setup([US]);
    const us = mocks[US]!;
    us.on(ListKeysCommand)
      .resolvesOnce({ Keys: listed("app", "awsebs"), Truncated: true, NextMarker: "m1" })
      .resolvesOnce({ Keys: listed("rsa", "doomed"), Truncated: false });
    describeEach(us, [
      sdkMeta("app", { Description: "application data" }),
      sdkMeta("awsebs", { KeyManager: "AWS", Description: "Default key that protects my EBS volumes" }),
      sdkMeta("rsa", { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }),
      sdkMeta("doomed", { KeyState: "PendingDeletion", Enabled: false, DeletionDate: new Date("2026-07-09T00:00:00Z") }),
    ]);
    us.on(GetKeyRotationStatusCommand).resolves({
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
      NextRotationDate: new Date("2026-12-01T00:00:00Z"),
    });
    us.on(GetKeyPolicyCommand).resolves({ Policy: ROOT_ONLY, PolicyName: "default" });
    us.on(ListAliasesCommand)
      .resolvesOnce({
        Aliases: [{ AliasName: "alias/app-data", AliasArn: "arn:a", TargetKeyId: k("app") }],
        Truncated: true,
        NextMarker: "a1",
      })
      .resolvesOnce({
        Aliases: [{ AliasName: "alias/aws/ebs", TargetKeyId: k("awsebs") }, { AliasName: "alias/aws/s3" }],
        Truncated: false,
      });

    const inv: KmsInventory = await collect(service, ctx);
    expect(ctx.errors).toEqual([]);
    const [app, awsebs, rsa, doomed] = keysOf(inv, US);
    expect(app).toEqual({
      keyId: k("app"),
      arn: keyArn(k("app")),
      metadata: {
        ok: true,
        value: {
          keyManager: "CUSTOMER",
          keySpec: "SYMMETRIC_DEFAULT",
          keyUsage: "ENCRYPT_DECRYPT",
          origin: "AWS_KMS",
          keyState: "Enabled",
          enabled: true,
          description: "application data",
          createdAt: "2025-01-01T00:00:00.000Z",
          multiRegion: false,
        },
      },
      rotation: { ok: true, value: { enabled: true, rotationPeriodInDays: 365, nextRotationDate: "2026-12-01T00:00:00.000Z" } },
      policy: { ok: true, value: ROOT_ONLY },
    });
    // Not asked: rotation of an AWS managed, an asymmetric and a pending-deletion key; the policy of the AWS managed key.
    expect(awsebs).toMatchObject({ rotation: { ok: true, value: null }, policy: { ok: true, value: null } });
    expect(rsa).toMatchObject({ rotation: { ok: true, value: null }, policy: { ok: true, value: ROOT_ONLY } });
    expect(doomed).toMatchObject({
      metadata: { ok: true, value: { keyState: "PendingDeletion", deletionDate: "2026-07-09T00:00:00.000Z" } },
      rotation: { ok: true, value: null },
      policy: { ok: true, value: ROOT_ONLY },
    });
    expect(us.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input)).toEqual([{ KeyId: keyArn(k("app")) }]);
    expect(us.commandCalls(GetKeyPolicyCommand).map((c) => c.args[0].input)).toEqual(
      ["app", "rsa", "doomed"].map((t) => ({ KeyId: keyArn(k(t)), PolicyName: "default" })),
    );
    // The paginator reuses one input object, so only the last call's marker is visible afterwards.
    expect(us.commandCalls(ListKeysCommand).map((c) => c.args[0].input.Limit)).toEqual([1000, 1000]);
    expect(us.commandCalls(ListKeysCommand)[1]?.args[0].input.Marker).toBe("m1");
    expect(us.commandCalls(ListAliasesCommand).map((c) => c.args[0].input.Limit)).toEqual([100, 100]);
    expect(us.commandCalls(ListAliasesCommand)[1]?.args[0].input.Marker).toBe("a1");
    expect(inv.regions[US]?.aliases).toEqual({
      ok: true,
      value: [
        { name: "alias/app-data", arn: "arn:a", targetKeyId: k("app") },
        { name: "alias/aws/ebs", targetKeyId: k("awsebs") },
        { name: "alias/aws/s3" },
      ],
    });
  });

  it("records a failed read as data for exactly what it affects: one key's DescribeKey, a policy, a region's listing", async () => {
    const { ctx, mocks } = setup([US, EU]);
    const us = mocks[US]!;
    us.on(ListKeysCommand).resolves({ Keys: listed("hidden", "app", "hmac") });
    describeEach(us, [sdkMeta("app"), sdkMeta("hmac", { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" })]);
    us.on(DescribeKeyCommand, { KeyId: keyArn(k("hidden")) }).rejects(awsError("AccessDeniedException"));
    // Nothing says the hidden key cannot rotate: it is asked, and AWS says rotation does not apply (null, a fact).
    us.on(GetKeyRotationStatusCommand, { KeyId: keyArn(k("hidden")) }).rejects(awsError("UnsupportedOperationException"));
    us.on(GetKeyRotationStatusCommand, { KeyId: keyArn(k("app")) }).resolves({ KeyRotationEnabled: false });
    us.on(GetKeyPolicyCommand).resolves({ Policy: ROOT_ONLY });
    us.on(GetKeyPolicyCommand, { KeyId: keyArn(k("app")), PolicyName: "default" }).rejects(awsError("AccessDeniedException"));
    us.on(ListAliasesCommand).resolves({ Aliases: [] });
    mocks[EU]!.on(ListKeysCommand).rejects(awsError("AccessDeniedException"));
    mocks[EU]!.on(ListAliasesCommand).resolves({ Aliases: [] });

    const inv: KmsInventory = await collect(service, ctx);
    const [hidden, app, hmac] = keysOf(inv, US);
    expect(hidden).toMatchObject({
      keyId: k("hidden"),
      metadata: { ok: false, error: { operation: "DescribeKey", code: "AccessDeniedException", resource: keyArn(k("hidden")) } },
      rotation: { ok: true, value: null },
      policy: { ok: true, value: ROOT_ONLY },
    });
    expect(app).toMatchObject({
      rotation: { ok: true, value: { enabled: false } },
      policy: { ok: false, error: { operation: "GetKeyPolicy", code: "AccessDeniedException", resource: keyArn(k("app")) } },
    });
    expect(hmac?.rotation).toEqual({ ok: true, value: null });
    expect(inv.regions[EU]?.keys).toMatchObject({ ok: false, error: { operation: "ListKeys", region: EU, code: "AccessDeniedException" } });
    expect(mocks[EU]!.commandCalls(DescribeKeyCommand)).toHaveLength(0);
    expect(ctx.errors.map((e) => `${e.region} ${e.operation} ${e.code}`).sort()).toEqual([
      `${EU} ListKeys AccessDeniedException`,
      `${US} DescribeKey AccessDeniedException`,
      `${US} GetKeyPolicy AccessDeniedException`,
    ]);
  });

  it("reads only the wanted slices", async () => {
    const { ctx, mocks } = setup([US], ["kms.keys"]);
    mocks[US]!.on(ListKeysCommand).resolves({ Keys: listed("app") });
    describeEach(mocks[US]!, [sdkMeta("app")]);
    const inv: KmsInventory = await collect(service, ctx);
    expect(Object.keys(keysOf(inv, US)[0]!)).toEqual(["keyId", "arn", "metadata"]);
    expect(inv.regions[US]).not.toHaveProperty("aliases");
    expect(mocks[US]!.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(0);
    expect(mocks[US]!.commandCalls(GetKeyPolicyCommand)).toHaveLength(0);
    expect(mocks[US]!.commandCalls(ListAliasesCommand)).toHaveLength(0);
  });
});

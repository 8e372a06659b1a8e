import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type Trail as SdkTrail,
} from "@aws-sdk/client-cloudtrail";
import type { SliceId } from "../../../src/inventory/index.js";
import service from "../../../src/services/cloudtrail/index.js";
import type { CloudTrailInventory } from "../../../src/services/cloudtrail/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const US = "us-east-1";
const EU = "eu-west-1";
const AP = "ap-southeast-2";

const sdkTrail = (name: string, home: string, extra: Partial<SdkTrail> = {}): SdkTrail => ({
  Name: name,
  TrailARN: `arn:aws:cloudtrail:${home}:${ACCOUNT}:trail/${name}`,
  HomeRegion: home,
  IsMultiRegionTrail: false,
  IsOrganizationTrail: false,
  IncludeGlobalServiceEvents: true,
  LogFileValidationEnabled: false,
  S3BucketName: `${name}-logs`,
  ...extra,
});

let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(regions: string[], wanted: SliceId[] = allSlicesOf(service)) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, regions, session);
  const mocks = Object.fromEntries([US, EU, AP].map((r) => [r, mockClient(session.client(CloudTrailClient, "cloudtrail", r))]));
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

describe("cloudtrail collector", () => {
  it("keeps a multi-region trail in its home region only, and reads its status and selectors there", async () => {
    const { ctx, mocks } = setup([US, EU]);
    const multi = sdkTrail("main", US, {
      IsMultiRegionTrail: true,
      LogFileValidationEnabled: true,
      KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
    });
    mocks[US]!.on(DescribeTrailsCommand).resolves({ trailList: [multi] });
    mocks[EU]!.on(DescribeTrailsCommand).resolves({ trailList: [multi, sdkTrail("local", EU)] });
    for (const r of [US, EU]) {
      mocks[r]!.on(GetTrailStatusCommand).resolves({ IsLogging: true, StartLoggingTime: new Date("2026-01-01T00:00:00Z") });
      mocks[r]!.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true }] });
    }
    const inv: CloudTrailInventory = await collect(service, ctx);
    expect(ctx.errors).toEqual([]);
    const us = inv.regions[US]?.trails;
    const eu = inv.regions[EU]?.trails;
    expect(us?.ok && us.value.map((t) => t.name)).toEqual(["main"]);
    expect(eu?.ok && eu.value.map((t) => t.name)).toEqual(["local"]);
    expect(us?.ok && us.value[0]).toMatchObject({
      homeRegion: US,
      multiRegion: true,
      logFileValidation: true,
      kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
      status: { ok: true, value: { isLogging: true, startLoggingTime: "2026-01-01T00:00:00.000Z" } },
      selectors: {
        ok: true,
        value: {
          basic: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [], excludeManagementEventSources: [] }],
          advanced: [],
        },
      },
    });
    expect(eu?.ok && eu.value[0]).not.toHaveProperty("kmsKeyId");
    // Each trail's status and selectors were read with the client of its home region, by ARN.
    expect(mocks[US]!.commandCalls(GetEventSelectorsCommand).map((c) => c.args[0].input.TrailName)).toEqual([multi.TrailARN]);
    expect(mocks[EU]!.commandCalls(GetEventSelectorsCommand).map((c) => c.args[0].input.TrailName)).toEqual([
      `arn:aws:cloudtrail:${EU}:${ACCOUNT}:trail/local`,
    ]);
    expect(mocks[US]!.commandCalls(DescribeTrailsCommand)[0]?.args[0].input).toEqual({ includeShadowTrails: true });
  });

  it("keeps a shadow trail whose home region the scan does not cover, and reads it in that home region", async () => {
    const { ctx, mocks } = setup([EU]);
    const multi = sdkTrail("main", AP, { IsMultiRegionTrail: true });
    mocks[EU]!.on(DescribeTrailsCommand).resolves({ trailList: [multi] });
    mocks[AP]!.on(GetTrailStatusCommand).resolves({ IsLogging: false });
    mocks[AP]!.on(GetEventSelectorsCommand).resolves({
      AdvancedEventSelectors: [{ Name: "m", FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] }],
    });
    const inv: CloudTrailInventory = await collect(service, ctx);
    const eu = inv.regions[EU]?.trails;
    expect(eu?.ok && eu.value[0]).toMatchObject({
      name: "main",
      homeRegion: AP,
      status: { ok: true, value: { isLogging: false } },
      selectors: {
        ok: true,
        value: { basic: [], advanced: [{ name: "m", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] },
      },
    });
    expect(mocks[EU]!.commandCalls(GetTrailStatusCommand)).toHaveLength(0);
  });

  it("records a failed read as data for exactly what it affects", async () => {
    const { ctx, mocks } = setup([US, EU]);
    mocks[US]!.on(DescribeTrailsCommand).resolves({ trailList: [sdkTrail("a", US), sdkTrail("b", US)] });
    mocks[EU]!.on(DescribeTrailsCommand).rejects(awsError("AccessDeniedException", 400));
    mocks[US]!.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    mocks[US]!.on(GetEventSelectorsCommand, { TrailName: `arn:aws:cloudtrail:${US}:${ACCOUNT}:trail/b` }).rejects(
      awsError("TrailNotFoundException", 400),
    );
    mocks[US]!.on(GetEventSelectorsCommand, { TrailName: `arn:aws:cloudtrail:${US}:${ACCOUNT}:trail/a` }).resolves({ EventSelectors: [] });
    const inv: CloudTrailInventory = await collect(service, ctx);
    expect(inv.regions[EU]?.trails).toMatchObject({
      ok: false,
      error: { operation: "DescribeTrails", region: EU, code: "AccessDeniedException" },
    });
    const us = inv.regions[US]?.trails;
    const [a, b] = us?.ok ? us.value : [];
    expect(a?.selectors).toEqual({ ok: true, value: { basic: [], advanced: [] } });
    expect(b?.selectors).toMatchObject({
      ok: false,
      error: { operation: "GetEventSelectors", code: "TrailNotFoundException", resource: b?.arn },
    });
    expect(ctx.errors.map((e) => `${e.region} ${e.operation} ${e.code}`).sort()).toEqual([
      `${EU} DescribeTrails AccessDeniedException`,
      `${US} GetEventSelectors TrailNotFoundException`,
    ]);
  });

  it("reads only the wanted slices", async () => {
    const { ctx, mocks } = setup([US], ["cloudtrail.trails"]);
    mocks[US]!.on(DescribeTrailsCommand).resolves({ trailList: [sdkTrail("a", US)] });
    const inv: CloudTrailInventory = await collect(service, ctx);
    const us = inv.regions[US]?.trails;
    expect(us?.ok && Object.keys(us.value[0]!)).not.toContain("status");
    expect(mocks[US]!.commandCalls(GetTrailStatusCommand)).toHaveLength(0);
    expect(mocks[US]!.commandCalls(GetEventSelectorsCommand)).toHaveLength(0);
  });
});

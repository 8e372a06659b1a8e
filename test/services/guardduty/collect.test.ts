import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import type { SliceId } from "../../../src/inventory/index.js";
import service from "../../../src/services/guardduty/index.js";
import type { GuardDutyInventory } from "../../../src/services/guardduty/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const US = "us-east-1";
const EU = "eu-west-1";
const D1 = "12abc34d567e8fa901bc2d34e56789f0";
const D2 = "0f98e76d543c2ba109fe8d76c54321ab";
let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(wanted: SliceId[] = allSlicesOf(service)) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, [US, EU], session);
  const mocks = Object.fromEntries([US, EU].map((r) => [r, mockClient(session.client(GuardDutyClient, "guardduty", r))]));
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

describe("guardduty collector", () => {
  it("lists detectors page by page (50 a page), then reads each one's status in its region", async () => {
    const { ctx, mocks } = setup();
    mocks[US]!.on(ListDetectorsCommand, { MaxResults: 50 }).resolves({ DetectorIds: [D1], NextToken: "page-2" });
    mocks[US]!.on(ListDetectorsCommand, { MaxResults: 50, NextToken: "page-2" }).resolves({ DetectorIds: [D2] });
    mocks[US]!.on(GetDetectorCommand, { DetectorId: D1 }).resolves({
      Status: "ENABLED",
      ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
      CreatedAt: "2026-01-15T09:30:00.000Z",
      UpdatedAt: "2026-02-01T00:00:00.000Z",
      FindingPublishingFrequency: "SIX_HOURS",
      Features: [
        { Name: "S3_DATA_EVENTS", Status: "ENABLED" },
        { Name: "RUNTIME_MONITORING", Status: "DISABLED" },
      ],
    });
    mocks[US]!.on(GetDetectorCommand, { DetectorId: D2 }).resolves({ Status: "DISABLED", ServiceRole: "r" });
    mocks[EU]!.on(ListDetectorsCommand).resolves({ DetectorIds: [] });

    const inv: GuardDutyInventory = await collect(service, ctx);
    expect(ctx.errors).toEqual([]);
    const us = inv.regions[US]?.detectors;
    expect(us).toEqual({
      ok: true,
      value: [
        {
          id: D1,
          arn: `arn:aws:guardduty:${US}:${ACCOUNT}:detector/${D1}`,
          settings: {
            ok: true,
            value: {
              status: "ENABLED",
              createdAt: "2026-01-15T09:30:00.000Z",
              updatedAt: "2026-02-01T00:00:00.000Z",
              findingPublishingFrequency: "SIX_HOURS",
              serviceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
              features: [
                { name: "S3_DATA_EVENTS", status: "ENABLED" },
                { name: "RUNTIME_MONITORING", status: "DISABLED" },
              ],
            },
          },
        },
        {
          id: D2,
          arn: `arn:aws:guardduty:${US}:${ACCOUNT}:detector/${D2}`,
          settings: { ok: true, value: { status: "DISABLED", serviceRole: "r", features: [] } },
        },
      ],
    });
    expect(inv.regions[EU]?.detectors).toEqual({ ok: true, value: [] });
    expect(mocks[US]!.commandCalls(ListDetectorsCommand)).toHaveLength(2);
    expect(mocks[EU]!.commandCalls(GetDetectorCommand)).toHaveLength(0);
  });

  it("a failed read is data for exactly what it affects: a region's listing, or one detector", async () => {
    const { ctx, mocks } = setup();
    mocks[US]!.on(ListDetectorsCommand).resolves({ DetectorIds: [D1] });
    mocks[US]!.on(GetDetectorCommand).rejects(awsError("AccessDeniedException", 403));
    mocks[EU]!.on(ListDetectorsCommand).rejects(awsError("AccessDeniedException", 403));
    const inv: GuardDutyInventory = await collect(service, ctx);
    const us = inv.regions[US]?.detectors;
    expect(us?.ok && us.value[0]?.settings).toMatchObject({
      ok: false,
      error: { service: "guardduty", operation: "GetDetector", region: US, code: "AccessDeniedException", resource: D1 },
    });
    expect(inv.regions[EU]?.detectors).toMatchObject({ ok: false, error: { operation: "ListDetectors", region: EU } });
    expect(ctx.errors.map((e) => `${e.region} ${e.operation}`).sort()).toEqual([`${EU} ListDetectors`, `${US} GetDetector`]);
  });

  it("reads only the wanted slices", async () => {
    const { ctx, mocks } = setup(["guardduty.detectors"]);
    mocks[US]!.on(ListDetectorsCommand).resolves({ DetectorIds: [D1] });
    mocks[EU]!.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const inv: GuardDutyInventory = await collect(service, ctx);
    const us = inv.regions[US]?.detectors;
    expect(us?.ok && us.value[0]).toEqual({ id: D1, arn: `arn:aws:guardduty:${US}:${ACCOUNT}:detector/${D1}` });
    expect(mocks[US]!.commandCalls(GetDetectorCommand)).toHaveLength(0);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { DescribeHubCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import service from "../../../src/services/securityhub/index.js";
import type { SecurityHubInventory } from "../../../src/services/securityhub/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"];
let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup() {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(allSlicesOf(service), REGIONS, session);
  const mocks = Object.fromEntries(REGIONS.map((r) => [r, mockClient(session.client(SecurityHubClient, "securityhub", r))]));
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

describe("securityhub collector", () => {
  it("one DescribeHub per region: the hub where enabled, null where not subscribed, an ERROR where denied", async () => {
    const { ctx, mocks } = setup();
    mocks["us-east-1"]!.on(DescribeHubCommand).resolves({
      HubArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default`,
      SubscribedAt: "2026-01-15T09:30:00.000Z",
      AutoEnableControls: false,
      ControlFindingGenerator: "SECURITY_CONTROL",
    });
    // What AWS (and moto) answer where the account has not enabled Security Hub.
    mocks["eu-west-1"]!.on(DescribeHubCommand).rejects(
      Object.assign(awsError("InvalidAccessException", 401), { message: `Account ${ACCOUNT} is not subscribed to AWS Security Hub` }),
    );
    mocks["ap-south-1"]!.on(DescribeHubCommand).rejects(awsError("AccessDeniedException", 403));

    const inv: SecurityHubInventory = await collect(service, ctx);
    expect(inv.regions["us-east-1"]?.hub).toEqual({
      ok: true,
      value: {
        hubArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default`,
        subscribedAt: "2026-01-15T09:30:00.000Z",
        autoEnableControls: false,
        controlFindingGenerator: "SECURITY_CONTROL",
      },
    });
    expect(inv.regions["eu-west-1"]?.hub).toEqual({ ok: true, value: null });
    expect(inv.regions["ap-south-1"]?.hub).toMatchObject({
      ok: false,
      error: { service: "securityhub", operation: "DescribeHub", region: "ap-south-1", code: "AccessDeniedException" },
    });
    // "Not subscribed" is a fact, not a failed call: only the denial is recorded.
    expect(ctx.errors.map((e) => `${e.region} ${e.code}`)).toEqual(["ap-south-1 AccessDeniedException"]);
    for (const r of REGIONS) expect(mocks[r]!.commandCalls(DescribeHubCommand).map((c) => c.args[0].input)).toEqual([{}]);
  });
});

/**
 * moto 5.2.5 does not implement IAM Access Analyzer, so the collector is tested here against
 * aws-sdk-client-mock only (the end-to-end test shows what a scan of moto makes of it).
 */
import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { AccessAnalyzerClient, ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import service from "../../../src/services/accessanalyzer/index.js";
import type { AccessAnalyzerInventory } from "../../../src/services/accessanalyzer/inventory.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const US = "us-east-1";
const EU = "eu-west-1";
const AP = "ap-southeast-2";
let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup() {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(allSlicesOf(service), [US, EU, AP], session);
  const mocks = Object.fromEntries([US, EU, AP].map((r) => [r, mockClient(session.client(AccessAnalyzerClient, "access-analyzer", r))]));
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

const arn = (region: string, name: string) => `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer/${name}`;

describe("accessanalyzer collector", () => {
  it("lists every analyzer of every type per region, page by page, without a type filter", async () => {
    const { ctx, mocks } = setup();
    mocks[US]!.on(ListAnalyzersCommand, {}).resolves({
      analyzers: [
        {
          name: "external",
          arn: arn(US, "external"),
          type: "ACCOUNT",
          status: "ACTIVE",
          createdAt: new Date("2026-01-15T09:30:00Z"),
          lastResourceAnalyzedAt: new Date("2026-06-30T11:00:00Z"),
          lastResourceAnalyzed: "arn:aws:s3:::some-bucket",
        },
      ],
      nextToken: "page-2",
    });
    mocks[US]!.on(ListAnalyzersCommand, { nextToken: "page-2" }).resolves({
      analyzers: [
        {
          name: "unused",
          arn: arn(US, "unused"),
          type: "ACCOUNT_UNUSED_ACCESS",
          status: "ACTIVE",
          createdAt: new Date("2026-02-01T00:00:00Z"),
        },
      ],
    });
    mocks[EU]!.on(ListAnalyzersCommand).resolves({
      analyzers: [
        {
          name: "org",
          arn: arn(EU, "org"),
          type: "ORGANIZATION",
          status: "DISABLED",
          statusReason: { code: "AWS_SERVICE_ACCESS_DISABLED" },
          createdAt: new Date("2026-01-15T09:30:00Z"),
        },
      ],
    });
    mocks[AP]!.on(ListAnalyzersCommand).resolves({ analyzers: [] });

    const inv: AccessAnalyzerInventory = await collect(service, ctx);
    expect(ctx.errors).toEqual([]);
    expect(inv.regions[US]?.analyzers).toEqual({
      ok: true,
      value: [
        {
          name: "external",
          arn: arn(US, "external"),
          type: "ACCOUNT",
          status: "ACTIVE",
          createdAt: "2026-01-15T09:30:00.000Z",
          lastResourceAnalyzedAt: "2026-06-30T11:00:00.000Z",
        },
        { name: "unused", arn: arn(US, "unused"), type: "ACCOUNT_UNUSED_ACCESS", status: "ACTIVE", createdAt: "2026-02-01T00:00:00.000Z" },
      ],
    });
    expect(inv.regions[EU]?.analyzers).toEqual({
      ok: true,
      value: [
        {
          name: "org",
          arn: arn(EU, "org"),
          type: "ORGANIZATION",
          status: "DISABLED",
          statusReason: "AWS_SERVICE_ACCESS_DISABLED",
          createdAt: "2026-01-15T09:30:00.000Z",
        },
      ],
    });
    expect(inv.regions[AP]?.analyzers).toEqual({ ok: true, value: [] });
    // Two pages, never filtered by type (the paginator reuses one input object, so only what it never sets is asserted).
    const calls = mocks[US]!.commandCalls(ListAnalyzersCommand);
    expect(calls).toHaveLength(2);
    for (const c of calls) expect(c.args[0].input).not.toHaveProperty("type");
  });

  it("a denied region is an ERROR for that region only; an unparseable answer (moto's HTML 500) is one too", async () => {
    const { ctx, mocks } = setup();
    mocks[US]!.on(ListAnalyzersCommand).rejects(awsError("AccessDeniedException", 403));
    // What the SDK throws when an endpoint answers an HTML error page (moto for a service it does not implement).
    mocks[EU]!.on(ListAnalyzersCommand).rejects(
      Object.assign(new SyntaxError(`Unexpected token '<', "<!doctype "... is not valid JSON`), { $metadata: { httpStatusCode: 500 } }),
    );
    mocks[AP]!.on(ListAnalyzersCommand).resolves({ analyzers: [] });
    const inv: AccessAnalyzerInventory = await collect(service, ctx);
    expect(inv.regions[US]?.analyzers).toMatchObject({
      ok: false,
      error: { service: "access-analyzer", operation: "ListAnalyzers", region: US, code: "AccessDeniedException" },
    });
    expect(inv.regions[EU]?.analyzers).toMatchObject({ ok: false, error: { operation: "ListAnalyzers", region: EU, code: "HTTP500" } });
    expect(inv.regions[AP]?.analyzers).toEqual({ ok: true, value: [] });
    expect(ctx.errors.map((e) => `${e.region} ${e.code}`).sort()).toEqual([`${EU} HTTP500`, `${US} AccessDeniedException`]);
  });
});

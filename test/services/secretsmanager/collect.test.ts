import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { GetResourcePolicyCommand, GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { SliceId } from "../../../src/inventory/index.js";
import { resourceTags } from "../../../src/services/index.js";
import service from "../../../src/services/secretsmanager/index.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";
import { inventory } from "../../support/fixtures/index.js";
import { EU, policy, secretArn, US } from "./fixtures.js";

let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(regions: string[], wanted: SliceId[] = allSlicesOf(service)) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, regions, session);
  const mocks = Object.fromEntries(regions.map((r) => [r, mockClient(session.client(SecretsManagerClient, "secretsmanager", r))]));
  return { ctx, mocks: mocks as Record<string, ReturnType<typeof mockClient>> };
}

describe("secretsmanager collector", () => {
  it("lists every page of secrets at the largest page size, keeps their rotation dates and tags, and reads each one's policy; never a value", async () => {
    const { ctx, mocks } = setup([US, EU]);
    const us = mocks[US]!;
    us.on(ListSecretsCommand)
      .resolvesOnce({
        SecretList: [
          {
            ARN: secretArn("prod/db"),
            Name: "prod/db",
            Description: "orders database",
            RotationEnabled: true,
            RotationLambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:rotate",
            RotationRules: { AutomaticallyAfterDays: 30, Duration: "2h" },
            LastRotatedDate: new Date("2026-06-20T03:00:00Z"),
            NextRotationDate: new Date("2026-07-20T00:00:00Z"),
            LastAccessedDate: new Date("2026-06-29T00:00:00Z"),
            CreatedDate: new Date("2025-01-01T00:00:00Z"),
            Tags: [{ Key: "team", Value: "orders" }],
          },
        ],
        NextToken: "n1",
      })
      .resolvesOnce({
        SecretList: [{ ARN: secretArn("legacy"), Name: "legacy", CreatedDate: new Date("2024-01-01T00:00:00Z"), OwningService: "appflow" }],
      });
    us.on(GetResourcePolicyCommand, { SecretId: secretArn("prod/db") })
      .resolves({
        ARN: secretArn("prod/db"),
        Name: "prod/db",
        ResourcePolicy: policy({ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }),
      })
      .on(GetResourcePolicyCommand, { SecretId: secretArn("legacy") })
      .resolves({ ARN: secretArn("legacy"), Name: "legacy" });
    mocks[EU]!.on(ListSecretsCommand).rejects(awsError("AccessDeniedException"));

    const data = await collect(service, ctx);
    const calls = us.commandCalls(ListSecretsCommand);
    expect(calls).toHaveLength(2);
    for (const c of calls) expect(c.args[0].input).toMatchObject({ MaxResults: 100 });
    expect(data.regions[US]!.secrets).toEqual({
      ok: true,
      value: [
        {
          name: "prod/db",
          arn: secretArn("prod/db"),
          description: "orders database",
          rotationEnabled: true,
          rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:rotate",
          rotationRules: { automaticallyAfterDays: 30, duration: "2h" },
          lastRotatedDate: "2026-06-20T03:00:00.000Z",
          nextRotationDate: "2026-07-20T00:00:00.000Z",
          lastAccessedDate: "2026-06-29T00:00:00.000Z",
          createdDate: "2025-01-01T00:00:00.000Z",
          tags: { team: "orders" },
          resourcePolicy: { ok: true, value: expect.stringContaining('"Principal":"*"') },
        },
        {
          name: "legacy",
          arn: secretArn("legacy"),
          rotationEnabled: false,
          createdDate: "2024-01-01T00:00:00.000Z",
          owningService: "appflow",
          resourcePolicy: { ok: true, value: null },
        },
      ],
    });
    expect(data.regions[EU]!.secrets).toMatchObject({
      ok: false,
      error: { service: "secretsmanager", region: EU, operation: "ListSecrets", code: "AccessDeniedException" },
    });
    expect(us.commandCalls(GetSecretValueCommand)).toEqual([]);
    expect([...resourceTags(inventory({ secretsmanager: data }))]).toEqual([[secretArn("prod/db"), { team: "orders" }]]);
  });

  it("a policy read that fails is that secret's failure; a secret deleted meanwhile has none", async () => {
    const { ctx, mocks } = setup([US]);
    const us = mocks[US]!;
    us.on(ListSecretsCommand).resolves({
      SecretList: [
        { ARN: secretArn("a"), Name: "a" },
        { ARN: secretArn("gone"), Name: "gone" },
      ],
    });
    us.on(GetResourcePolicyCommand, { SecretId: secretArn("a") })
      .rejects(awsError("AccessDeniedException"))
      .on(GetResourcePolicyCommand, { SecretId: secretArn("gone") })
      .rejects(awsError("ResourceNotFoundException"));
    const data = await collect(service, ctx);
    const [a, gone] = data.regions[US]!.secrets?.ok ? data.regions[US]!.secrets.value : [];
    expect(a?.resourcePolicy).toMatchObject({
      ok: false,
      error: { operation: "GetResourcePolicy", code: "AccessDeniedException", resource: secretArn("a") },
    });
    expect(gone?.resourcePolicy).toEqual({ ok: true, value: null });
  });

  it("reads no policy when only the listing is wanted", async () => {
    const { ctx, mocks } = setup([US], ["secretsmanager.secrets"]);
    mocks[US]!.on(ListSecretsCommand).resolves({ SecretList: [{ ARN: secretArn("a"), Name: "a" }] });
    const data = await collect(service, ctx);
    expect(data.regions[US]!.secrets).toEqual({ ok: true, value: [{ name: "a", arn: secretArn("a"), rotationEnabled: false }] });
    expect(mocks[US]!.commandCalls(GetResourcePolicyCommand)).toEqual([]);
  });
});

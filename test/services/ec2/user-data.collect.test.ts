import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplateVersionsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { gzipSync } from "node:zlib";
import type { SliceId } from "../../../src/inventory/index.js";
import service from "../../../src/services/ec2/index.js";
import type { Ec2RegionInventory } from "../../../src/services/ec2/inventory.js";
import { awsError, collect, testContext, testSession } from "../../support/collect.js";
import { ACCOUNT } from "../../support/fixtures/index.js";

const US = "us-east-1";
// Made up, and built from pieces: no credential-shaped string in the repository.
const KEY_ID = ["AKIA", "Q3EGUVBMZ7TRW5XN"].join("");
const PASSWORD = "Tr0ub4dor-and-3";
const b64 = (x: string | Buffer) => Buffer.from(x).toString("base64");

let sessions: ReturnType<typeof testSession>[] = [];
afterEach(() => {
  for (const s of sessions) s.destroy();
  sessions = [];
});

function setup(wanted: SliceId[]) {
  const session = testSession();
  sessions.push(session);
  const ctx = testContext(wanted, [US], session);
  return { ctx, ec2: mockClient(session.client(EC2Client, "ec2", US)) };
}

const region = async (ctx: ReturnType<typeof setup>["ctx"]): Promise<Ec2RegionInventory> => (await collect(service, ctx)).regions[US]!;

describe("ec2 user data collector", () => {
  it("asks each live instance for its user data and keeps only what the scan found: never the user data or the secret", async () => {
    const { ctx, ec2 } = setup(["ec2.instanceUserData"]);
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            { InstanceId: "i-leaky", State: { Name: "running" } },
            { InstanceId: "i-clean", State: { Name: "stopped" } },
            { InstanceId: "i-none", State: { Name: "running" } },
            { InstanceId: "i-gone", State: { Name: "terminated" } },
            { InstanceId: "i-raced", State: { Name: "running" } },
            { InstanceId: "i-denied", State: { Name: "running" } },
          ],
        },
      ],
    });
    const script = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\npsql postgres://app:${PASSWORD}@db:5432/app\n`;
    ec2
      .on(DescribeInstanceAttributeCommand, { InstanceId: "i-leaky", Attribute: "userData" })
      .resolves({ InstanceId: "i-leaky", UserData: { Value: b64(gzipSync(script)) } })
      .on(DescribeInstanceAttributeCommand, { InstanceId: "i-clean" })
      .resolves({ UserData: { Value: b64("#!/bin/bash\nyum update -y\n") } })
      .on(DescribeInstanceAttributeCommand, { InstanceId: "i-none" })
      .resolves({ InstanceId: "i-none", UserData: {} })
      .on(DescribeInstanceAttributeCommand, { InstanceId: "i-raced" })
      .rejects(awsError("InvalidInstanceID.NotFound"))
      .on(DescribeInstanceAttributeCommand, { InstanceId: "i-denied" })
      .rejects(awsError("UnauthorizedOperation", 403));
    const data = await region(ctx);
    const instances = data.instances?.ok ? data.instances.value : [];
    const byId = Object.fromEntries(instances.map((i) => [i.instanceId, i.userData]));
    expect(byId["i-leaky"]).toEqual({
      ok: true,
      value: {
        bytes: expect.any(Number),
        format: "gzip",
        detections: [
          expect.objectContaining({ rule: "@secretlint/secretlint-rule-aws", messageId: "AWSAccessKeyID", line: 2 }),
          expect.objectContaining({ rule: "@secretlint/secretlint-rule-database-connection-string", line: 3 }),
        ],
        unscanned: [],
      },
    });
    expect(byId["i-clean"]).toEqual({ ok: true, value: expect.objectContaining({ format: "text", detections: [] }) });
    expect(byId["i-none"]).toEqual({ ok: true, value: null });
    expect(byId["i-gone"]).toEqual({ ok: true, value: null });
    expect(byId["i-raced"]).toEqual({ ok: true, value: null });
    expect(byId["i-denied"]).toMatchObject({
      ok: false,
      error: { service: "ec2", operation: "DescribeInstanceAttribute", code: "UnauthorizedOperation", resource: "i-denied" },
    });
    // The terminated instance is not asked about.
    expect(ec2.commandCalls(DescribeInstanceAttributeCommand).map((c) => c.args[0].input.InstanceId)).not.toContain("i-gone");
    const text = JSON.stringify(data);
    for (const secret of [KEY_ID, PASSWORD, b64(gzipSync(script)), "yum update"]) expect(text).not.toContain(secret);
  });

  it("reads $Latest and $Default of every launch template in one listing, and groups them by template", async () => {
    const { ctx, ec2 } = setup(["ec2.launchTemplates"]);
    const created = new Date("2026-05-01T00:00:00Z");
    ec2
      .on(DescribeLaunchTemplateVersionsCommand)
      .resolvesOnce({
        LaunchTemplateVersions: [
          {
            LaunchTemplateId: "lt-web",
            LaunchTemplateName: "web",
            VersionNumber: 3,
            DefaultVersion: false,
            CreateTime: created,
            LaunchTemplateData: {
              MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled", HttpPutResponseHopLimit: 2 },
              NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: ["sg-1"], SubnetId: "subnet-1" }],
              UserData: b64(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`),
            },
          },
          {
            LaunchTemplateId: "lt-web",
            LaunchTemplateName: "web",
            VersionNumber: 2,
            DefaultVersion: true,
            LaunchTemplateData: { MetadataOptions: { HttpTokens: "required" } },
          },
        ],
        NextToken: "t1",
      })
      .resolvesOnce({
        LaunchTemplateVersions: [
          // Default and latest are the same version: given once per name, kept once.
          { LaunchTemplateId: "lt-one", LaunchTemplateName: "one", VersionNumber: 1, DefaultVersion: true, LaunchTemplateData: {} },
          { LaunchTemplateId: "lt-one", LaunchTemplateName: "one", VersionNumber: 1, DefaultVersion: true, LaunchTemplateData: {} },
        ],
      });
    const data = await region(ctx);
    // The paginator reuses its input object: every call is seen with the last token.
    const calls = ec2.commandCalls(DescribeLaunchTemplateVersionsCommand);
    expect(calls).toHaveLength(2);
    for (const c of calls) expect(c.args[0].input).toMatchObject({ Versions: ["$Latest", "$Default"], MaxResults: 200 });
    expect(calls[0]!.args[0].input).not.toHaveProperty("LaunchTemplateId");
    expect(data.launchTemplates).toEqual({
      ok: true,
      value: [
        {
          launchTemplateId: "lt-web",
          launchTemplateName: "web",
          arn: `arn:aws:ec2:${US}:${ACCOUNT}:launch-template/lt-web`,
          versions: [
            {
              versionNumber: 2,
              isDefault: true,
              isLatest: false,
              metadataOptions: { httpTokens: "required" },
              networkInterfaces: [],
              userData: null,
            },
            {
              versionNumber: 3,
              isDefault: false,
              isLatest: true,
              createdAt: created.toISOString(),
              metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 2 },
              networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: true, subnetId: "subnet-1", groupIds: ["sg-1"] }],
              userData: expect.objectContaining({ format: "text", detections: [expect.objectContaining({ messageId: "AWSAccessKeyID" })] }),
            },
          ],
        },
        {
          launchTemplateId: "lt-one",
          launchTemplateName: "one",
          arn: `arn:aws:ec2:${US}:${ACCOUNT}:launch-template/lt-one`,
          versions: [{ versionNumber: 1, isDefault: true, isLatest: true, networkInterfaces: [], userData: null }],
        },
      ],
    });
    expect(JSON.stringify(data)).not.toContain(KEY_ID);
  });

  it("a denied listing is the slice's failure", async () => {
    const { ctx, ec2 } = setup(["ec2.launchTemplates"]);
    ec2.on(DescribeLaunchTemplateVersionsCommand).rejects(awsError("UnauthorizedOperation", 403));
    const data = await region(ctx);
    expect(data.launchTemplates).toMatchObject({
      ok: false,
      error: { operation: "DescribeLaunchTemplateVersions", code: "UnauthorizedOperation" },
    });
  });
});

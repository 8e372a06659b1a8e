import { afterEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  ConfigServiceClient,
  DescribeConfigurationAggregatorsCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from "@aws-sdk/client-config-service";
import { AwsSession } from "../../../src/aws/session.js";
import service from "../../../src/services/config/index.js";
import { allSlicesOf, collect, testContext } from "../../support/collect.js";
import type { SliceId } from "../../../src/inventory/index.js";

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"];
let session: AwsSession | undefined;

afterEach(() => {
  session?.destroy();
  session = undefined;
});

function setup(wanted: SliceId[] = allSlicesOf(service)) {
  session = new AwsSession({ credentials: () => Promise.resolve({ accessKeyId: "AKIDTEST", secretAccessKey: "secret" }), maxAttempts: 1 });
  const ctx = testContext(wanted, REGIONS, session);
  const s = session;
  const mocks = Object.fromEntries(REGIONS.map((r) => [r, mockClient(s.client(ConfigServiceClient, "config", r))]));
  return { ctx, mocks };
}

const accessDenied = () =>
  Object.assign(new Error("User is not authorized to perform config:DescribeConfigurationRecorders"), {
    name: "AccessDeniedException",
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
  });

describe("config collector", () => {
  it("reads recorders, statuses and channels per region; an AccessDenied stays in its region", async () => {
    const { ctx, mocks } = setup();
    const east = mocks["us-east-1"]!;
    const west = mocks["eu-west-1"]!;
    const south = mocks["ap-south-1"]!;
    east.on(DescribeConfigurationRecordersCommand).resolves({
      ConfigurationRecorders: [
        {
          name: "default",
          arn: "arn:aws:config:us-east-1:123456789012:configuration-recorder/default/abc",
          roleARN: "arn:aws:iam::123456789012:role/config",
          recordingGroup: {
            allSupported: true,
            includeGlobalResourceTypes: true,
            resourceTypes: [],
            exclusionByResourceTypes: { resourceTypes: [] },
            recordingStrategy: { useOnly: "ALL_SUPPORTED_RESOURCE_TYPES" },
          },
          recordingScope: "PAID",
        },
      ],
    });
    east.on(DescribeConfigurationRecorderStatusCommand).resolves({
      ConfigurationRecordersStatus: [
        { name: "default", recording: true, lastStatus: "Success", lastStatusChangeTime: new Date("2026-01-02T00:00:00Z") },
      ],
    });
    east.on(DescribeDeliveryChannelsCommand).resolves({
      DeliveryChannels: [
        { name: "default", s3BucketName: "cfg", configSnapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" } },
      ],
    });
    west.on(DescribeConfigurationRecordersCommand).resolves({});
    west.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    west.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    south.on(DescribeConfigurationRecordersCommand).rejects(accessDenied());
    south.on(DescribeConfigurationRecorderStatusCommand).rejects(accessDenied());
    south.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    east
      .on(DescribeConfigurationAggregatorsCommand)
      .resolvesOnce({
        ConfigurationAggregators: [
          {
            ConfigurationAggregatorName: "organization",
            ConfigurationAggregatorArn: "arn:aws:config:us-east-1:123456789012:config-aggregator/config-aggregator-1",
            OrganizationAggregationSource: { RoleArn: "arn:aws:iam::123456789012:role/aggregator", AllAwsRegions: true },
          },
        ],
        NextToken: "next",
      })
      .resolves({
        ConfigurationAggregators: [
          {
            ConfigurationAggregatorName: "partners",
            AccountAggregationSources: [{ AccountIds: ["210987654321"], AwsRegions: ["eu-west-1"] }],
          },
        ],
      });
    west.on(DescribeConfigurationAggregatorsCommand).resolves({ ConfigurationAggregators: [] });
    south.on(DescribeConfigurationAggregatorsCommand).resolves({});

    const inv = await collect(service, ctx);

    expect(inv.regions["us-east-1"]).toEqual({
      recorders: {
        ok: true,
        value: [
          {
            name: "default",
            arn: "arn:aws:config:us-east-1:123456789012:configuration-recorder/default/abc",
            roleArn: "arn:aws:iam::123456789012:role/config",
            allSupported: true,
            includeGlobalResourceTypes: true,
            resourceTypes: [],
            excludedResourceTypes: [],
            recordingStrategy: "ALL_SUPPORTED_RESOURCE_TYPES",
            recordingScope: "PAID",
          },
        ],
      },
      recorderStatuses: {
        ok: true,
        value: [{ name: "default", recording: true, lastStatus: "Success", lastStatusChangeTime: "2026-01-02T00:00:00.000Z" }],
      },
      deliveryChannels: { ok: true, value: [{ name: "default", s3BucketName: "cfg", deliveryFrequency: "TwentyFour_Hours" }] },
      aggregators: {
        ok: true,
        value: [
          {
            name: "organization",
            arn: "arn:aws:config:us-east-1:123456789012:config-aggregator/config-aggregator-1",
            organizationSource: { roleArn: "arn:aws:iam::123456789012:role/aggregator", allRegions: true, regions: [] },
            accountSources: [],
          },
          { name: "partners", accountSources: [{ accountIds: ["210987654321"], allRegions: false, regions: ["eu-west-1"] }] },
        ],
      },
    });
    // Two pages of at most 10, the API's largest (the paginator reuses one input object: only the last state is visible).
    const aggregatorCalls = east.commandCalls(DescribeConfigurationAggregatorsCommand);
    expect(aggregatorCalls).toHaveLength(2);
    expect(aggregatorCalls[1]?.args[0].input).toEqual({ Limit: 10, NextToken: "next" });
    expect(inv.regions["eu-west-1"]).toEqual({
      recorders: { ok: true, value: [] },
      recorderStatuses: { ok: true, value: [] },
      deliveryChannels: { ok: true, value: [] },
      aggregators: { ok: true, value: [] },
    });
    expect(inv.regions["ap-south-1"]?.aggregators).toEqual({ ok: true, value: [] });
    expect(inv.regions["ap-south-1"]?.recorders).toMatchObject({
      ok: false,
      error: { service: "config", region: "ap-south-1", operation: "DescribeConfigurationRecorders", code: "AccessDeniedException" },
    });
    expect(inv.regions["ap-south-1"]?.deliveryChannels).toEqual({ ok: true, value: [] });
    expect(ctx.errors.map((e) => `${e.region}:${e.operation}`).sort()).toEqual([
      "ap-south-1:DescribeConfigurationRecorderStatus",
      "ap-south-1:DescribeConfigurationRecorders",
    ]);
  });

  it("calls only what the wanted slices need", async () => {
    const { ctx, mocks } = setup(["config.recorders"]);
    for (const m of Object.values(mocks)) m.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    const inv = await collect(service, ctx);
    expect(Object.values(inv.regions).map((r) => Object.keys(r))).toEqual([["recorders"], ["recorders"], ["recorders"]]);
    for (const m of Object.values(mocks)) {
      expect(m.commandCalls(DescribeConfigurationRecordersCommand)).toHaveLength(1);
      expect(m.commandCalls(DescribeDeliveryChannelsCommand)).toHaveLength(0);
      expect(m.commandCalls(DescribeConfigurationRecorderStatusCommand)).toHaveLength(0);
    }
  });
});

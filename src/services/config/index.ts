import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  paginateDescribeConfigurationAggregators,
} from "@aws-sdk/client-config-service";
import { configChecks } from "../../../checks/config/index.js";
import { op } from "../../inventory/common.js";
import { defineService, topSlices } from "../define.js";
import type { ConfigRegionInventory } from "./inventory.js";
import { toAggregator, toDeliveryChannel, toRecorder, toRecorderStatus } from "./shapes.js";
import { allPages } from "../../collect/sdk.js";

const region = topSlices<ConfigRegionInventory>();

const recorders = region("recorders", {
  id: "config.recorders",
  description: "configuration recorders and what they record",
  operations: [op("config", "DescribeConfigurationRecorders")],
  read: async (ctx) =>
    ((await ctx.client(ConfigServiceClient).send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? []).map(
      toRecorder,
    ),
});

const recorderStatuses = region("recorderStatuses", {
  id: "config.recorderStatus",
  description: "whether each recorder is recording",
  operations: [op("config", "DescribeConfigurationRecorderStatus")],
  read: async (ctx) =>
    (
      (await ctx.client(ConfigServiceClient).send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ?? []
    ).map(toRecorderStatus),
});

const deliveryChannels = region("deliveryChannels", {
  id: "config.deliveryChannels",
  description: "delivery channels",
  operations: [op("config", "DescribeDeliveryChannels")],
  read: async (ctx) =>
    ((await ctx.client(ConfigServiceClient).send(new DescribeDeliveryChannelsCommand({}))).DeliveryChannels ?? []).map(toDeliveryChannel),
});

const aggregators = region("aggregators", {
  id: "config.aggregators",
  description: "configuration aggregators and their sources (organization or accounts)",
  operations: [op("config", "DescribeConfigurationAggregators")],
  read: (ctx) =>
    // 10 is the API's largest page (Limit).
    allPages(paginateDescribeConfigurationAggregators({ client: ctx.client(ConfigServiceClient), pageSize: 10 }, {}), (page) =>
      page.ConfigurationAggregators?.map(toAggregator),
    ),
});

export default defineService({
  id: "config",
  title: "AWS Config",
  scope: "regional",
  model: "abstracted",
  clients: { config: ConfigServiceClient },
  schemaType: "ConfigInventory",
  slices: [recorders, recorderStatuses, deliveryChannels, aggregators],
  checks: configChecks,
});

import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from "@aws-sdk/client-config-service";
import { configChecks } from "../../../checks/config/index.js";
import { op } from "../../inventory/common.js";
import { defineService, topSlices } from "../define.js";
import type { ConfigRegionInventory } from "./inventory.js";
import { toDeliveryChannel, toRecorder, toRecorderStatus } from "./shapes.js";

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

export default defineService({
  id: "config",
  title: "AWS Config",
  scope: "regional",
  model: "abstracted",
  clients: { config: ConfigServiceClient },
  schemaType: "ConfigInventory",
  slices: [recorders, recorderStatuses, deliveryChannels],
  checks: configChecks,
});

import pLimit from "p-limit";
import type { AwsSession } from "../aws/session.js";
import { SNAPSHOT_FORMAT, sliceService, type Inventory, type ServiceId, type SliceId } from "../inventory/index.js";
import { CollectContext } from "./context.js";
import type { Collector } from "./context.js";
import { s3Collector } from "./s3.js";
import { iamCollector } from "./iam.js";
import { ec2Collector } from "./ec2.js";
import { configCollector } from "./config.js";

export const COLLECTORS: readonly Collector[] = [s3Collector, iamCollector, ec2Collector, configCollector];

export interface CollectOptions {
  accountId: string;
  partition: string;
  regions: readonly string[];
  slices: ReadonlySet<SliceId>;
  concurrency: number;
  onProgress?: (message: string) => void;
}

/** Runs the collectors for the services the wanted slices belong to, concurrently. */
export async function collectInventory(session: AwsSession, options: CollectOptions): Promise<Inventory> {
  const limit = pLimit(options.concurrency);
  const ctx = new CollectContext(
    session,
    { accountId: options.accountId, partition: options.partition, regions: options.regions, wanted: options.slices },
    limit,
    options.onProgress,
  );
  const services = new Set<ServiceId>([...options.slices].map(sliceService));
  const inventory: Inventory = {
    format: SNAPSHOT_FORMAT,
    accountId: options.accountId,
    partition: options.partition,
    regions: [...options.regions],
    collectedAt: new Date().toISOString(),
    slices: [...options.slices].sort(),
    errors: ctx.errors,
  };
  await Promise.all(
    COLLECTORS.filter((c) => services.has(c.service)).map(async (collector) => {
      const part = await collector.collect(ctx);
      (inventory as unknown as Record<string, unknown>)[collector.service] = part;
      options.onProgress?.(`${collector.service}: collected`);
    }),
  );
  return inventory;
}

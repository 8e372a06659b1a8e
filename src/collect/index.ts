import type { AwsSession } from "../aws/session.js";
import { SNAPSHOT_FORMAT, type Fetched, type Inventory, type OperationSpec, type SliceId } from "../inventory/index.js";
import type { AnyItemSlice, AnyService, AnyTopSlice, ReadContext } from "../services/define.js";
import { SERVICES, withParents } from "../services/index.js";
import { CollectContext, OperationFailed } from "./context.js";

export interface CollectOptions {
  accountId: string;
  partition: string;
  regions: readonly string[];
  slices: ReadonlySet<SliceId>;
  onProgress?: (message: string) => void;
  /** The services to read from (default: the registry). */
  services?: readonly AnyService[];
}

type Data = Record<string, unknown>;

/** Reads the wanted slices of every service they belong to, concurrently; every failure is kept as data. */
export async function collectInventory(session: AwsSession, options: CollectOptions): Promise<Inventory> {
  const wanted = withParents(options.slices);
  const ctx = new CollectContext(
    session,
    { accountId: options.accountId, partition: options.partition, regions: options.regions, wanted },
    options.onProgress,
  );
  const inventory: Inventory = {
    format: SNAPSHOT_FORMAT,
    accountId: options.accountId,
    partition: options.partition,
    regions: [...options.regions],
    collectedAt: new Date().toISOString(),
    slices: [...options.slices].sort(),
    errors: ctx.errors,
  };
  const services = (options.services ?? SERVICES).filter((s) => s.slices.some((slice) => wanted.has(slice.id as SliceId)));
  const parts = await Promise.all(services.map((service) => collectService(ctx, service)));
  services.forEach((service, i) => {
    (inventory as unknown as Data)[service.id] = parts[i];
  });
  return inventory;
}

/** One service: its account-wide slices through the home region, or its regional slices in every scanned region. */
export async function collectService(ctx: CollectContext, service: AnyService): Promise<Data> {
  if (service.scope === "global") {
    const data = await collectLevel(ctx, service, ctx.session.homeRegion);
    ctx.progress(`${service.id}: collected`);
    return data;
  }
  const regions = await Promise.all(
    ctx.scope.regions.map(async (region) => {
      const data = await collectLevel(ctx, service, region);
      ctx.progress(`${service.id}: ${region} collected`);
      return [region, data] as const;
    }),
  );
  return { regions: Object.fromEntries(regions) };
}

const isWanted = (ctx: CollectContext, id: string) => ctx.scope.wanted.has(id as SliceId);

/** The wanted top-level slices of a service in one place, each listing enriched with its items' wanted slices. */
async function collectLevel(ctx: CollectContext, service: AnyService, region: string): Promise<Data> {
  const top = service.slices.filter((s): s is AnyTopSlice => s.level === "top" && isWanted(ctx, s.id));
  const values = await Promise.all(
    top.map(async (slice) => {
      const read = await ctx.read(slice.operations[0], region, () => slice.read(readContext(ctx, slice.operations[0], region)), {
        ...(slice.absent ? { absent: slice.absent } : {}),
      });
      const children = service.slices.filter((s): s is AnyItemSlice => s.level === "item" && s.parent === slice.id && isWanted(ctx, s.id));
      if (!read.ok || children.length === 0 || !slice.items || !Array.isArray(read.value)) return read;
      const items = slice.items;
      const enriched = await Promise.all(
        (read.value as unknown[]).map((item) =>
          collectItem(ctx, children, item, items.region?.(item as never, region) ?? region, items.name(item as never)),
        ),
      );
      return { ok: true, value: enriched } satisfies Fetched<unknown[]>;
    }),
  );
  // Keys in declaration order, so that snapshots of the same account compare line by line.
  return Object.fromEntries(top.map((slice, i) => [slice.field, values[i]]));
}

async function collectItem(
  ctx: CollectContext,
  slices: readonly AnyItemSlice[],
  item: unknown,
  region: string,
  name: string,
): Promise<Data> {
  const values = await Promise.all(
    slices.map((slice) =>
      ctx.read(slice.operations[0], region, () => slice.read(readContext(ctx, slice.operations[0], region), item as never), {
        resource: name,
        ...(slice.absent ? { absent: slice.absent } : {}),
      }),
    ),
  );
  return { ...(item as Data), ...Object.fromEntries(slices.map((slice, i) => [slice.field, values[i]])) };
}

function readContext(ctx: CollectContext, operation: OperationSpec, region: string): ReadContext {
  return {
    accountId: ctx.scope.accountId,
    partition: ctx.scope.partition,
    region,
    regions: ctx.scope.regions,
    client: (Client, service = operation.service) => ctx.session.client(Client, service, region),
    attempt: (op, fn, resource) => ctx.read(op, region, fn, resource === undefined ? {} : { resource }),
    calling: async (op, fn) => {
      try {
        return await fn();
      } catch (err) {
        throw new OperationFailed(op, err);
      }
    },
  };
}

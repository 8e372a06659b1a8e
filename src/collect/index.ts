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
  /** Read every wanted slice of every item, even where the plan knows no verdict depends on it. */
  collectAll?: boolean;
}

type Data = Record<string, unknown>;

/** Reads the wanted slices of every service they belong to, concurrently; every failure is kept as data. */
export async function collectInventory(session: AwsSession, options: CollectOptions): Promise<Inventory> {
  const wanted = withParents(options.slices);
  const ctx = new CollectContext(
    session,
    {
      accountId: options.accountId,
      partition: options.partition,
      regions: options.regions,
      wanted,
      collectAll: options.collectAll === true,
    },
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

/** An item's wanted slices, in waves: a slice whose plan waits for others is read after them, or skipped when they make it needless. */
async function collectItem(
  ctx: CollectContext,
  slices: readonly AnyItemSlice[],
  item: unknown,
  region: string,
  name: string,
): Promise<Data> {
  const enriched: Data = { ...(item as Data) };
  let pending = slices;
  while (pending.length > 0) {
    const done = new Set(slices.filter((s) => !pending.includes(s)).map((s) => s.id));
    const waiting = new Set(pending.map((s) => s.id));
    const ready = pending.filter((s) => !s.plan || s.plan.after.every((id) => done.has(id) || !waiting.has(id)));
    if (ready.length === 0) throw new Error(`item slices wait for each other: ${pending.map((s) => s.id).join(", ")}`);
    const values = await Promise.all(
      ready.map(async (slice) => {
        if (!ctx.scope.collectAll && slice.plan?.needless(enriched as never)) {
          ctx.skipped(slice.operations[0]);
          return undefined;
        }
        return ctx.read(slice.operations[0], region, () => slice.read(readContext(ctx, slice.operations[0], region), item as never), {
          resource: name,
          ...(slice.absent ? { absent: slice.absent } : {}),
        });
      }),
    );
    ready.forEach((slice, i) => {
      if (values[i] !== undefined) enriched[slice.field] = values[i];
    });
    pending = pending.filter((s) => !ready.includes(s));
  }
  // Fields in declaration order, so that snapshots of the same account compare line by line.
  return Object.fromEntries([
    ...Object.entries(item as Data),
    ...slices.flatMap((s) => (enriched[s.field] === undefined ? [] : [[s.field, enriched[s.field]] as const])),
  ]);
}

function readContext(ctx: CollectContext, operation: OperationSpec, region: string): ReadContext {
  return {
    accountId: ctx.scope.accountId,
    partition: ctx.scope.partition,
    region,
    regions: ctx.scope.regions,
    client: (Client, service = operation.service) => ctx.session.client(Client, service, region),
    attempt: (op, fn, resource) => ctx.read(op, region, fn, resource === undefined ? {} : { resource }),
    shared: (key, fn) => ctx.shared(`${region}|${key}`, fn),
    calling: async (op, fn) => {
      try {
        return await fn();
      } catch (err) {
        throw new OperationFailed(op, err);
      }
    },
  };
}

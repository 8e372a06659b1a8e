import { accountResource, errorOutcome, regionResource, type EvaluationContext, type Gated, type SliceReader } from "./check.js";
import type { CallError, Fetched, Inventory, SliceId } from "./inventory/index.js";
import type { Outcome } from "./results.js";
import { serviceOf, sliceById } from "./services/index.js";
import type { Settings } from "./settings.js";
import { heapGuard } from "./memory.js";

const GLOBAL = "global";

/** The error for data a check needs that is not in the inventory (not collected, or missing from a snapshot). */
export const notCollected = (service: string, region: string, operation: string): CallError => ({
  service,
  region,
  operation,
  code: "NotCollected",
  message: "this data is not in the inventory (not collected, or missing from the snapshot)",
});

type Data = Record<string, unknown>;

/** The gate and the other context a check evaluates an inventory with. */
export function evaluationContext(inventory: Inventory, settings: Settings): EvaluationContext {
  const read = ((id: SliceId, itemOrRegion?: unknown, itemRegion?: string): Gated<unknown> => {
    // Checks read per resource: a checkpoint of the heap guard inside every check's loop.
    heapGuard.tick();
    const slice = sliceById(id);
    const service = serviceOf(id);
    const [first] = slice.operations;
    const data = (inventory as unknown as Data)[service.id] as Data | undefined;
    let held: Fetched<unknown> | undefined;
    let region: string;
    let resource;
    if (slice.level === "item") {
      region = itemRegion ?? GLOBAL;
      const parent = sliceById(slice.parent as SliceId);
      if (parent.level !== "top" || !parent.items) throw new Error(`slice ${slice.parent} lists no items`);
      resource = parent.items.resource(itemOrRegion as never);
      held = (itemOrRegion as Data)[slice.field] as Fetched<unknown> | undefined;
    } else if (service.scope === "regional") {
      region = itemOrRegion as string;
      resource = regionResource(inventory, region, service.id);
      const regions = data?.regions as Record<string, Data | undefined> | undefined;
      held = regions?.[region]?.[slice.field] as Fetched<unknown> | undefined;
    } else {
      region = GLOBAL;
      resource = accountResource(inventory);
      held = data?.[slice.field] as Fetched<unknown> | undefined;
    }
    if (held?.ok) return { ok: true, value: held.value };
    const error = held ? held.error : notCollected(first.service, region, first.operation);
    return { ok: false, error, outcome: errorOutcome(resource, region, error) };
  }) as SliceReader;

  return {
    settings,
    read,
    unusable: (id, problem): Outcome => {
      const [first] = sliceById(id).operations;
      return errorOutcome(problem.resource, problem.region, {
        service: first.service,
        region: problem.region,
        operation: first.operation,
        code: problem.code,
        message: problem.message,
        ...(problem.about !== undefined ? { resource: problem.about } : {}),
      });
    },
  };
}

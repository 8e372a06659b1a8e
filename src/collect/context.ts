import type { LimitFunction } from "p-limit";
import type { AwsSession } from "../aws/session.js";
import { errorCode, toCallError } from "../aws/errors.js";
import type { CallError, Fetched, Inventory, ServiceId, SliceId } from "../inventory/index.js";

export interface CollectScope {
  accountId: string;
  partition: string;
  regions: readonly string[];
  wanted: ReadonlySet<SliceId>;
}

/** What a collector gets: a session for clients, a shared concurrency limit and error recording. */
export class CollectContext {
  readonly errors: CallError[] = [];

  constructor(
    readonly session: AwsSession,
    readonly scope: CollectScope,
    private readonly limit: LimitFunction,
    private readonly onProgress: (message: string) => void = () => {},
  ) {}

  wants(slice: SliceId): boolean {
    return this.scope.wanted.has(slice);
  }

  progress(message: string): void {
    this.onProgress(message);
  }

  /**
   * Runs one AWS read (or one paginated listing) under the scan's concurrency limit.
   * A failure is recorded and returned as data; it never throws.
   */
  async read<T>(service: string, region: string, operation: string, fn: () => Promise<T>, resource?: string): Promise<Fetched<T>> {
    try {
      return { ok: true, value: await this.limit(fn) };
    } catch (err) {
      const error = toCallError(err, service, region, operation, resource);
      this.errors.push(error);
      return { ok: false, error };
    }
  }

  /** Like `read`, but the listed error codes mean "not configured": a fact, returned as `null`. */
  async readOptional<T>(
    service: string,
    region: string,
    operation: string,
    absentCodes: readonly string[],
    fn: () => Promise<T>,
    resource?: string,
  ): Promise<Fetched<T | null>> {
    try {
      return { ok: true, value: await this.limit(fn) };
    } catch (err) {
      if (absentCodes.includes(errorCode(err))) return { ok: true, value: null };
      const error = toCallError(err, service, region, operation, resource);
      this.errors.push(error);
      return { ok: false, error };
    }
  }
}

export interface Collector<K extends ServiceId & keyof Inventory = ServiceId & keyof Inventory> {
  service: K;
  collect(ctx: CollectContext): Promise<NonNullable<Inventory[K]>>;
}

/** Every item of a paginated listing, in order: `allPages(paginateX(...), (page) => page.Items)`. */
export async function allPages<Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const out: Item[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/**
 * How a service declares itself: its id, scope, service model, the inventory slices it reads
 * (each with its operations, IAM actions, "not configured" error codes and the one function that
 * reads it) and its checks. The registry (`./index.ts`) lists the services; everything that
 * enumerates services, slices, operations or checks is derived from it.
 */
import type { Check } from "../check.js";
import type { Fetched, OperationSpec } from "../inventory/common.js";
import type { ServiceModel } from "../responsibility.js";
import type { ResourceRef } from "../results.js";

/** The shape every SDK v3 client shares that the scanner relies on. */
export interface SdkClient {
  middlewareStack: unknown;
  destroy(): void;
}

export type ClientClass<C> = new (...args: [never]) => C;

/** What a slice's read function gets: where it reads, and clients that record and limit every call. */
export interface ReadContext {
  readonly accountId: string;
  readonly partition: string;
  /** The region the calls go to (the home region for account-wide reads). */
  readonly region: string;
  /** Every region the scan covers (a listing that sees other regions' resources can leave those to their own region). */
  readonly regions: readonly string[];
  /** A cached SDK client in `region`, recorded as `service` (by default, the service of the slice's first operation). */
  client<C extends SdkClient>(Client: ClientClass<C>, service?: string): C;
  /** A read nested in this one whose failure is data, not the slice's failure (e.g. each bucket's location). */
  attempt<T>(operation: OperationSpec, fn: () => Promise<T>, resource?: string): Promise<Fetched<T>>;
  /** A call of another of the slice's operations: if it fails, the slice fails naming that operation. */
  calling<T>(operation: OperationSpec, fn: () => Promise<T>): Promise<T>;
  /**
   * A read whose answer serves every item of this region (one listing of all the region's access
   * points instead of one per bucket): made once per region and `key`, shared by the items' reads.
   * If it fails, each item that shares it fails with it.
   */
  shared<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** The value a container field holds: `Fetched<T> | undefined` → `T`. */
export type Held<Field> = NonNullable<Field> extends Fetched<infer V> ? V : never;

type Element<List> = List extends readonly (infer Item)[] ? Item : never;

interface SliceSpec<Id extends string> {
  /** `<service>.<name>`: what checks name in `needs` and the inventory lists in `slices`. */
  readonly id: Id;
  readonly description: string;
  /** The AWS operations the read makes; the first is the one an ERROR names when the slice is missing. */
  readonly operations: readonly [OperationSpec, ...OperationSpec[]];
  /** Error codes that mean "not configured": the value is `null`, a fact, not a failure. */
  readonly absent?: readonly string[];
}

/** How the items of a listing are named when a slice of one item fails. */
export interface ItemsSpec<Item> {
  /** The resource an ERROR about one item is reported on. */
  resource(item: Item): ResourceRef;
  /** The name failed calls about one item carry (`CallError.resource`). */
  name(item: Item): string;
  /** Where calls about one item go, when items of one listing live in different regions (S3 buckets). */
  region?(item: Item, fallback: string): string;
}

/** A slice read once per account (global service) or once per region (regional service), stored at `container[field]`. */
export interface TopSlice<Id extends string, Container, Value> extends SliceSpec<Id> {
  readonly level: "top";
  readonly field: string;
  readonly read: (ctx: ReadContext) => Promise<Value>;
  /** For a listing whose items have slices of their own. */
  readonly items?: ItemsSpec<Element<Value>>;
  /** Type-level only: the object this slice is stored in. */
  readonly container?: Container;
}

/**
 * Collection planning for an item slice: what other slices of the same item tell about it. The read
 * waits for the slices in `after`, and is skipped when `needless` says no verdict can depend on it
 * (a bucket whose ACLs are disabled has no ACL grant to read). Every check must then reach the same
 * verdict without the value: the planned-vs-eager test holds them to it, and `--collect-all` reads it anyway.
 */
export interface ReadPlan<Item> {
  readonly after: readonly string[];
  readonly needless: (item: Item) => boolean;
}

/** A slice read once per item of a listing (`parent`), stored at `item[field]`. */
export interface ItemSlice<Id extends string, Item, Value> extends SliceSpec<Id> {
  readonly level: "item";
  readonly field: string;
  readonly parent: string;
  readonly read: (ctx: ReadContext, item: Item) => Promise<Value>;
  readonly plan?: ReadPlan<Item>;
  /** Type-level only: the item this slice is stored in (a parameter, so that `never` stands for any item). */
  readonly item?: (item: Item) => void;
}

// `never` for the contravariant item parameter, so that every item slice is assignable.
export type AnyTopSlice = TopSlice<string, unknown, unknown>;
export type AnyItemSlice = ItemSlice<string, never, unknown>;
export type AnySlice = AnyTopSlice | AnyItemSlice;

type TopSpec<Id extends string, Value> = SliceSpec<Id> & {
  read: (ctx: ReadContext) => Promise<Value>;
  items?: ItemsSpec<Element<Value>>;
};

/**
 * Slices stored in `Container` (the service's inventory for a global service, one region's for a
 * regional one): `topSlices<Ec2RegionInventory>()("securityGroups", { id: "ec2.securityGroups", … })`.
 * The compiler holds `read` to the field's type.
 */
export const topSlices =
  <Container>() =>
  <const Id extends string, Field extends keyof Container & string>(
    field: Field,
    spec: TopSpec<Id, Held<Container[Field]>>,
  ): TopSlice<Id, Container, Held<Container[Field]>> => ({ ...spec, level: "top", field });

/** Slices read per item of `parent`, stored on the item: `itemSlices(snapshots)("createVolumePermissions", { … })`. */
export const itemSlices =
  <Item>(parent: TopSlice<string, unknown, readonly Item[]>) =>
  <const Id extends string, Field extends keyof Item & string>(
    field: Field,
    spec: SliceSpec<Id> & { read: (ctx: ReadContext, item: Item) => Promise<Held<Item[Field]>>; plan?: ReadPlan<Item> },
  ): ItemSlice<Id, Item, Held<Item[Field]>> => ({ ...spec, level: "item", field, parent: parent.id });

export type Scope = "global" | "regional";

/** A resource's tags, by its ARN: what mutelist entries with `tags` match. */
export type ResourceTags = readonly (readonly [arn: string, tags: Readonly<Record<string, string>>])[];

/** Where a service's resources carry their tags: the slices that hold them (read only when a mutelist entry uses tags) and how to list them. */
export interface TagSource<Data> {
  /** Slices read only for their tags; slices checks read anyway need not be named. */
  slices?: readonly string[];
  of(data: Data): ResourceTags;
}

export interface ServiceDefinition<Id extends string, S extends Scope, Slices extends readonly AnySlice[]> {
  /** Lower-case id: the inventory key, the `--services` value, the prefix of slice and check ids. */
  readonly id: Id;
  /** AWS's name for the service, for help and documentation. */
  readonly title: string;
  /** Global: read once through the home region (IAM, the S3 bucket list). Regional: read in every scanned region. */
  readonly scope: S;
  /** Decides which layers the customer owns for this service. */
  readonly model: ServiceModel;
  /** The SDK client of each AWS service its slices call, by the operations' service name (`s3`, `s3-control`). */
  readonly clients: Readonly<Record<string, ClientClass<SdkClient>>>;
  /** The inventory type in `./<id>/inventory.ts` that `npm run schema` turns into `./<id>/inventory.schema.json`. */
  readonly schemaType: string;
  readonly slices: Slices;
  readonly checks: readonly Check[];
  readonly tags?: TagSource<DataFor<S, Slices>>;
}

export const defineService = <const Id extends string, const S extends Scope, const Slices extends readonly AnySlice[]>(
  service: ServiceDefinition<Id, S, Slices>,
): ServiceDefinition<Id, S, Slices> => service;

// `never` data: every service's tag source is assignable.
export type AnyService = Omit<ServiceDefinition<string, Scope, readonly AnySlice[]>, "tags"> & { readonly tags?: TagSource<never> };

/** The container a service's top-level slices are stored in. */
type ContainerOf<Slices extends readonly AnySlice[]> = Slices[number] extends infer X
  ? X extends TopSlice<string, infer C, unknown>
    ? C
    : never
  : never;

/** What a service holds in the inventory: its container, or one container per region. */
type DataFor<S extends Scope, Slices extends readonly AnySlice[]> = S extends "regional"
  ? { regions: Record<string, ContainerOf<Slices>> }
  : ContainerOf<Slices>;

export type DataOf<S extends AnyService> = DataFor<S["scope"], S["slices"]>;

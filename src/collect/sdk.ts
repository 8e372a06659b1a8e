/** Small helpers for turning SDK answers into inventory data. */

/** Every item of a paginated listing, in order: `allPages(paginateX(...), (page) => page.Items)`. */
export async function allPages<Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const out: Item[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** `{ tags: {...} }` from the SDK's Key/Value list, `{}` when there are none. */
export function tagsOf(list: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): {
  tags?: Record<string, string>;
} {
  const entries = (list ?? []).filter((t): t is { Key: string; Value?: string } => typeof t.Key === "string" && t.Key !== "");
  return entries.length ? { tags: Object.fromEntries(entries.map((t) => [t.Key, t.Value ?? ""])) } : {};
}

/** `{ key: value }` when the SDK gave a value, `{}` for undefined, null or "" (the inventory never carries them). */
export const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null || value === "" ? {} : { [key]: value }) as { [P in K]?: V };

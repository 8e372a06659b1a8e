/** Cuts text to `max` characters, ending with an ellipsis when cut. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1)}…`;

/** Lists at most `max` items for a message, then "and N more". */
export function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

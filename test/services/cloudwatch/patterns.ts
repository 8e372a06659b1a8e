/** Filter patterns built from a CIS item's event names (no test framework here: the moto scenario uses them too). */
import { ITEMS, type CisMonitoringId } from "../../../checks/cloudwatch/lib/items.js";

/** Event names as one OR of `$.eventName = X`, optionally behind an eventSource condition. */
export const anyOf = (names: readonly string[], source?: string): string => {
  const or = names.map((n) => `($.eventName = ${n})`).join(" || ");
  return source ? `{ ($.eventSource = ${source}) && (${or}) }` : `{ ${or} }`;
};

/** The event names a CIS item lists (its records' labels, for the items whose records are plain calls), less some. */
export const eventNames = (id: CisMonitoringId, ...except: string[]): string[] =>
  ITEMS[id].positives.map((p) => p.label).filter((n) => !except.includes(n));

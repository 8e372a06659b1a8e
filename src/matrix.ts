import type { Check } from "./check.js";
import type { ServiceId } from "./inventory/index.js";
import { LAYERS, PROVIDER_LAYERS, ownerOf, type Layer, type Owner, type ProviderLayer, type ServiceModel } from "./responsibility.js";
import type { Finding, Status } from "./results.js";
import { SERVICES } from "./services/index.js";

/**
 * One service × layer cell. `state` is what a reader needs first:
 * provider / not-applicable, or for a customer layer: assessed (some check evaluated it)
 * or unassessed (the customer owns it, no check covers it) — never shown as a pass.
 */
export interface MatrixCell {
  owner: Owner;
  state: "provider" | "not-applicable" | "assessed" | "unassessed";
  checks: string[];
  results: Partial<Record<Status, number>>;
}

export interface ResponsibilityMatrix {
  layers: (Layer | ProviderLayer)[];
  services: Partial<Record<ServiceId, { serviceModel: ServiceModel; cells: Record<Layer | ProviderLayer, MatrixCell> }>>;
}

export function buildMatrix(services: readonly string[], checks: readonly Check[], findings: readonly Finding[]): ResponsibilityMatrix {
  const layers = [...PROVIDER_LAYERS, ...LAYERS];
  const matrix: ResponsibilityMatrix = { layers, services: {} };
  // Every cell's counts in one pass over the findings (statuses in the order they first occur in a cell).
  const counts = new Map<string, Partial<Record<Status, number>>>();
  for (const f of findings) {
    const key = `${f.service}|${f.responsibility.layer}`;
    let results = counts.get(key);
    if (!results) counts.set(key, (results = {}));
    results[f.status] = (results[f.status] ?? 0) + 1;
  }
  for (const { id: service, model } of SERVICES.filter((s) => services.includes(s.id))) {
    const cells = {} as Record<Layer | ProviderLayer, MatrixCell>;
    for (const layer of layers) {
      const owner = ownerOf(model, layer);
      const layerChecks = checks.filter((c) => c.service === service && c.layer === layer).map((c) => c.id);
      const results: Partial<Record<Status, number>> = { ...counts.get(`${service}|${layer}`) };
      const state = owner === "customer" ? (layerChecks.length > 0 && Object.keys(results).length > 0 ? "assessed" : "unassessed") : owner;
      cells[layer] = { owner, state, checks: layerChecks, results };
    }
    matrix.services[service] = { serviceModel: model, cells };
  }
  return matrix;
}

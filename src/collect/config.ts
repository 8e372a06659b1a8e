import type { Collector } from "./context.js";

// Placeholder until the config collector lands: collects nothing.
export const configCollector: Collector<"config"> = {
  service: "config",
  async collect() {
    return {};
  },
};

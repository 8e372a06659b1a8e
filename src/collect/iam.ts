import type { Collector } from "./context.js";

// Placeholder until the iam collector lands: collects nothing.
export const iamCollector: Collector<"iam"> = {
  service: "iam",
  async collect() {
    return {};
  },
};

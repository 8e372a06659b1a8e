import type { Collector } from "./context.js";

// Placeholder until the ec2 collector lands: collects nothing.
export const ec2Collector: Collector<"ec2"> = {
  service: "ec2",
  async collect() {
    return {};
  },
};

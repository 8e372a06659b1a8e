import { describe, expect, it } from "vitest";
import { describeExposure, exposureSeverity, GroupUsage } from "../../../src/network/exposure.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { eni, eniOf, instance } from "../../support/fixtures/ec2.js";

describe("group exposure", () => {
  const web = instance("i-web", { groups: ["sg-open"], publicIp: "54.1.2.3", name: "web" });
  const stopped = instance("i-stopped", { groups: ["sg-stopped"], state: "stopped", publicIp: "54.9.9.9" });
  const privateOnly = instance("i-private", { groups: ["sg-private"] });
  const v6 = instance("i-v6", {
    groups: ["sg-v6"],
    networkInterfaces: [{ networkInterfaceId: "eni-v6", groupIds: ["sg-v6"], ipv6Addresses: ["2600:1f18::1"] }],
  });
  const lb = eni("eni-lb", ["sg-lb"], { interfaceType: "network_load_balancer", publicIp: "3.3.3.3", description: "ELB net/lb" });
  const instances = [web, stopped, privateOnly, v6];
  const usage = new GroupUsage({ instances: ok(instances), networkInterfaces: ok([...instances.map(eniOf), lb]) });

  it("a group on a running instance with a public IPv4 address is exposed, naming the instance", () => {
    const e = usage.exposure("sg-open", ["ipv4"]);
    expect(e.state).toBe("exposed");
    expect(e.instances).toEqual([{ instanceId: "i-web", name: "web", networkInterfaceId: "eni-i-web", publicIp: "54.1.2.3" }]);
    expect(describeExposure(e)).toBe("exposed: attached to running instance i-web (web) at 54.1.2.3");
  });

  it("a stopped instance or one without a public address is attached, not exposed", () => {
    expect(usage.exposure("sg-stopped", ["ipv4"]).state).toBe("attached");
    const e = usage.exposure("sg-private", ["ipv4"]);
    expect(e.state).toBe("attached");
    expect(e.attachedInterfaceIds).toEqual(["eni-i-private"]);
    expect(describeExposure(e)).toContain("none reachable from the internet");
  });

  it("an IPv6 address is reachable only by IPv6 rules", () => {
    expect(usage.exposure("sg-v6", ["ipv4"]).state).toBe("attached");
    const e = usage.exposure("sg-v6", ["ipv6"]);
    expect(e.state).toBe("exposed");
    expect(e.instances[0]?.ipv6Addresses).toEqual(["2600:1f18::1"]);
  });

  it("a public interface of something other than an instance exposes the group too", () => {
    const e = usage.exposure("sg-lb", ["ipv4", "ipv6"]);
    expect(e.state).toBe("exposed");
    expect(e.interfaces).toEqual([
      { networkInterfaceId: "eni-lb", interfaceType: "network_load_balancer", description: "ELB net/lb", publicIp: "3.3.3.3" },
    ]);
  });

  it("a group nothing uses is unattached", () => {
    const e = usage.exposure("sg-unused", ["ipv4"]);
    expect(e).toMatchObject({ state: "unattached", attachedInterfaceIds: [] });
  });

  it("falls back to the instance's own groups and public IP when interfaces carry none", () => {
    const bare = instance("i-bare", { securityGroupIds: ["sg-bare"], publicIp: "54.0.0.1", networkInterfaces: [] });
    const u = new GroupUsage({ instances: ok([bare]), networkInterfaces: ok([]) });
    expect(u.exposure("sg-bare", ["ipv4"]).instances.map((i) => i.publicIp)).toEqual(["54.0.0.1"]);
  });

  it("a failed read makes an unproven exposure unknown, but a proven one stays exposed", () => {
    const failedEnis = new GroupUsage({ instances: ok([web, privateOnly]), networkInterfaces: denied("ec2.networkInterfaces") });
    expect(failedEnis.exposure("sg-open", ["ipv4"]).state).toBe("exposed");
    const e = failedEnis.exposure("sg-private", ["ipv4"]);
    expect(e.state).toBe("unknown");
    expect(e.unknownBecause).toBe("ec2:DescribeNetworkInterfaces failed with UnauthorizedOperation");
    const notCollected = new GroupUsage({});
    expect(notCollected.exposure("sg-open", ["ipv4"]).unknownBecause).toBe(
      "DescribeInstances was not collected; DescribeNetworkInterfaces was not collected",
    );
  });

  it("raises severity one step when exposed and lowers it one step when unattached", () => {
    expect(exposureSeverity("high", "exposed")).toBe("critical");
    expect(exposureSeverity("critical", "exposed")).toBe("critical");
    expect(exposureSeverity("high", "attached")).toBe("high");
    expect(exposureSeverity("high", "unknown")).toBe("high");
    expect(exposureSeverity("high", "unattached")).toBe("medium");
    expect(exposureSeverity("informational", "unattached")).toBe("informational");
  });
});

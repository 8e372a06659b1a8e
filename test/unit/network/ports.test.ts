import { describe, expect, it } from "vitest";
import {
  admitsAllPorts,
  admitsPort,
  admittedPorts,
  describeProtocolPorts,
  portRangeText,
  portsAdmitted,
  protocolName,
} from "../../../src/network/ports.js";

describe("protocols", () => {
  it("normalizes names and numbers", () => {
    expect(protocolName("-1")).toBe("all");
    expect(protocolName("tcp")).toBe("tcp");
    expect(protocolName("6")).toBe("tcp");
    expect(protocolName("UDP")).toBe("udp");
    expect(protocolName("17")).toBe("udp");
    expect(protocolName("1")).toBe("icmp");
    expect(protocolName("58")).toBe("icmpv6");
    expect(protocolName("50")).toBe("other");
  });
});

describe("port ranges", () => {
  it("protocol -1 admits every port, whatever the port fields say", () => {
    expect(portsAdmitted("-1")).toEqual({ from: 0, to: 65535 });
    expect(admitsPort("-1", -1, -1, 22)).toBe(true);
    expect(admitsAllPorts("-1")).toBe(true);
  });

  it("a tcp range that contains 22 opens 22; one that stops short does not", () => {
    expect(admitsPort("tcp", 22, 22, 22)).toBe(true);
    expect(admitsPort("tcp", 0, 1024, 22)).toBe(true);
    expect(admitsPort("tcp", 20, 25, 22)).toBe(true);
    expect(admitsPort("6", 1, 21, 22)).toBe(false);
    expect(admitsPort("tcp", 23, 3388, 22)).toBe(false);
    expect(admitsPort("tcp", 3389, 3389, 3389)).toBe(true);
  });

  it("udp counts, icmp and other protocols open no ports", () => {
    expect(admitsPort("udp", 3389, 3389, 3389)).toBe(true);
    expect(admitsPort("icmp", 22, 22, 22)).toBe(false);
    expect(admitsPort("icmpv6", -1, -1, 22)).toBe(false);
    expect(admitsPort("50", undefined, undefined, 22)).toBe(false);
    expect(portsAdmitted("icmp", 8, 0)).toBeNull();
  });

  it("tcp without port bounds (or -1) means every port", () => {
    expect(admitsAllPorts("tcp", undefined, undefined)).toBe(true);
    expect(admitsAllPorts("tcp", -1, -1)).toBe(true);
    expect(admitsAllPorts("tcp", 0, 65535)).toBe(true);
    expect(admitsAllPorts("udp", 1, 65535)).toBe(true);
    expect(admitsAllPorts("tcp", 1024, 65535)).toBe(false);
    expect(admitsAllPorts("icmp", -1, -1)).toBe(false);
  });

  it("lists which of the given ports a rule opens", () => {
    expect(admittedPorts("tcp", 0, 5000, [22, 3389, 8080, 22])).toEqual([22, 3389]);
    expect(admittedPorts("tcp", 80, 80, [22, 3389])).toEqual([]);
    expect(admittedPorts("tcp", 443, 443, [22, 3389])).toEqual([]);
  });

  it("words rules the way findings name them", () => {
    expect(describeProtocolPorts("tcp", 22, 22)).toBe("tcp 22");
    expect(describeProtocolPorts("tcp", 0, 65535)).toBe("tcp 0-65535");
    expect(describeProtocolPorts("-1")).toBe("all traffic (protocol -1)");
    expect(describeProtocolPorts("icmp", -1, -1)).toBe("icmp");
    expect(describeProtocolPorts("50")).toBe("IP protocol 50");
    expect(portRangeText("tcp", 20, 25)).toBe("20-25");
    expect(portRangeText("-1")).toBe("all");
    expect(portRangeText("icmp", 8, 0)).toBe("none");
  });
});

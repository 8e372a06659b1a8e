import { describe, expect, it } from "vitest";
import { cidrContains, cidrFamily, cidrScope, isInternetCidr, isPrivateCidr, parseCidr } from "../../../src/network/cidr.js";

describe("parseCidr", () => {
  it("parses IPv4 ranges and clears host bits", () => {
    expect(parseCidr("10.1.2.3/8")).toEqual({ family: "ipv4", network: 10n << 24n, prefixLength: 8 });
    expect(parseCidr("192.168.1.7")).toMatchObject({ family: "ipv4", prefixLength: 32 });
  });

  it("parses IPv6 ranges in compressed, full and IPv4-embedded forms", () => {
    expect(parseCidr("::/0")).toEqual({ family: "ipv6", network: 0n, prefixLength: 0 });
    expect(parseCidr("2001:db8::/32")?.network).toBe(0x20010db8n << 96n);
    expect(parseCidr("2001:0db8:0000:0000:0000:0000:0000:0001/128")?.network).toBe((0x20010db8n << 96n) | 1n);
    expect(parseCidr("::ffff:10.0.0.1/128")?.network).toBe((0xffffn << 32n) | (10n << 24n) | 1n);
    expect(parseCidr("FE80::1/64")).toMatchObject({ family: "ipv6", prefixLength: 64 });
  });

  it("rejects malformed input", () => {
    for (const bad of [
      "",
      "10.0.0/8",
      "256.0.0.0/8",
      "10.0.0.0/33",
      "1::2::3/64",
      "::/129",
      "10.0.0.0/8/1",
      "gg::/16",
      "10.0.0.0/x",
      "1:2:3:4:5:6:7:8:9/64",
    ]) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });
});

describe("internet ranges", () => {
  it("treats only the whole address space (/0) of either family as the internet", () => {
    expect(isInternetCidr("0.0.0.0/0")).toBe(true);
    expect(isInternetCidr("::/0")).toBe(true);
    expect(isInternetCidr("0:0:0:0:0:0:0:0/0")).toBe(true);
    // Host bits set on a /0 are still the whole space.
    expect(isInternetCidr("10.0.0.0/0")).toBe(true);
    expect(isInternetCidr("0.0.0.0/1")).toBe(false);
    expect(isInternetCidr("203.0.113.0/24")).toBe(false);
    expect(isInternetCidr("2001:db8::/32")).toBe(false);
    expect(isInternetCidr("not-a-cidr")).toBe(false);
  });

  it("classifies private, public and internet ranges", () => {
    expect(cidrScope("10.0.0.0/8")).toBe("private");
    expect(cidrScope("172.16.5.0/24")).toBe("private");
    expect(cidrScope("192.168.0.0/16")).toBe("private");
    expect(cidrScope("100.64.1.0/24")).toBe("private");
    expect(cidrScope("fd00::/8")).toBe("private");
    expect(cidrScope("fe80::/64")).toBe("private");
    expect(cidrScope("172.32.0.0/16")).toBe("public");
    expect(cidrScope("8.8.8.8/32")).toBe("public");
    expect(cidrScope("2600:1f18::/32")).toBe("public");
    expect(cidrScope("0.0.0.0/0")).toBe("internet");
    expect(cidrScope("::/0")).toBe("internet");
    expect(cidrScope("300.1.1.1/32")).toBe("invalid");
    // A range that only starts in private space is not private.
    expect(isPrivateCidr("10.0.0.0/7")).toBe(false);
  });

  it("tests containment within one family only", () => {
    const ten = parseCidr("10.0.0.0/8");
    const sub = parseCidr("10.20.0.0/16");
    const v6 = parseCidr("::/0");
    expect(ten && sub && cidrContains(ten, sub)).toBe(true);
    expect(ten && sub && cidrContains(sub, ten)).toBe(false);
    expect(ten && v6 && cidrContains(v6, ten)).toBe(false);
    expect(cidrFamily("::/0")).toBe("ipv6");
    expect(cidrFamily("0.0.0.0/0")).toBe("ipv4");
  });
});

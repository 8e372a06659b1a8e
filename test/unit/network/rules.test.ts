import { describe, expect, it } from "vitest";
import {
  describeNaclEntry,
  internetIngressRules,
  internetRulesOpening,
  internetRulesOpeningAllPorts,
  naclDecidingEntry,
  naclInternetOpenings,
} from "../../../src/network/rules.js";
import { CATCH_ALL_DENY, naclEntry, perm, sg } from "../../support/fixtures/ec2.js";

describe("security group internet ingress", () => {
  const group = sg("sg-1", [
    perm("tcp", 22, 22, ["10.0.0.0/8", "0.0.0.0/0"]),
    perm("tcp", 443, 443, ["0.0.0.0/0", "::/0"]),
    perm("tcp", 3389, 3389, ["203.0.113.0/24"]),
    perm("-1", undefined, undefined, [], { referencedGroupIds: ["sg-1"] }),
    perm("udp", 0, 65535, ["::/0"]),
  ]);

  it("keeps only rules whose source is 0.0.0.0/0 or ::/0, one per source range", () => {
    expect(internetIngressRules(group).map((r) => r.summary)).toEqual([
      "tcp 22 from 0.0.0.0/0",
      "tcp 443 from 0.0.0.0/0",
      "tcp 443 from ::/0",
      "udp 0-65535 from ::/0",
    ]);
    expect(internetIngressRules(group).map((r) => r.family)).toEqual(["ipv4", "ipv4", "ipv6", "ipv6"]);
  });

  it("finds the rules opening given ports, with the ports each opens", () => {
    const openings = internetRulesOpening(group, [22, 3389]);
    expect(openings.map((o) => [o.rule.summary, o.ports])).toEqual([
      ["tcp 22 from 0.0.0.0/0", [22]],
      ["udp 0-65535 from ::/0", [22, 3389]],
    ]);
  });

  it("HTTP/HTTPS alone open no administration port", () => {
    const web = sg("sg-web", [perm("tcp", 80, 80, ["0.0.0.0/0"]), perm("tcp", 443, 443, ["0.0.0.0/0", "::/0"])]);
    expect(internetRulesOpening(web, [22, 3389])).toEqual([]);
    expect(internetRulesOpeningAllPorts(web)).toEqual([]);
  });

  it("recognizes all-port rules", () => {
    expect(internetRulesOpeningAllPorts(group).map((r) => r.summary)).toEqual(["udp 0-65535 from ::/0"]);
    const all = sg("sg-all", [perm("-1", undefined, undefined, ["0.0.0.0/0"])]);
    expect(internetRulesOpeningAllPorts(all).map((r) => r.ports)).toEqual(["all"]);
  });
});

describe("network ACL first-match evaluation", () => {
  it("the default ACL's allow-all rule 100 opens the admin ports to the internet", () => {
    const entries = [
      naclEntry(100, "allow", "-1", "0.0.0.0/0"),
      naclEntry(100, "allow", "-1", "0.0.0.0/0", undefined, true),
      ...CATCH_ALL_DENY,
    ];
    const openings = naclInternetOpenings(entries, [22, 3389]);
    expect(openings.map((o) => `${o.protocol}/${o.port}/${o.family}`)).toEqual([
      "tcp/22/ipv4",
      "udp/22/ipv4",
      "tcp/3389/ipv4",
      "udp/3389/ipv4",
    ]);
    expect(openings[0]?.entry.ruleNumber).toBe(100);
  });

  it("a lower-numbered deny for the port closes it; a deny after the allow does not", () => {
    const denyFirst = [
      naclEntry(50, "deny", "6", "0.0.0.0/0", [22, 22]),
      naclEntry(100, "allow", "6", "0.0.0.0/0", [0, 65535]),
      ...CATCH_ALL_DENY,
    ];
    expect(naclInternetOpenings(denyFirst, [22]).map((o) => o.port)).toEqual([]);
    expect(naclDecidingEntry(denyFirst, 22, "tcp", "ipv4")?.ruleNumber).toBe(50);
    const denyLater = [
      naclEntry(100, "allow", "6", "0.0.0.0/0", [0, 65535]),
      naclEntry(200, "deny", "6", "0.0.0.0/0", [22, 22]),
      ...CATCH_ALL_DENY,
    ];
    expect(naclInternetOpenings(denyLater, [22]).map((o) => `${o.protocol}/${o.port}`)).toEqual(["tcp/22"]);
  });

  it("orders entries by rule number, not by their position in the API answer", () => {
    const entries = [naclEntry(100, "allow", "-1", "0.0.0.0/0"), ...CATCH_ALL_DENY, naclEntry(10, "deny", "6", "0.0.0.0/0", [22, 22])];
    expect(naclDecidingEntry(entries, 22, "tcp", "ipv4")?.ruleNumber).toBe(10);
    expect(naclInternetOpenings(entries, [22]).map((o) => `${o.protocol}/${o.port}`)).toEqual(["udp/22"]);
  });

  it("a deny for a narrower range does not close the port to the internet at large", () => {
    const entries = [
      naclEntry(10, "deny", "-1", "198.51.100.0/24"),
      naclEntry(100, "allow", "6", "0.0.0.0/0", [20, 30]),
      ...CATCH_ALL_DENY,
    ];
    expect(naclInternetOpenings(entries, [22]).map((o) => o.entry.ruleNumber)).toEqual([100]);
  });

  it("an allow from a private or narrow range is not internet ingress", () => {
    const entries = [
      naclEntry(100, "allow", "6", "10.0.0.0/8", [22, 22]),
      naclEntry(110, "allow", "6", "203.0.113.0/24", [3389, 3389]),
      ...CATCH_ALL_DENY,
    ];
    expect(naclInternetOpenings(entries, [22, 3389])).toEqual([]);
  });

  it("evaluates IPv6 entries separately and ignores egress entries", () => {
    const entries = [
      naclEntry(100, "allow", "6", "::/0", [22, 22]),
      naclEntry(100, "allow", "-1", "0.0.0.0/0", undefined, true),
      ...CATCH_ALL_DENY,
    ];
    expect(naclInternetOpenings(entries, [22]).map((o) => `${o.protocol}/${o.family}`)).toEqual(["tcp/ipv6"]);
  });

  it("port ranges on a rule decide which ports it matches", () => {
    const entries = [naclEntry(100, "allow", "6", "0.0.0.0/0", [1024, 65535]), ...CATCH_ALL_DENY];
    expect(naclInternetOpenings(entries, [22, 3389]).map((o) => o.port)).toEqual([3389]);
    expect(describeNaclEntry(entries[0]!)).toBe("rule 100: allow tcp 1024-65535 from 0.0.0.0/0");
  });
});

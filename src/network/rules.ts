/** Which security group and network ACL rules let the internet in, and to which ports. */
import type { NetworkAclEntry, SecurityGroup, SecurityGroupPermission } from "../services/ec2/inventory.js";
import { cidrFamily, isBroadPublicCidr, isInternetCidr, type AddressFamily, type BroadPrefixes } from "./cidr.js";
import { admitsAllPorts, admitsPort, admittedPorts, describeProtocolPorts, portRangeText, protocolName } from "./ports.js";

/** One (permission, source range) pair of a security group that admits the whole internet. */
export interface InternetIngressRule {
  /** IpProtocol as AWS gives it. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  /** "22", "0-65535", "all", "none" (icmp). */
  ports: string;
  cidr: string;
  family: AddressFamily;
  description?: string;
  /** "tcp 22 from 0.0.0.0/0" */
  summary: string;
}

function ruleOf(p: SecurityGroupPermission, cidr: string, family: AddressFamily, description?: string): InternetIngressRule {
  return {
    protocol: p.protocol,
    ...(p.fromPort !== undefined ? { fromPort: p.fromPort } : {}),
    ...(p.toPort !== undefined ? { toPort: p.toPort } : {}),
    ports: portRangeText(p.protocol, p.fromPort, p.toPort),
    cidr,
    family,
    ...(description ? { description } : {}),
    summary: `${describeProtocolPorts(p.protocol, p.fromPort, p.toPort)} from ${cidr}`,
  };
}

/** Every ingress rule of the group whose source is `0.0.0.0/0` or `::/0`. */
export function internetIngressRules(group: SecurityGroup): InternetIngressRule[] {
  const rules: InternetIngressRule[] = [];
  for (const p of group.ingress) {
    for (const r of [...p.ipv4Ranges, ...p.ipv6Ranges]) {
      if (!isInternetCidr(r.cidr)) continue;
      rules.push(ruleOf(p, r.cidr, cidrFamily(r.cidr) ?? "ipv4", r.description));
    }
  }
  return rules;
}

/** An internet ingress rule together with the listed ports it opens. */
export interface RuleOpening {
  rule: InternetIngressRule;
  ports: number[];
}

/** Internet ingress rules that open any of `ports` (TCP or UDP), with the ports each opens. */
export function internetRulesOpening(group: SecurityGroup, ports: readonly number[]): RuleOpening[] {
  return internetIngressRules(group)
    .map((rule) => ({ rule, ports: admittedPorts(rule.protocol, rule.fromPort, rule.toPort, ports) }))
    .filter((o) => o.ports.length > 0);
}

/** Internet ingress rules that open every port (protocol -1, or tcp/udp 0-65535). */
export function internetRulesOpeningAllPorts(group: SecurityGroup): InternetIngressRule[] {
  return internetIngressRules(group).filter((r) => admitsAllPorts(r.protocol, r.fromPort, r.toPort));
}

// ---- network ACLs ------------------------------------------------------------------------

export type PortProtocol = "tcp" | "udp";

/** An ingress entry that, evaluated in rule-number order, lets the internet reach a port. */
export interface NaclOpening {
  port: number;
  protocol: PortProtocol;
  family: AddressFamily;
  entry: NetworkAclEntry;
}

function entryMatches(entry: NetworkAclEntry, port: number, protocol: PortProtocol): boolean {
  const name = protocolName(entry.protocol);
  if (name !== "all" && name !== protocol) return false;
  return admitsPort(entry.protocol, entry.portRange?.from, entry.portRange?.to, port);
}

/**
 * The entry that decides traffic from the internet at large (`0.0.0.0/0` or `::/0`) to
 * `port`: network ACLs stop at the lowest-numbered matching entry. An entry for a narrower
 * range cannot close the port to the internet as a whole, so only whole-space entries decide.
 */
export function naclDecidingEntry(
  entries: readonly NetworkAclEntry[],
  port: number,
  protocol: PortProtocol,
  family: AddressFamily,
): NetworkAclEntry | undefined {
  return entries
    .filter((e) => !e.egress && isInternetCidr(e.cidr) && cidrFamily(e.cidr) === family && entryMatches(e, port, protocol))
    .sort((a, b) => a.ruleNumber - b.ruleNumber)[0];
}

/** Every (port, protocol, family) the ACL admits from the internet, with the deciding allow entry. */
export function naclInternetOpenings(entries: readonly NetworkAclEntry[], ports: readonly number[]): NaclOpening[] {
  const openings: NaclOpening[] = [];
  for (const port of [...new Set(ports)]) {
    for (const protocol of ["tcp", "udp"] as const) {
      for (const family of ["ipv4", "ipv6"] as const) {
        const entry = naclDecidingEntry(entries, port, protocol, family);
        if (entry?.action === "allow") openings.push({ port, protocol, family, entry });
      }
    }
  }
  return openings;
}

/** "rule 100: allow all traffic from 0.0.0.0/0" */
export function describeNaclEntry(entry: NetworkAclEntry): string {
  const what = describeProtocolPorts(entry.protocol, entry.portRange?.from, entry.portRange?.to);
  return `rule ${entry.ruleNumber}: ${entry.action} ${what} from ${entry.cidr}`;
}

// ---- broad public ranges, NACLs open on every port ----------------------------------------------

/** Every ingress rule of the group whose source is a broad public range (not `/0`; see isBroadPublicCidr). */
export function broadPublicIngressRules(group: SecurityGroup, limits: BroadPrefixes): InternetIngressRule[] {
  const rules: InternetIngressRule[] = [];
  for (const p of group.ingress) {
    for (const r of [...p.ipv4Ranges, ...p.ipv6Ranges]) {
      if (!isBroadPublicCidr(r.cidr, limits)) continue;
      rules.push(ruleOf(p, r.cidr, cidrFamily(r.cidr) ?? "ipv4", r.description));
    }
  }
  return rules;
}

/** A protocol and address family for which a network ACL lets the whole internet reach every port. */
export interface NaclAllPortsOpening {
  protocol: PortProtocol;
  family: AddressFamily;
  /** The allow entry that decides it. */
  entry: NetworkAclEntry;
  /** Lower-numbered whole-internet deny entries that carve single ports or ranges out of it. */
  exceptions: NetworkAclEntry[];
}

const coversAllPortsOf = (entry: NetworkAclEntry, protocol: PortProtocol): boolean => {
  const name = protocolName(entry.protocol);
  return (name === "all" || name === protocol) && admitsAllPorts(entry.protocol, entry.portRange?.from, entry.portRange?.to);
};

/**
 * Per TCP/UDP and address family: the first whole-internet ingress entry (by rule number) that
 * covers every port decides. An allow there opens every port the entries before it do not deny.
 */
export function naclAllPortsOpenings(entries: readonly NetworkAclEntry[]): NaclAllPortsOpening[] {
  const openings: NaclAllPortsOpening[] = [];
  const internet = entries.filter((e) => !e.egress && isInternetCidr(e.cidr)).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const protocol of ["tcp", "udp"] as const) {
    for (const family of ["ipv4", "ipv6"] as const) {
      const ofFamily = internet.filter((e) => cidrFamily(e.cidr) === family);
      const decider = ofFamily.find((e) => coversAllPortsOf(e, protocol));
      if (decider?.action !== "allow") continue;
      const exceptions = ofFamily.filter(
        (e) => e.ruleNumber < decider.ruleNumber && e.action === "deny" && entryMatchesProtocol(e, protocol),
      );
      openings.push({ protocol, family, entry: decider, exceptions });
    }
  }
  return openings;
}

function entryMatchesProtocol(entry: NetworkAclEntry, protocol: PortProtocol): boolean {
  const name = protocolName(entry.protocol);
  return name === "all" || name === protocol;
}

/** Positions of each group id in a region's security group listing, indexed once per listing. */
const positions = new WeakMap<readonly SecurityGroup[], Map<string, number[]>>();

/**
 * The groups of a listing whose ids are in `ids`, in the listing's order: `groups.filter((g) =>
 * ids.has(g.groupId))` without a pass over every group of the region for each instance or database.
 */
export function securityGroupsWithIds(groups: readonly SecurityGroup[], ids: ReadonlySet<string>): SecurityGroup[] {
  let index = positions.get(groups);
  if (!index) {
    index = new Map();
    groups.forEach((g, i) => {
      const list = index!.get(g.groupId);
      if (list) list.push(i);
      else index!.set(g.groupId, [i]);
    });
    positions.set(groups, index);
  }
  const at: number[] = [];
  for (const id of ids) at.push(...(index.get(id) ?? []));
  return at.sort((a, b) => a - b).map((i) => groups[i]!);
}

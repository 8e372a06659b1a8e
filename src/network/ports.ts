/** Protocols and port ranges as security groups and network ACLs express them. */

export type ProtocolName = "all" | "tcp" | "udp" | "icmp" | "icmpv6" | "other";

const BY_NUMBER: Record<string, ProtocolName> = { "-1": "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };
const BY_NAME: Record<string, ProtocolName> = { all: "all", tcp: "tcp", udp: "udp", icmp: "icmp", icmpv6: "icmpv6" };

/** "-1"/"all" → all, "tcp"/"6" → tcp, "udp"/"17" → udp, … anything else → other. */
export function protocolName(protocol: string): ProtocolName {
  const p = protocol.trim().toLowerCase();
  return BY_NUMBER[p] ?? BY_NAME[p] ?? "other";
}

export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/**
 * The TCP/UDP ports a rule admits, or null when it admits no TCP/UDP port at all
 * (ICMP, or another IP protocol such as ESP, which has no ports).
 * Protocol -1 admits every port; so does tcp/udp with no (or -1) port bounds.
 */
export function portsAdmitted(protocol: string, fromPort?: number, toPort?: number): PortRange | null {
  const name = protocolName(protocol);
  if (name === "all") return ALL_PORTS;
  if (name !== "tcp" && name !== "udp") return null;
  if (fromPort === undefined || fromPort === -1 || toPort === undefined || toPort === -1) return ALL_PORTS;
  return { from: Math.min(fromPort, toPort), to: Math.max(fromPort, toPort) };
}

/** True when the rule admits traffic to `port` over TCP or UDP. */
export function admitsPort(protocol: string, fromPort: number | undefined, toPort: number | undefined, port: number): boolean {
  const range = portsAdmitted(protocol, fromPort, toPort);
  return range !== null && range.from <= port && port <= range.to;
}

/** The listed ports the rule admits (in the order given, without duplicates). */
export function admittedPorts(
  protocol: string,
  fromPort: number | undefined,
  toPort: number | undefined,
  ports: readonly number[],
): number[] {
  return [...new Set(ports.filter((p) => admitsPort(protocol, fromPort, toPort, p)))];
}

/** True when the rule admits every port: protocol -1, or tcp/udp over the whole range (0 or 1 to 65535). */
export function admitsAllPorts(protocol: string, fromPort?: number, toPort?: number): boolean {
  const range = portsAdmitted(protocol, fromPort, toPort);
  return range !== null && range.from <= 1 && range.to >= 65535;
}

/** Human wording of a rule's protocol and ports: "tcp 22", "udp 0-65535", "all traffic", "icmp". */
export function describeProtocolPorts(protocol: string, fromPort?: number, toPort?: number): string {
  const name = protocolName(protocol);
  if (name === "all") return "all traffic (protocol -1)";
  if (name === "other") return `IP protocol ${protocol}`;
  if (name === "icmp" || name === "icmpv6") return name;
  const range = portsAdmitted(protocol, fromPort, toPort) ?? ALL_PORTS;
  return range.from === range.to ? `${name} ${range.from}` : `${name} ${range.from}-${range.to}`;
}

/** "22", "0-65535" or "all": how evidence names a rule's port range. */
export function portRangeText(protocol: string, fromPort?: number, toPort?: number): string {
  const range = portsAdmitted(protocol, fromPort, toPort);
  if (range === null) return "none";
  if (protocolName(protocol) === "all") return "all";
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/** IPv4/IPv6 CIDR parsing and classification: which source ranges mean "the internet". */

export type AddressFamily = "ipv4" | "ipv6";

export interface Cidr {
  family: AddressFamily;
  /** The network address as an unsigned integer (host bits cleared). */
  network: bigint;
  prefixLength: number;
}

const BITS: Record<AddressFamily, number> = { ipv4: 32, ipv6: 128 };

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text.toLowerCase();
  // An embedded dotted IPv4 tail (::ffff:1.2.3.4) counts as the last two groups.
  const lastColon = body.lastIndexOf(":");
  const tail = body.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIpv4(tail);
    if (v4 === undefined) return undefined;
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): string[] => (s === "" ? [] : s.split(":"));
  const head = groupsOf(halves[0] ?? "");
  const rest = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return value;
}

/** Parses "a.b.c.d/n", "x::y/n" or a bare address (a /32 or /128). Undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  const [addressText, prefixText, extra] = trimmed.split("/");
  if (!addressText || extra !== undefined) return undefined;
  const family: AddressFamily = addressText.includes(":") ? "ipv6" : "ipv4";
  const address = family === "ipv4" ? parseIpv4(addressText) : parseIpv6(addressText);
  if (address === undefined) return undefined;
  const bits = BITS[family];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = prefixText === undefined ? bits : Number(prefixText);
  if (prefixLength > bits) return undefined;
  const hostBits = BigInt(bits - prefixLength);
  const network = (address >> hostBits) << hostBits;
  return { family, network, prefixLength };
}

/** True when `inner` lies entirely inside `outer` (same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefixLength < outer.prefixLength) return false;
  const hostBits = BigInt(BITS[outer.family] - outer.prefixLength);
  return inner.network >> hostBits === outer.network >> hostBits;
}

/**
 * Address space that is not reachable from the public internet: RFC 1918, carrier-grade
 * NAT, loopback, link-local, unique-local IPv6, and the "this network" block.
 */
const NON_INTERNET_RANGES: readonly Cidr[] = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "::1/128",
  "fc00::/7",
  "fe80::/10",
].map((c) => parseCidr(c) as Cidr);

/**
 * True when the range is the whole address space of its family (`0.0.0.0/0`, `::/0`):
 * a rule with it as source accepts traffic from anywhere on the internet.
 */
export function isInternetCidr(text: string): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && cidr.prefixLength === 0;
}

/** True when the whole range lies in private / non-routable address space. */
export function isPrivateCidr(text: string): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && NON_INTERNET_RANGES.some((range) => cidrContains(range, cidr));
}

export type CidrScope = "internet" | "public" | "private" | "invalid";

/** internet: all addresses; public: some routable addresses; private: none routable. */
export function cidrScope(text: string): CidrScope {
  const cidr = parseCidr(text);
  if (!cidr) return "invalid";
  if (cidr.prefixLength === 0) return "internet";
  return isPrivateCidr(text) ? "private" : "public";
}

export const cidrFamily = (text: string): AddressFamily | undefined => parseCidr(text)?.family;

/** How wide a public source range must be (its prefix length at most this) to count as the internet at large. */
export interface BroadPrefixes {
  ipv4: number;
  ipv6: number;
}

/**
 * A broad public range: routable addresses (not entirely private, reserved or link-local), with a
 * prefix of at least 1 and at most the family's limit. `/0` is not included: it is the whole
 * internet, which the per-port checks judge.
 */
export function isBroadPublicCidr(text: string, limits: BroadPrefixes): boolean {
  const cidr = parseCidr(text);
  if (!cidr || cidr.prefixLength === 0) return false;
  if (cidr.prefixLength > (cidr.family === "ipv4" ? limits.ipv4 : limits.ipv6)) return false;
  return cidrScope(text) === "public";
}

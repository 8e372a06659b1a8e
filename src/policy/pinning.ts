/**
 * When a resource policy statement that allows everyone (`Principal: "*"`) is not public: a
 * condition pins the caller to known networks, accounts, organizations or identities. The same idea
 * AWS uses for "public" in S3 Block Public Access; each service's analysis adds its own keys
 * (S3 access points, `kms:CallerAccount`).
 */
import type { Condition } from "./document.js";

/** Global condition keys that pin a grant to known callers, in any resource policy (lower case, as parsed). */
export const CALLER_PINNING_KEYS: readonly string[] = [
  "aws:sourcevpce",
  "aws:sourcevpc",
  "aws:sourceip",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalaccount",
  "aws:principalarn",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:userid",
  "aws:username",
];

/** The narrowest IPv4/IPv6 prefix still treated as "the internet" for aws:SourceIp. */
const BROAD_IPV4_PREFIX = 8;
const BROAD_IPV6_PREFIX = 32;

function isBroadCidr(value: string): boolean {
  const [addr, prefixText] = value.split("/");
  if (addr === undefined) return true;
  const prefix = prefixText === undefined ? (addr.includes(":") ? 128 : 32) : Number(prefixText);
  if (!Number.isInteger(prefix)) return true;
  return addr.includes(":") ? prefix < BROAD_IPV6_PREFIX : prefix < BROAD_IPV4_PREFIX;
}

/**
 * Whether one condition limits the statement to known callers: a key of `pinningKeys` with fixed
 * values, under an operator that is not negated, not IfExists and not ForAllValues.
 */
export function pinsCaller(c: Condition, pinningKeys: ReadonlySet<string>): boolean {
  if (!pinningKeys.has(c.key)) return false;
  const op = c.operator.toLowerCase();
  // Negated operators, IfExists (absent key passes) and ForAllValues (empty set passes) do not pin.
  if (op.includes("not") || op.endsWith("ifexists") || op.startsWith("forallvalues:")) return false;
  if (c.values.length === 0 || c.values.some((v) => v === "*" || v === "")) return false;
  if (c.key === "aws:sourceip") return op.includes("ipaddress") && !c.values.some(isBroadCidr);
  // A wildcard inside an account/org/VPC value could match anyone's.
  if (op.includes("like") && c.values.some((v) => /^[*?]|:[*?]*:|^arn:[^:]*:[^:]*:[^:]*:\*/.test(v))) return false;
  return true;
}

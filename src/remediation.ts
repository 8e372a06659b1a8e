/**
 * Filling a check's remediation in for one finding: `<placeholders>` in its CLI command and fix title
 * take the values the scan knows. Where a value comes from is data, never per-check code:
 *
 * 1. the check's `remediation.fill`: placeholder → a path into the finding (`evidence.groupId`); a
 *    path through a list (`evidence.attachedPolicies[].arn`) repeats the command it is in (one of
 *    those chained with `&&`) once per element, and drops it for an empty list;
 * 2. conventions for every check: `<region>` (of a regional finding), `<ACCOUNT_ID>` / `<account-id>`,
 *    `<partition>`, `<resource-id>`, `<resource-arn>`, and the resource's own identifier by its type (`<BUCKET>` of an S3 bucket,
 *    `<group-id>` of a security group, `<role-name>` of a role: see RESOURCE_PLACEHOLDERS).
 *
 * Names match without regard to case, `_` or `-` (`<KEY_ARN>` is `<key-arn>`). A placeholder no rule
 * fills stays: it names a value only the user can choose (a key to encrypt with, a bucket to log to).
 * Values are AWS's (untrusted) strings: one is written into a command only where the shell reads it
 * as the plain text it is (see `shellSafe`); otherwise the placeholder stays.
 */
import type { Finding, Remediation } from "./results.js";

const PLACEHOLDER = /<([A-Za-z][A-Za-z0-9_-]*)>/g;

/** `<KEY_ARN>`, `<key-arn>` and `<Key_Arn>` are one name. */
export const placeholderName = (name: string): string => name.toLowerCase().replace(/_/g, "-");

/** Every `<placeholder>` in a text, as written, once each. */
export const placeholdersIn = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[0]))];

type Part = "id" | "arn" | "name";

/**
 * The placeholders that name a resource itself, by its CloudFormation type: its id, its ARN, or its
 * name (the last segment of the ARN's path, for IAM, whose ids are names or ARNs).
 */
export const RESOURCE_PLACEHOLDERS: Record<string, Record<string, Part>> = {
  "AWS::S3::Bucket": { bucket: "id", "bucket-name": "id" },
  "AWS::EC2::SecurityGroup": { "group-id": "id" },
  "AWS::EC2::Instance": { "instance-id": "id" },
  "AWS::EC2::Volume": { "volume-id": "id" },
  "AWS::EC2::Snapshot": { "snapshot-id": "id" },
  "AWS::EC2::Image": { "ami-id": "id", "image-id": "id" },
  "AWS::EC2::VPC": { "vpc-id": "id" },
  "AWS::EC2::NetworkAcl": { "acl-id": "id", "network-acl-id": "id" },
  "AWS::IAM::User": { "user-name": "name" },
  "AWS::IAM::Role": { "role-name": "name" },
  "AWS::IAM::Group": { "group-name": "name" },
  "AWS::IAM::Policy": { "policy-arn": "arn" },
  "AWS::IAM::ServerCertificate": { "certificate-name": "name" },
  "AWS::KMS::Key": { "key-id": "id", "key-arn": "arn" },
  "AWS::RDS::DBInstance": { "instance-id": "id", "db-instance-id": "id" },
  "AWS::RDS::DBCluster": { "cluster-id": "id", "db-cluster-id": "id" },
  "AWS::RDS::DBSnapshot": { "snapshot-id": "id" },
  "AWS::RDS::DBClusterSnapshot": { "cluster-snapshot-id": "id" },
  "AWS::CloudTrail::Trail": { "trail-arn": "arn", trail: "arn", "trail-name": "id" },
  "AWS::EFS::FileSystem": { "file-system-id": "id" },
};

/** A finding's region when it is one (global findings have none to name). */
const realRegion = (f: Finding): string | undefined => (f.region === "global" || f.region === "unknown" ? undefined : f.region);

const CONVENTIONS: Record<string, (f: Finding) => unknown> = {
  region: realRegion,
  "account-id": (f) => f.accountId,
  partition: (f) => f.resource.arn.split(":")[1] || undefined,
  "resource-id": (f) => f.resource.id,
  "resource-arn": (f) => f.resource.arn,
};

const resourcePart = (f: Finding, part: Part): string => {
  if (part === "id") return f.resource.id;
  if (part === "arn") return f.resource.arn;
  const resource = f.resource.arn.split(":").slice(5).join(":");
  return resource.slice(resource.lastIndexOf("/") + 1) || f.resource.id;
};

/** The value at a dotted path into the finding (`evidence.groupId`, `resource.id`, `evidence.rules.0.cidr`). */
function valueAt(finding: Finding, path: string): unknown {
  let node: unknown = finding;
  for (const key of path.split(".")) {
    if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
    else if (typeof node === "object" && node !== null && !Array.isArray(node) && Object.hasOwn(node, key))
      node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

const asText = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
};

/** The value the scan knows for a placeholder of this finding's remediation, if any. */
export function placeholderValue(finding: Finding, name: string, fill: Remediation["fill"] = {}): string | undefined {
  const wanted = placeholderName(name);
  const mapped = Object.entries(fill).find(([key]) => placeholderName(key) === wanted)?.[1];
  if (mapped !== undefined) return asText(valueAt(finding, mapped));
  const convention = CONVENTIONS[wanted];
  if (convention) return asText(convention(finding));
  const part = RESOURCE_PLACEHOLDERS[finding.resource.type]?.[wanted];
  return part ? resourcePart(finding, part) : undefined;
}

type Quoting = "none" | "single" | "double";

/** The shell's quoting at each offset of a command template (before the character there). */
function quotingAt(template: string, offset: number): Quoting {
  let state: Quoting = "none";
  for (let i = 0; i < offset; i++) {
    const c = template[i];
    if (state === "none" && c === "\\") i++;
    else if (state === "none" && c === "'") state = "single";
    else if (state === "none" && c === '"') state = "double";
    else if (state === "single" && c === "'") state = "none";
    else if (state === "double" && c === "\\") i++;
    else if (state === "double" && c === '"') state = "none";
  }
  return state;
}

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The value as the shell should see it at that spot, or undefined when it cannot be written there as
 * plain text: inside '…' anything but a quote; inside "…" no $, `, \ or "; unquoted only characters
 * with no meaning to the shell (AWS ids, names and ARNs), or else the value in single quotes.
 */
export function shellSafe(value: string, quoting: Quoting): string | undefined {
  if (CONTROL.test(value)) return undefined;
  if (quoting === "single") return value.includes("'") ? undefined : value;
  if (quoting === "double") return /[$`\\"!]/.test(value) ? undefined : value;
  if (/^[A-Za-z0-9_./:@=+,%-]+$/.test(value)) return value;
  return value.includes("'") ? undefined : `'${value}'`;
}

export interface FilledCommand {
  command: string;
  /** Placeholders left in it, as written. */
  placeholders: string[];
}

/** Adds `--region` to each `aws <service> <operation>` of a regional finding's command that names no region. */
function withRegion(command: string, finding: Finding): string {
  const region = realRegion(finding);
  if (!region || /--region\b/.test(command) || !/^[a-z0-9-]+$/.test(region)) return command;
  return command.replace(/\baws ([a-z0-9-]+) ([a-z0-9-]+)/g, (match) => `${match} --region ${region}`);
}

/** The command template for a finding: its resource type's, or the check's. */
export const commandFor = (remediation: Remediation, finding: Finding): string | undefined =>
  remediation.cliByResourceType?.[finding.resource.type] ?? remediation.cli;

/** Offsets of the top-level ` && ` that chain a template's commands. */
function chainPoints(template: string): number[] {
  const points: number[] = [];
  for (let at = template.indexOf(" && "); at >= 0; at = template.indexOf(" && ", at + 4))
    if (quotingAt(template, at) === "none") points.push(at);
  return points;
}

/** The list a fill path runs through (`evidence.attachedPolicies` of `evidence.attachedPolicies[].arn`). */
const listOf = (path: string): string | undefined => (path.includes("[]") ? path.slice(0, path.indexOf("[]")) : undefined);

/**
 * A command template filled in for a finding (values written only where the shell reads them as
 * text). Each command of a `&&` chain whose placeholders run through a list is written once per
 * element, and left out for an empty one.
 */
export function fillCommand(template: string, finding: Finding, fill: Remediation["fill"] = {}): FilledCommand {
  const bounds = [0, ...chainPoints(template).flatMap((at) => [at, at + 4]), template.length];
  const commands: string[] = [];
  const left = new Set<string>();
  for (let i = 0; i < bounds.length; i += 2) {
    const part = template.slice(bounds[i], bounds[i + 1]);
    const lists = new Set(
      placeholdersIn(part).flatMap((p) => {
        const path = Object.entries(fill).find(([key]) => placeholderName(key) === placeholderName(p.slice(1, -1)))?.[1];
        const list = path ? listOf(path) : undefined;
        return list ? [list] : [];
      }),
    );
    if (lists.size === 0) {
      const filled = fillOne(part, finding, fill);
      commands.push(filled.command);
      filled.placeholders.forEach((p) => left.add(p));
      continue;
    }
    const [list] = [...lists];
    const items = valueAt(finding, list!);
    const count = Array.isArray(items) && lists.size === 1 ? items.length : -1;
    if (count < 0) {
      // Not a list, or two lists in one command: nothing to repeat by; the placeholders stay.
      commands.push(part);
      placeholdersIn(part).forEach((p) => left.add(p));
      continue;
    }
    for (let n = 0; n < count; n++) {
      const indexed = Object.fromEntries(Object.entries(fill).map(([key, path]) => [key, path.replace("[]", `.${n}`)]));
      const filled = fillOne(part, finding, indexed);
      commands.push(filled.command);
      filled.placeholders.forEach((p) => left.add(p));
    }
  }
  return { command: commands.join(" && "), placeholders: [...left] };
}

function fillOne(template: string, finding: Finding, fill: Remediation["fill"]): FilledCommand {
  let command = "";
  let last = 0;
  const left = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const at = match.index;
    command += template.slice(last, at);
    last = at + match[0].length;
    const value = placeholderValue(finding, match[1]!, fill);
    const safe = value === undefined ? undefined : shellSafe(value, quotingAt(template, at));
    if (safe === undefined) left.add(match[0]);
    command += safe ?? match[0];
  }
  command += template.slice(last);
  return { command: withRegion(command, finding), placeholders: [...left] };
}

/** A text (a fix's title) filled in for a finding; undefined when some placeholder has no value. */
export function fillText(template: string, finding: Finding, fill: Remediation["fill"] = {}): string | undefined {
  let complete = true;
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = placeholderValue(finding, name, fill);
    if (value === undefined) complete = false;
    return value ?? whole;
  });
  return complete ? text : undefined;
}

import type { Check } from "./check.js";
import type { OperationSpec } from "./inventory/index.js";
import { operationsOf, slicesToRead } from "./services/index.js";

/** Operations the scan makes before any collector runs. */
export const BOOTSTRAP_OPERATIONS: readonly OperationSpec[] = [
  { service: "sts", operation: "GetCallerIdentity", action: "sts:GetCallerIdentity" },
  { service: "ec2", operation: "DescribeRegions", action: "ec2:DescribeRegions" },
];

export interface PolicyOptions {
  /** Also the reads of resource tags, for mutelist entries that match by tag. */
  tags?: boolean;
}

/** Every AWS operation the selected checks can make the scanner call, derived from their declared slices. */
export function operationsFor(checks: readonly Check[], options: PolicyOptions = {}): OperationSpec[] {
  const seen = new Map<string, OperationSpec>();
  for (const op of BOOTSTRAP_OPERATIONS) seen.set(`${op.service}:${op.operation}`, op);
  for (const op of operationsOf(slicesToRead(checks, options))) seen.set(`${op.service}:${op.operation}`, op);
  return [...seen.values()].sort((a, b) => a.action.localeCompare(b.action));
}

export interface IamPolicyDocument {
  Version: "2012-10-17";
  Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: string | string[] }[];
}

/**
 * What the scanning principal of an organization scan needs besides the reads (which the member roles
 * hold): listing the organization's accounts, and assuming the member role. sts:AssumeRole reads no
 * account data, but it is not a List/Read action, so it is a statement of its own, limited to the role.
 */
export function organizationStatements(roleName: string, listAccounts: boolean): IamPolicyDocument["Statement"] {
  return [
    ...(listAccounts
      ? [{ Sid: "YoursideListAccounts", Effect: "Allow" as const, Action: ["organizations:ListAccounts"], Resource: "*" }]
      : []),
    { Sid: "YoursideAssumeMemberRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: `arn:aws:iam::*:role/${roleName}` },
  ];
}

/** The least-privilege identity policy for running the selected checks: read actions only. */
export function leastPrivilegePolicy(checks: readonly Check[], options: PolicyOptions = {}): IamPolicyDocument {
  const actions = [...new Set(operationsFor(checks, options).map((o) => o.action))].sort();
  return { Version: "2012-10-17", Statement: [{ Sid: "YoursideReadOnlyScan", Effect: "Allow", Action: actions, Resource: "*" }] };
}

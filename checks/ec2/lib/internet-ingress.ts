/** Shared evaluation of the "security group open to the internet" checks, with exposure-based severity. */
import { fail, pass, type SliceReader } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { SecurityGroup } from "../../../src/services/ec2/inventory.js";
import { describeExposure, exposureSeverity, GroupUsage, type GroupExposure } from "../../../src/network/exposure.js";
import { internetIngressRules, type InternetIngressRule } from "../../../src/network/rules.js";
import type { Outcome, ResourceRef, Severity } from "../../../src/results.js";
import { listSome } from "../../../src/wording.js";

/** A rule a check objects to, and what it opens in words ("SSH (22)", "MySQL/Aurora (3306)"). */
export interface OffendingRule {
  rule: InternetIngressRule;
  opens: string[];
}

/** A rule in the shape of EC2's IpPermission, with its one source range. */
const ipPermission = (r: InternetIngressRule) => ({
  IpProtocol: r.protocol,
  ...(r.fromPort !== undefined ? { FromPort: r.fromPort } : {}),
  ...(r.toPort !== undefined ? { ToPort: r.toPort } : {}),
  ...(r.family === "ipv6" ? { Ipv6Ranges: [{ CidrIpv6: r.cidr }] } : { IpRanges: [{ CidrIp: r.cidr }] }),
});

export const groupResource = (g: SecurityGroup): ResourceRef => ({ arn: g.arn, id: g.groupId, type: "AWS::EC2::SecurityGroup" });

export const groupLabel = (g: SecurityGroup): string => `Security group ${g.groupId} (${g.groupName})${g.vpcId ? ` in ${g.vpcId}` : ""}`;

const exposureEvidence = (e: GroupExposure) => ({
  state: e.state,
  instances: e.instances,
  interfaces: e.interfaces,
  attachedInterfaceIds: e.attachedInterfaceIds,
  ...(e.unknownBecause ? { unknownBecause: e.unknownBecause } : {}),
});

export interface IngressCheckSpec {
  /** The check's severity for a group attached to something without a public address. */
  severity: Severity;
  /** What must not be open, for the PASS message: "remote administration ports (SSH (22), RDP (3389))". */
  subject: string;
  offending: (group: SecurityGroup) => OffendingRule[];
  /** The sources the PASS message names (default "0.0.0.0/0 or ::/0"). */
  sources?: string;
  /** The group's rules from those sources, for PASS evidence (default: its internet ingress rules). */
  sourceRules?: (group: SecurityGroup) => InternetIngressRule[];
}

/**
 * One outcome per security group in every scanned region: FAIL naming each offending
 * rule (protocol, ports, source range) and the group's exposure, PASS otherwise; ERROR for
 * a region whose security groups could not be read.
 */
export function evaluateInternetIngress(inv: Inventory, read: SliceReader, spec: IngressCheckSpec): Outcome[] {
  return inv.regions.flatMap((region): Outcome[] => {
    const groups = read("ec2.securityGroups", region);
    if (!groups.ok) return [groups.outcome];
    const usage = new GroupUsage(inv.ec2?.regions[region] ?? {});
    return groups.value.map((group) => {
      const offending = spec.offending(group);
      if (offending.length === 0) {
        return pass(
          groupResource(group),
          region,
          `${groupLabel(group)} allows no ingress from ${spec.sources ?? "0.0.0.0/0 or ::/0"} to ${spec.subject}.`,
          {
            groupId: group.groupId,
            groupName: group.groupName,
            ...(group.vpcId ? { vpcId: group.vpcId } : {}),
            internetIngressRules: (spec.sourceRules ?? internetIngressRules)(group).map((r) => r.summary),
          },
        );
      }
      const exposure = usage.exposure(
        group.groupId,
        offending.map((o) => o.rule.family),
      );
      const rules = offending.map((o) => `${o.rule.summary} (opens ${listSome(o.opens, 3)})`);
      return fail(
        groupResource(group),
        region,
        `${groupLabel(group)} allows ${listSome(rules, 3)}; ${describeExposure(exposure)}.`,
        {
          groupId: group.groupId,
          groupName: group.groupName,
          ...(group.vpcId ? { vpcId: group.vpcId } : {}),
          rules: offending.map((o) => ({
            protocol: o.rule.protocol,
            ports: o.rule.ports,
            cidr: o.rule.cidr,
            opens: o.opens,
            ...(o.rule.description ? { description: o.rule.description } : {}),
          })),
          exposure: exposureEvidence(exposure),
          // The rules as EC2 takes them back (revoke-security-group-ingress --ip-permissions).
          ipPermissions: offending.map((o) => ipPermission(o.rule)),
        },
        exposureSeverity(spec.severity, exposure.state),
      );
    });
  });
}

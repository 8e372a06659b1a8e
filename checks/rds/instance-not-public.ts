import { defineCheck, fail, FRAMEWORKS, pass, type EvaluationContext, type Gated } from "../../src/check.js";
import type { AddressFamily } from "../../src/network/cidr.js";
import { admitsPort, protocolName } from "../../src/network/ports.js";
import { internetIngressRules } from "../../src/network/rules.js";
import type { SecurityGroup } from "../../src/services/ec2/inventory.js";
import type { DbInstance } from "../../src/services/rds/inventory.js";
import { listSome } from "../../src/wording.js";
import { forEachInstance, instanceLabel } from "./lib/databases.js";

/** A rule of one of the instance's security groups that lets the whole internet reach its port. */
interface Opening {
  groupId: string;
  groupName: string;
  rule: string;
}

/**
 * The internet ingress rules of the instance's VPC security groups that admit TCP to its port:
 * IPv4 rules always, IPv6 (::/0) rules only for a dual-stack instance (NetworkType DUAL).
 */
/** A region's security groups by id, indexed once per listing (not once per DB instance). */
const indexes = new WeakMap<readonly SecurityGroup[], Map<string, SecurityGroup>>();
function groupsById(groups: readonly SecurityGroup[]): Map<string, SecurityGroup> {
  let byId = indexes.get(groups);
  if (!byId) indexes.set(groups, (byId = new Map(groups.map((g) => [g.groupId, g]))));
  return byId;
}

function openings(instance: DbInstance, port: number, groups: readonly SecurityGroup[]): { openings: Opening[]; missing: string[] } {
  const families = new Set<AddressFamily>(instance.networkType === "DUAL" ? ["ipv4", "ipv6"] : ["ipv4"]);
  const byId = groupsById(groups);
  const found: Opening[] = [];
  const missing: string[] = [];
  for (const { groupId } of instance.vpcSecurityGroups) {
    const group = byId.get(groupId);
    if (!group) {
      missing.push(groupId);
      continue;
    }
    for (const rule of internetIngressRules(group)) {
      if (!families.has(rule.family) || protocolName(rule.protocol) === "udp") continue;
      if (admitsPort(rule.protocol, rule.fromPort, rule.toPort, port))
        found.push({ groupId, groupName: group.groupName, rule: rule.summary });
    }
  }
  return { openings: found, missing };
}

export default defineCheck({
  id: "rds-instance-not-public",
  title: "RDS DB instances are not publicly accessible",
  service: "rds",
  layer: "network",
  severity: "high",
  risk: { exposure: "public" },
  needs: ["rds.instances", "ec2.securityGroups"],
  rationale:
    "A publicly accessible instance gets a DNS name that resolves to a public address: only its security groups stand between " +
    "the database's login prompt and the internet, and one broad rule added later exposes it. An instance passes when " +
    "PubliclyAccessible is false. A publicly accessible one is reported critical when one of its VPC security groups admits " +
    "0.0.0.0/0 (or ::/0, for a dual-stack instance) on the instance's port, high otherwise; when the security groups could not " +
    "be read it is reported high, saying so, never passed.",
  remediation: {
    text: "Turn off public accessibility and reach the database from inside the VPC (VPN, bastion, Session Manager port forwarding); remove internet rules from its security groups.",
    cli: "aws rds modify-db-instance --db-instance-identifier <instance-id> --no-publicly-accessible --apply-immediately",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.2.3"], [FRAMEWORKS.fsbp]: ["RDS.2"] },
  evaluate: (inv, ctx) => {
    const groupsIn = new Map<string, Gated<SecurityGroup[]>>();
    const groups = (region: string, read: EvaluationContext["read"]) => {
      if (!groupsIn.has(region)) groupsIn.set(region, read("ec2.securityGroups", region));
      return groupsIn.get(region)!;
    };
    return forEachInstance(inv, ctx, (i, { resource, region }) => {
      const groupIds = i.vpcSecurityGroups.map((g) => g.groupId);
      const base = {
        instance: i.id,
        engine: i.engine,
        ...(i.clusterId ? { cluster: i.clusterId } : {}),
        publiclyAccessible: i.publiclyAccessible,
        ...(i.endpointAddress ? { endpoint: i.endpointAddress } : {}),
        ...(i.port !== undefined ? { port: i.port } : {}),
        securityGroups: groupIds,
      };
      if (!i.publiclyAccessible) return pass(resource, region, `${instanceLabel(i)} is not publicly accessible.`, base);
      const listed = groups(region, ctx.read);
      if (!listed.ok) {
        const e = listed.error;
        return fail(
          resource,
          region,
          `${instanceLabel(i)} is publicly accessible; whether its security groups admit the internet is unknown (${e.service}:${e.operation} failed with ${e.code}).`,
          { ...base, internetIngress: `unknown: ${e.service}:${e.operation} failed with ${e.code}; judged without it` },
        );
      }
      if (i.port === undefined) {
        return fail(
          resource,
          region,
          `${instanceLabel(i)} is publicly accessible; it reports no port yet, so its security groups were not matched against it.`,
          { ...base, internetIngress: "unknown: the instance reports no port" },
        );
      }
      const found = openings(i, i.port, listed.value);
      const evidence = {
        ...base,
        internetIngress: found.openings,
        ...(found.missing.length ? { groupsNotListed: found.missing } : {}),
      };
      if (found.openings.length > 0) {
        const rules = found.openings.map((o) => `${o.groupId} (${o.groupName}): ${o.rule}`);
        return fail(
          resource,
          region,
          `${instanceLabel(i)} is publicly accessible and open to the internet on port ${i.port}: ${listSome(rules, 3)}.`,
          evidence,
          "critical",
        );
      }
      return fail(
        resource,
        region,
        `${instanceLabel(i)} is publicly accessible; none of its security groups (${listSome(groupIds, 3) || "none"}) admits the internet on port ${i.port}, but one broad rule would expose it.`,
        evidence,
      );
    });
  },
});

import { defineCheck, fail, pass } from "../../src/check.js";
import { portRangeText } from "../../src/network/ports.js";
import { describeNaclEntry, naclAllPortsOpenings } from "../../src/network/rules.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import type { NetworkAcl, NetworkAclEntry } from "../../src/services/ec2/inventory.js";
import { listSome } from "../../src/wording.js";

const aclResource = (a: NetworkAcl): ResourceRef => ({ arn: a.arn, id: a.networkAclId, type: "AWS::EC2::NetworkAcl" });

const aclLabel = (a: NetworkAcl): string =>
  `Network ACL ${a.networkAclId}${a.isDefault ? " (default)" : ""}${a.vpcId ? ` in ${a.vpcId}` : ""}`;

const entryEvidence = (e: NetworkAclEntry) => ({
  ruleNumber: e.ruleNumber,
  action: e.action,
  protocol: e.protocol,
  ports: portRangeText(e.protocol, e.portRange?.from, e.portRange?.to),
  cidr: e.cidr,
});

export default defineCheck({
  id: "ec2-network-acl-all-ports-open",
  title: "Network ACLs do not allow ingress from the internet to every port",
  service: "ec2",
  layer: "network",
  severity: "medium",
  needs: ["ec2.networkAcls"],
  rationale:
    "A network ACL is the stateless filter in front of a subnet, the second line behind security groups. One that lets " +
    "0.0.0.0/0 or ::/0 reach every TCP or UDP port leaves the subnet's exposure to its security groups alone. Evaluated " +
    "in rule-number order, per protocol and address family: the first whole-internet entry that covers every port decides, " +
    "and an ACL fails when that entry allows (lower-numbered denies of single ports are listed as exceptions). The default " +
    "network ACL allows everything, so it fails too. Medium, as the administration ports' NACL check.",
  remediation: {
    text: "Allow only the ports the subnet serves from the internet (and ephemeral ports for return traffic), then deny the rest from 0.0.0.0/0 and ::/0.",
    cli: "aws ec2 replace-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 100 --protocol tcp --port-range From=443,To=443 --cidr-block 0.0.0.0/0 --rule-action allow",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
  },
  compliance: {},
  noComplianceBecause:
    "CIS v6.0 6.2 and FSBP EC2.21 cover the administration ports of network ACLs only; no recommendation or control covers every port.",
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const acls = read("ec2.networkAcls", region);
      if (!acls.ok) return [acls.outcome];
      return acls.value.map((acl) => {
        const openings = naclAllPortsOpenings(acl.entries);
        const base = { networkAclId: acl.networkAclId, vpcId: acl.vpcId, isDefault: acl.isDefault, subnetIds: acl.subnetIds };
        if (openings.length === 0)
          return pass(aclResource(acl), region, `${aclLabel(acl)} does not let 0.0.0.0/0 or ::/0 reach every port.`, {
            ...base,
            ingressEntries: acl.entries.filter((e) => !e.egress).map(entryEvidence),
          });
        const byEntry = new Map<NetworkAclEntry, string[]>();
        for (const o of openings) byEntry.set(o.entry, [...(byEntry.get(o.entry) ?? []), `${o.protocol}/${o.family}`]);
        const exceptions = [...new Set(openings.flatMap((o) => o.exceptions))];
        const clauses = [...byEntry].map(([entry, what]) => `${describeNaclEntry(entry)} opens every port (${what.join(", ")})`);
        return fail(
          aclResource(acl),
          region,
          `${aclLabel(acl)}: ${clauses.join("; ")}${
            exceptions.length
              ? `, except what ${listSome(
                  exceptions.map((e) => `rule ${e.ruleNumber}`),
                  4,
                )} deny`
              : ""
          }.`,
          {
            ...base,
            openings: openings.map((o) => ({ protocol: o.protocol, family: o.family, entry: entryEvidence(o.entry) })),
            exceptions: exceptions.map(entryEvidence),
          },
        );
      });
    }),
});

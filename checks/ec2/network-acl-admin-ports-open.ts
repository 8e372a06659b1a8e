import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { NetworkAcl, NetworkAclEntry } from "../../src/services/ec2/inventory.js";
import { portRangeText } from "../../src/network/ports.js";
import { describeNaclEntry, naclInternetOpenings } from "../../src/network/rules.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import { adminPortName } from "./lib/ports.js";
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
  id: "ec2-network-acl-admin-ports-open",
  title: "Network ACLs do not allow ingress from the internet to remote administration ports",
  service: "ec2",
  layer: "network",
  severity: "medium",
  risk: { exposure: "public" },
  needs: ["ec2.networkAcls"],
  rationale:
    "Network ACLs are the stateless filter in front of every subnet. Evaluated in rule-number order, the first entry for " +
    "0.0.0.0/0 or ::/0 that matches SSH or RDP decides whether the whole internet can reach those ports in the ACL's subnets.",
  remediation: {
    text: "Add a lower-numbered deny entry for the administration ports from 0.0.0.0/0 and ::/0, or replace the allow entry with one for the trusted ranges only.",
    cli: "aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21",
  },
  compliance: { [FRAMEWORKS.cis]: ["6.2"], [FRAMEWORKS.fsbp]: ["EC2.21"] },
  evaluate: (inv, { read, settings }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const acls = read("ec2.networkAcls", region);
      if (!acls.ok) return [acls.outcome];
      return acls.value.map((acl) => {
        const openings = naclInternetOpenings(acl.entries, settings.adminPorts);
        const base = { networkAclId: acl.networkAclId, vpcId: acl.vpcId, isDefault: acl.isDefault, subnetIds: acl.subnetIds };
        if (openings.length === 0) {
          return pass(
            aclResource(acl),
            region,
            `${aclLabel(acl)} admits no traffic from 0.0.0.0/0 or ::/0 to ${settings.adminPorts.map(adminPortName).join(", ")}.`,
            { ...base, ingressEntries: acl.entries.filter((e) => !e.egress).map(entryEvidence) },
          );
        }
        // One clause per deciding entry: "rule 100: allow all traffic from 0.0.0.0/0 admits tcp SSH (22), udp SSH (22)".
        const byEntry = new Map<NetworkAclEntry, string[]>();
        for (const o of openings) byEntry.set(o.entry, [...(byEntry.get(o.entry) ?? []), `${o.protocol} ${adminPortName(o.port)}`]);
        const clauses = [...byEntry].map(([entry, what]) => `${describeNaclEntry(entry)} admits ${listSome(what, 4)}`);
        return fail(aclResource(acl), region, `${aclLabel(acl)}: ${clauses.join("; ")}.`, {
          ...base,
          openings: openings.map((o) => ({ port: o.port, protocol: o.protocol, family: o.family, entry: entryEvidence(o.entry) })),
        });
      });
    }),
});

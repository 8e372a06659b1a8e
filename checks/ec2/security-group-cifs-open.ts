import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { protocolName } from "../../src/network/ports.js";
import { internetRulesOpening } from "../../src/network/rules.js";
import { evaluateInternetIngress } from "./lib/internet-ingress.js";

/** CIFS (SMB directly over TCP, without NetBIOS): the port CIS 6.1.2 names. */
const CIFS_PORT = 445;

export default defineCheck({
  id: "ec2-security-group-cifs-open",
  title: "Security groups do not allow ingress from the internet to CIFS (TCP 445)",
  service: "ec2",
  layer: "network",
  severity: "high",
  risk: { exposure: "public" },
  needs: ["ec2.securityGroups", "ec2.networkInterfaces", "ec2.instances"],
  rationale:
    "CIFS/SMB file sharing on TCP 445 is among the most scanned and exploited ports on the internet (worms and ransomware " +
    "such as WannaCry spread through it). A security group fails when a rule admits TCP 445 from 0.0.0.0/0 or ::/0, " +
    "whether by naming the port, by a port range covering it, or by protocol -1; this check holds to CIS 6.1.2 whatever " +
    "settings.sensitivePorts says (NetBIOS ports 137-139 are on that list, not here). A group attached to a running " +
    "instance with a public address is reported one severity higher; an unattached group one lower.",
  remediation: {
    text: "Remove the rule, or restrict its source to the networks of the clients that need the file share (better, reach it over a VPN or Direct Connect).",
    cli: "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions '<ip-permissions>'",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    fill: { "ip-permissions": "evidence.ipPermissions" },
    fix: "Remove internet ingress from security group <group-id>",
  },
  compliance: { [FRAMEWORKS.cis]: ["6.1.2"] },
  evaluate: (inv, { read }) =>
    evaluateInternetIngress(inv, read, {
      severity: "high",
      subject: "CIFS (tcp 445)",
      offending: (group) =>
        internetRulesOpening(group, [CIFS_PORT])
          .filter(({ rule }) => ["tcp", "all"].includes(protocolName(rule.protocol)))
          .map(({ rule }) => ({ rule, opens: [`CIFS (${CIFS_PORT})`] })),
    }),
});

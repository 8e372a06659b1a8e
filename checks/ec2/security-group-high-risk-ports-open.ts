import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { internetRulesOpening } from "../../src/network/rules.js";
import { evaluateInternetIngress } from "./lib/internet-ingress.js";
import { byService, highRiskPortIndex } from "./lib/ports.js";

export default defineCheck({
  id: "ec2-security-group-high-risk-ports-open",
  title: "Security groups do not allow ingress from the internet to directory, mail and other high-risk ports",
  service: "ec2",
  layer: "network",
  severity: "high",
  needs: ["ec2.securityGroups", "ec2.networkInterfaces", "ec2.instances"],
  rationale:
    "Kerberos (88, 464, 749, 750) and LDAP (389, 636) expose a directory to password spraying and ticket attacks; SMTP, " +
    "POP3, IMAP, Microsoft RPC, inter-node Cassandra, development web servers and proxy ports are attacked the moment " +
    "they face the internet. The default list (settings.highRiskPorts) is what peers flag beyond the data and service " +
    "ports: Prowler's per-port instance checks (Kerberos, LDAP, Cassandra 7000/7001) and its high-risk list, and the " +
    "remaining ports of Security Hub EC2.19's blockedPorts (25, 110, 135, 143, 3000, 4333, 5000, 5500, 8080, 8088). Ports " +
    "also in settings.sensitivePorts or settings.adminPorts are left to those checks, so no port is reported twice. A " +
    "group attached to a running instance with a public address is reported one severity higher; an unattached group one lower.",
  remediation: {
    text: "Remove the rule, or restrict its source to the networks and security groups of the clients that need the service (directory services belong behind a VPN or Direct Connect).",
    cli: "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions '<ip-permissions>'",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19",
    fill: { "ip-permissions": "evidence.ipPermissions" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.19"] },
  evaluate: (inv, { read, settings }) => {
    const index = highRiskPortIndex(settings);
    const ports = [...index.keys()].sort((a, b) => a - b);
    return evaluateInternetIngress(inv, read, {
      severity: "high",
      subject: "the configured high-risk ports",
      offending: (group) =>
        internetRulesOpening(group, ports).map(({ rule, ports: opened }) => ({ rule, opens: byService(opened, index) })),
    });
  },
});

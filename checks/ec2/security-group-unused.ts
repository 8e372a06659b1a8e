import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { GroupUsage } from "../../src/network/exposure.js";
import type { Outcome } from "../../src/results.js";
import { groupLabel, groupResource } from "./lib/internet-ingress.js";

export default defineCheck({
  id: "ec2-security-group-unused",
  title: "Security groups are attached to something (unused groups are removed)",
  service: "ec2",
  layer: "network",
  severity: "low",
  needs: ["ec2.securityGroups", "ec2.networkInterfaces", "ec2.instances"],
  rationale:
    "An unused security group is clutter that hides the groups that matter, and a ready-made opening: whoever may attach " +
    "groups can reuse an old, permissive one. Hygiene, low. A group passes when some network interface (of an instance, a " +
    "load balancer, a Lambda function, …) or a non-terminated instance carries it; a VPC's default group is not judged (it " +
    "cannot be deleted; ec2-default-security-group-restricts-all covers it). Groups referenced only by launch templates or " +
    "other groups' rules count as unused.",
  remediation: {
    text: "Delete the group after checking that no launch template, Auto Scaling group or CloudFormation stack still refers to it.",
    cli: "aws ec2 delete-security-group --group-id <group-id>",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/deleting-security-groups.html",
  },
  compliance: { [FRAMEWORKS.securityHub]: ["EC2.22"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const groups = read("ec2.securityGroups", region);
      if (!groups.ok) return [groups.outcome];
      const interfaces = read("ec2.networkInterfaces", region);
      if (!interfaces.ok) return [interfaces.outcome];
      const instances = read("ec2.instances", region);
      if (!instances.ok) return [instances.outcome];
      const usage = new GroupUsage({
        networkInterfaces: { ok: true, value: interfaces.value },
        instances: { ok: true, value: instances.value },
      });
      return groups.value
        .filter((g) => g.groupName !== "default")
        .map((g) => {
          const e = usage.exposure(g.groupId, ["ipv4", "ipv6"]);
          const evidence = {
            groupId: g.groupId,
            groupName: g.groupName,
            vpcId: g.vpcId ?? null,
            attachedInterfaceIds: e.attachedInterfaceIds,
          };
          return e.state === "unattached"
            ? fail(groupResource(g), region, `${groupLabel(g)} is not attached to any network interface or instance.`, evidence)
            : pass(
                groupResource(g),
                region,
                `${groupLabel(g)} is in use (${e.attachedInterfaceIds.length || e.instances.length} network interface(s)).`,
                evidence,
              );
        });
    }),
});

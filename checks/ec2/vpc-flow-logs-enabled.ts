import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { FlowLog, Vpc } from "../../src/services/ec2/inventory.js";
import type { Outcome, ResourceRef } from "../../src/results.js";

const vpcResource = (v: Vpc): ResourceRef => ({ arn: v.arn, id: v.vpcId, type: "AWS::EC2::VPC" });

/** Rejected traffic is what CIS and FSBP ask for at least. */
const CAPTURES_REJECTS = new Set(["ALL", "REJECT"]);

export default defineCheck({
  id: "ec2-vpc-flow-logs-enabled",
  title: "VPC flow logging is enabled for every VPC",
  service: "ec2",
  layer: "monitoring",
  severity: "medium",
  needs: ["ec2.vpcs", "ec2.flowLogs"],
  rationale:
    "Flow logs record the traffic accepted and rejected in a VPC: the evidence for investigating scans, exfiltration and " +
    "lateral movement. A VPC needs an active flow log capturing at least rejected traffic.",
  remediation: {
    text: "Create a flow log for the VPC with traffic type ALL (or at least REJECT) delivering to CloudWatch Logs or S3.",
    cli: "aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::<bucket>",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.7"], [FRAMEWORKS.fsbp]: ["EC2.6"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const vpcs = read("ec2.vpcs", region);
      if (!vpcs.ok) return [vpcs.outcome];
      const flowLogs = read("ec2.flowLogs", region);
      // Each VPC's flow logs, found in one pass (not one pass over every flow log per VPC).
      const byVpc = new Map<string, FlowLog[]>();
      for (const f of flowLogs.ok ? flowLogs.value : []) {
        const list = byVpc.get(f.resourceId);
        if (list) list.push(f);
        else byVpc.set(f.resourceId, [f]);
      }
      // Without the flow log list no VPC can be judged; one ERROR per VPC keeps each VPC's result visible.
      return vpcs.value.map((vpc) => {
        if (!flowLogs.ok) return { ...flowLogs.outcome, resource: vpcResource(vpc) };
        const logs = byVpc.get(vpc.vpcId) ?? [];
        const label = `VPC ${vpc.vpcId}${vpc.name ? ` (${vpc.name})` : ""}${vpc.isDefault ? " (default VPC)" : ""}`;
        const evidence = {
          vpcId: vpc.vpcId,
          flowLogs: logs.map((f) => ({
            flowLogId: f.flowLogId,
            status: f.status ?? null,
            trafficType: f.trafficType ?? null,
            logDestination: f.logDestination ?? null,
          })),
        };
        const good = logs.find((f) => f.status === "ACTIVE" && CAPTURES_REJECTS.has(f.trafficType ?? ""));
        if (good) {
          return pass(
            vpcResource(vpc),
            region,
            `${label} has active flow log ${good.flowLogId} capturing ${good.trafficType} traffic.`,
            evidence,
          );
        }
        const why =
          logs.length === 0
            ? "has no flow log"
            : `has no active flow log capturing rejected traffic (${logs.map((f) => `${f.flowLogId}: ${f.status ?? "?"}/${f.trafficType ?? "?"}`).join(", ")})`;
        return fail(vpcResource(vpc), region, `${label} ${why}.`, evidence);
      });
    }),
});

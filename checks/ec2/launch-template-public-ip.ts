import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { LaunchTemplateVersion } from "../../src/services/ec2/launch-templates.js";
import { forEachLaunchTemplate, templateEvidence, sourceVersion, versionLabel } from "./lib/launch-templates.js";

const publicInterfaces = (v: LaunchTemplateVersion) => v.networkInterfaces.filter((n) => n.associatePublicIpAddress === true);

export default defineCheck({
  id: "ec2-launch-template-public-ip",
  title: "EC2 launch templates do not assign public IP addresses to network interfaces (default and latest version)",
  service: "ec2",
  layer: "network",
  severity: "medium",
  needs: ["ec2.launchTemplates"],
  rationale:
    "A launch template whose network interface sets AssociatePublicIpAddress=true gives every instance launched from it a public " +
    "IPv4 address, whatever the subnet's setting, so each one is reachable from the internet as far as its security groups allow, " +
    "and one permissive rule exposes them all (an Auto Scaling group can launch hundreds). Instances that need inbound traffic " +
    "are better behind a load balancer, and outbound traffic can go through a NAT gateway. Judged on the default and the latest " +
    "version. Passes: no interface asks for a public address (false, or unset so that the subnet decides: EC2.15 is about subnets). " +
    "Interfaces a version attaches by id are not looked up.",
  remediation: {
    text: "Create a new version whose network interfaces set AssociatePublicIpAddress=false, and make it the default.",
    cli: 'aws ec2 create-launch-template-version --launch-template-id <launch-template-id> --source-version <version> --launch-template-data \'{"NetworkInterfaces":[{"DeviceIndex":0,"AssociatePublicIpAddress":false}]}\'',
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25",
    fill: { "launch-template-id": "evidence.launchTemplateId", version: "evidence.sourceVersion" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.25"] },
  evaluate: (inv, ctx) =>
    forEachLaunchTemplate(inv, ctx, (t, { resource, region, label }) => {
      const evidence = templateEvidence(t, (v) => ({ networkInterfaces: v.networkInterfaces }));
      const assigning = t.versions.filter((v) => publicInterfaces(v).length > 0);
      if (assigning.length === 0) {
        return pass(resource, region, `${label} assigns no public IP address in ${t.versions.map(versionLabel).join(" or ")}.`, evidence);
      }
      const what = assigning
        .map((v) => {
          const devices = publicInterfaces(v).map((n) => (n.deviceIndex !== undefined ? `device ${n.deviceIndex}` : "an interface"));
          return `${versionLabel(v)} (${devices.join(", ")})`;
        })
        .join("; ");
      return fail(resource, region, `${label} assigns public IP addresses to instances it launches: ${what}.`, {
        ...evidence,
        sourceVersion: sourceVersion(assigning) ?? null,
      });
    }),
});

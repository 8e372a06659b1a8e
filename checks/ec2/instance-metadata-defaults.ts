import { defineCheck, fail, pass, regionResource } from "../../src/check.js";

export default defineCheck({
  id: "ec2-instance-metadata-defaults",
  title: "The account's instance metadata defaults require IMDSv2 in every region",
  service: "ec2",
  layer: "os",
  severity: "medium",
  needs: ["ec2.instanceMetadataDefaults"],
  rationale:
    "The account-level instance metadata defaults apply to every instance launched in the region without its own metadata " +
    "options (the AMI's, the launch template's or the request's): with HttpTokens=required there, new instances refuse " +
    "IMDSv1, which SSRF flaws use to steal the instance role's credentials. A region passes when GetInstanceMetadataDefaults " +
    "reports HttpTokens required (or the metadata endpoint disabled). Running instances are ec2-instance-imdsv2-required's.",
  remediation: {
    text: "Set the account's instance metadata defaults to require IMDSv2 in each region (existing instances keep their own settings).",
    cli: "aws ec2 modify-instance-metadata-defaults --http-tokens required --http-put-response-hop-limit 2 --region <region>",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
  },
  compliance: {},
  noComplianceBecause:
    "CIS v6.0 6.7 and FSBP EC2.8 judge each instance's metadata options (ec2-instance-imdsv2-required); neither has a recommendation or control for the account-level default.",
  evaluate: (inv, { read }) =>
    inv.regions.map((region) => {
      const resource = regionResource(inv, region, "ec2");
      const defaults = read("ec2.instanceMetadataDefaults", region);
      if (!defaults.ok) return defaults.outcome;
      const d = defaults.value;
      const evidence = { region, ...d };
      if (d.httpEndpoint === "disabled")
        return pass(resource, region, `New instances in ${region} have the metadata endpoint disabled by default.`, evidence);
      if (d.httpTokens === "required")
        return pass(resource, region, `New instances in ${region} require IMDSv2 by default (HttpTokens required).`, evidence);
      return fail(
        resource,
        region,
        d.httpTokens
          ? `The instance metadata defaults in ${region} do not require IMDSv2 (HttpTokens ${d.httpTokens}).`
          : `The account sets no instance metadata defaults in ${region}: new instances allow IMDSv1 unless their AMI or launch settings say otherwise.`,
        evidence,
      );
    }),
});

import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Instance } from "../../src/services/ec2/inventory.js";
import type { Outcome, ResourceRef } from "../../src/results.js";

const instanceResource = (i: Instance): ResourceRef => ({ arn: i.arn, id: i.instanceId, type: "AWS::EC2::Instance" });
const label = (i: Instance) => `Instance ${i.instanceId}${i.name ? ` (${i.name})` : ""}`;

/** Instances that no longer exist or are about to stop existing are not judged. */
const GONE = new Set(["terminated", "shutting-down"]);

export default defineCheck({
  id: "ec2-instance-imdsv2-required",
  title: "EC2 instances require IMDSv2 (session tokens) for the instance metadata service",
  service: "ec2",
  layer: "os",
  severity: "high",
  needs: ["ec2.instances"],
  rationale:
    "IMDSv1 answers plain GET requests, so a server-side request forgery or an open proxy on the instance can read the " +
    "instance role's credentials. With HttpTokens=required every metadata request needs a session token obtained by PUT.",
  remediation: {
    text: "Require IMDSv2 on the instance (and in launch templates / the account default) after checking that its software uses a current SDK.",
    cli: "aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required --http-endpoint enabled",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8",
  },
  compliance: { [FRAMEWORKS.cis]: ["6.7"], [FRAMEWORKS.fsbp]: ["EC2.8"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const instances = read("ec2.instances", region);
      if (!instances.ok) return [instances.outcome];
      return instances.value
        .filter((i) => !GONE.has(i.state))
        .map((i) => {
          const m = i.metadataOptions;
          const evidence = {
            instanceId: i.instanceId,
            state: i.state,
            httpTokens: m?.httpTokens ?? null,
            httpEndpoint: m?.httpEndpoint ?? null,
            ...(m?.httpPutResponseHopLimit !== undefined ? { httpPutResponseHopLimit: m.httpPutResponseHopLimit } : {}),
            ...(i.publicIp ? { publicIp: i.publicIp } : {}),
          };
          if (m?.httpEndpoint === "disabled") {
            return pass(
              instanceResource(i),
              region,
              `${label(i)} has the instance metadata service disabled (HttpEndpoint=disabled).`,
              evidence,
            );
          }
          if (m?.httpTokens === "required") {
            return pass(instanceResource(i), region, `${label(i)} requires IMDSv2 (HttpTokens=required).`, evidence);
          }
          return fail(
            instanceResource(i),
            region,
            `${label(i)} allows IMDSv1: HttpTokens=${m?.httpTokens ?? "not reported"}, HttpEndpoint=${m?.httpEndpoint ?? "not reported"} (instance ${i.state}).`,
            evidence,
          );
        });
    }),
});

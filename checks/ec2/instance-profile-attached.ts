import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Instance } from "../../src/services/ec2/inventory.js";
import type { Outcome, ResourceRef } from "../../src/results.js";

const instanceResource = (i: Instance): ResourceRef => ({ arn: i.arn, id: i.instanceId, type: "AWS::EC2::Instance" });
const label = (i: Instance) => `Instance ${i.instanceId}${i.name ? ` (${i.name})` : ""}`;

/** Instances that no longer exist or are about to stop existing are not judged. */
const GONE = new Set(["terminated", "shutting-down"]);

export default defineCheck({
  id: "ec2-instance-profile-attached",
  title: "EC2 instances have an IAM instance profile (a role) for AWS access",
  service: "ec2",
  layer: "identity",
  severity: "medium",
  needs: ["ec2.instances"],
  rationale:
    "Software on an instance that calls AWS needs credentials. An instance profile gives it a role's temporary credentials, " +
    "rotated by AWS and never written to disk; without one, access keys end up in files, environment variables or AMIs, " +
    "where they outlive the instance and leak with it. Every instance that is not terminated or shutting down passes when " +
    "DescribeInstances reports an IamInstanceProfile for it. (Whether the software really uses the role rather than keys " +
    "copied onto it cannot be seen from the API.)",
  remediation: {
    text: "Create a role with the permissions the instance's software needs, put it in an instance profile, attach the profile, then remove any access keys stored on the instance.",
    cli: "aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<instance-profile-name>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.17"] },
  evaluate: (inv, { read, unusable }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const instances = read("ec2.instances", region);
      if (!instances.ok) return [instances.outcome];
      return instances.value
        .filter((i) => !GONE.has(i.state))
        .map((i) => {
          const profile = i.iamInstanceProfileArn;
          // Absent (not null): a snapshot from before the scanner recorded instance profiles. It cannot tell
          // "no profile" from "not recorded", so there is no verdict to give.
          if (profile === undefined) {
            return unusable("ec2.instances", {
              resource: instanceResource(i),
              region,
              code: "NotCollected",
              message: "the inventory does not record the instance's IAM instance profile (a snapshot from an older version); scan again",
              about: i.instanceId,
            });
          }
          const evidence = { instanceId: i.instanceId, state: i.state, iamInstanceProfileArn: profile };
          return profile === null
            ? fail(instanceResource(i), region, `${label(i)} (${i.state}) has no IAM instance profile.`, evidence)
            : pass(instanceResource(i), region, `${label(i)} has the IAM instance profile ${profile}.`, evidence);
        });
    }),
});

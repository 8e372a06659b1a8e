import { defineCheck, fail, pass } from "../../src/check.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import type { Instance } from "../../src/services/ec2/inventory.js";
import { describeDetections, describeUnscanned, detectionSeverity, scanEvidence } from "./lib/user-data.js";

const instanceResource = (i: Instance): ResourceRef => ({ arn: i.arn, id: i.instanceId, type: "AWS::EC2::Instance" });

/** Instances that no longer exist or are about to stop existing are not judged. */
const GONE = new Set(["terminated", "shutting-down"]);

export default defineCheck({
  id: "ec2-instance-user-data-secrets",
  title: "EC2 instance user data holds no credentials (access keys, private keys, passwords, tokens)",
  service: "ec2",
  layer: "identity",
  severity: "critical",
  needs: ["ec2.instances", "ec2.instanceUserData"],
  rationale:
    "User data is not a secret store: anyone allowed ec2:DescribeInstanceAttribute in the account reads it, and so does every " +
    "process on the instance that can reach the instance metadata service (http://169.254.169.254/latest/user-data), without " +
    "credentials, for as long as the instance exists. A credential written there is an unmanaged, unrotated copy of an identity. " +
    "Its layer is identity: the duty is how workloads get their credentials (an instance profile role, Secrets Manager or " +
    "Parameter Store fetched at boot), and the remedy is to revoke and replace the credential. The user data of every instance " +
    "not terminated is decoded (base64, gzip, MIME multipart as cloud-init writes it) and scanned with secretlint's recommended " +
    "rules as it is read; the scanner keeps only the rule, the place and a fingerprint of what it found, never the user data or " +
    "the credential. Passes: no user data, or none the rules flag. AWS access keys and private keys are critical, other tokens " +
    "and passwords high. User data that could not be fully scanned (binary or corrupt parts) is an ERROR for the instance.",
  remediation: {
    text:
      "Revoke the credential first (deactivate the access key, change the password, revoke the token): it has been readable. Then " +
      "stop the instance, replace its user data with a version that fetches the secret at boot (with an instance profile role " +
      "allowed to read it from Secrets Manager or Parameter Store), and start it again.",
    cli: "aws ec2 modify-instance-attribute --instance-id <instance-id> --attribute userData --value file://user-data-without-secrets.txt",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html",
  },
  compliance: {},
  noComplianceBecause:
    "Neither the CIS AWS Foundations Benchmark v6.0 nor Security Hub has a control for credentials in EC2 user data (CodeBuild.2 is the nearest, for CodeBuild environment variables).",
  evaluate: (inv, ctx) =>
    inv.regions.flatMap((region): Outcome[] => {
      const instances = ctx.read("ec2.instances", region);
      if (!instances.ok) return [instances.outcome];
      return instances.value
        .filter((i) => !GONE.has(i.state))
        .map((i): Outcome => {
          const resource = instanceResource(i);
          const label = `Instance ${i.instanceId}${i.name ? ` (${i.name})` : ""}`;
          const read = ctx.read("ec2.instanceUserData", i, region);
          if (!read.ok) return read.outcome;
          const scan = read.value;
          const evidence = { instanceId: i.instanceId, state: i.state };
          if (scan === null) return pass(resource, region, `${label} has no user data.`, { ...evidence, userData: null });
          const userData = scanEvidence(scan);
          if (scan.detections.length > 0) {
            return fail(
              resource,
              region,
              `${label} has credentials in its user data: ${describeDetections(scan)}.`,
              { ...evidence, userData },
              detectionSeverity(scan.detections),
            );
          }
          if (scan.unscanned.length > 0) {
            return ctx.unusable("ec2.instanceUserData", {
              resource,
              region,
              code: "UserDataNotScanned",
              message: `user data of ${label}: ${describeUnscanned(scan)} could not be scanned for credentials`,
              about: i.instanceId,
            });
          }
          return pass(resource, region, `${label}'s user data (${scan.bytes} bytes, ${scan.format}) holds no credential the rules flag.`, {
            ...evidence,
            userData,
          });
        });
    }),
});

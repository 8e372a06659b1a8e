import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { isServiceLinkedRole, type IamAttachedPolicy, type IamAuthorizationDetails } from "../../src/services/iam/inventory.js";
import type { Outcome } from "../../src/results.js";
import { GLOBAL, principalResource } from "./lib/principals.js";

const POLICY_NAME = "AWSCloudShellFullAccess";

/** The AWS-managed policy in any partition: `arn:<partition>:iam::aws:policy/AWSCloudShellFullAccess`. */
const isCloudShellFullAccess = (p: IamAttachedPolicy): boolean => /^arn:[^:]+:iam::aws:policy\/AWSCloudShellFullAccess$/.test(p.arn);

interface Identity {
  kind: "user" | "group" | "role";
  name: string;
  arn: string;
  attachedPolicies: IamAttachedPolicy[];
  /** A user's groups. */
  groups: string[];
}

const KIND = { user: "User", group: "Group", role: "Role" } as const;

export default defineCheck({
  id: "iam-cloudshell-full-access",
  title: "No user, group or role has the AWSCloudShellFullAccess policy attached",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.authorizationDetails"],
  rationale:
    "AWSCloudShellFullAccess (cloudshell:*) includes uploading and downloading files and reaching the internet from a " +
    "shell that holds the user's own credentials: a way to move data out of the account that bypasses the controls on " +
    "other paths. Grant the CloudShell actions a job needs in a policy of your own instead. An identity fails when the " +
    "AWS managed policy is attached to it directly; a user who holds it only through a group passes, and the group fails.",
  remediation: {
    text: "Detach AWSCloudShellFullAccess and grant the CloudShell actions the identity needs (or none) through a customer-managed policy.",
    cli: "aws iam detach-user-policy --user-name <user-name> --policy-arn arn:<partition>:iam::aws:policy/AWSCloudShellFullAccess",
    url: "https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html",
    cliByResourceType: {
      "AWS::IAM::Group":
        "aws iam detach-group-policy --group-name <group-name> --policy-arn arn:<partition>:iam::aws:policy/AWSCloudShellFullAccess",
      "AWS::IAM::Role":
        "aws iam detach-role-policy --role-name <role-name> --policy-arn arn:<partition>:iam::aws:policy/AWSCloudShellFullAccess",
    },
  },
  compliance: { [FRAMEWORKS.cis]: ["2.21"], [FRAMEWORKS.securityHub]: ["IAM.27"] },
  evaluate: (_inv, { read }) => {
    const details = read("iam.authorizationDetails");
    if (!details.ok) return [details.outcome];
    const d: IamAuthorizationDetails = details.value;
    const holdingGroups = new Set(d.groups.filter((g) => g.attachedPolicies.some(isCloudShellFullAccess)).map((g) => g.name));
    const identities: Identity[] = [
      ...d.users.map((u) => ({ ...u, kind: "user" as const })),
      ...d.groups.map((g) => ({ ...g, kind: "group" as const, groups: [] })),
      // Service-linked roles are AWS's: their policies are not the customer's to attach.
      ...d.roles.filter((r) => !isServiceLinkedRole(r)).map((r) => ({ ...r, kind: "role" as const, groups: [] })),
    ];
    return identities.map((identity): Outcome => {
      const resource = principalResource(identity);
      const attached = identity.attachedPolicies.find(isCloudShellFullAccess);
      const label = `${KIND[identity.kind]} ${identity.name}`;
      if (attached) return fail(resource, GLOBAL, `${label} has ${POLICY_NAME} attached.`, { policyArn: attached.arn });
      const viaGroups = identity.groups.filter((g) => holdingGroups.has(g));
      return pass(
        resource,
        GLOBAL,
        viaGroups.length
          ? `${label} has no ${POLICY_NAME} attached directly; group(s) ${viaGroups.join(", ")}, reported separately, attach it.`
          : `${label} does not have ${POLICY_NAME} attached.`,
        viaGroups.length ? { viaGroups } : undefined,
      );
    });
  },
});

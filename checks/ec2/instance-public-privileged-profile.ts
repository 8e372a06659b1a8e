import { defineCheck, fail, pass, type EvaluationContext } from "../../src/check.js";
import type { Inventory } from "../../src/inventory/index.js";
import { internetIngressRules, securityGroupsWithIds, type InternetIngressRule } from "../../src/network/rules.js";
import {
  administrativeReason,
  analyzeIam,
  describeAdminReason,
  isBroad,
  principalByArn,
  serviceWideWrites,
  type AdminReason,
  type EffectivePermissions,
  type Grant,
  type ServiceWideWrite,
} from "../../src/policy/iam/index.js";
import type { Outcome, ResourceRef, Severity } from "../../src/results.js";
import type { Instance } from "../../src/services/ec2/inventory.js";
import type { IamRole } from "../../src/services/iam/inventory.js";
import { listSome } from "../../src/wording.js";

const instanceResource = (i: Instance): ResourceRef => ({ arn: i.arn, id: i.instanceId, type: "AWS::EC2::Instance" });
const label = (i: Instance) => `Instance ${i.instanceId}${i.name ? ` (${i.name})` : ""}`;

/** Instances that no longer exist or are about to stop existing are not judged. */
const GONE = new Set(["terminated", "shutting-down"]);

/** The instance's public IPv4 address and IPv6 addresses (IPv6 addresses are globally routable). */
function publicAddresses(i: Instance): { ipv4: string[]; ipv6: string[] } {
  const ipv4 = [...new Set([i.publicIp, ...i.networkInterfaces.map((n) => n.publicIp)].filter((x): x is string => !!x))];
  const ipv6 = [...new Set(i.networkInterfaces.flatMap((n) => n.ipv6Addresses))];
  return { ipv4, ipv6 };
}

/** Internet ingress rules of the instance's groups for the address families it has; undefined when the groups could not be read. */
function openIngress(
  ctx: EvaluationContext,
  i: Instance,
  region: string,
  families: { ipv4: boolean; ipv6: boolean },
): InternetIngressRule[] | undefined {
  const groups = ctx.read("ec2.securityGroups", region);
  if (!groups.ok) return undefined;
  const ids = new Set([...i.securityGroupIds, ...i.networkInterfaces.flatMap((n) => n.groupIds)]);
  return securityGroupsWithIds(groups.value, ids)
    .flatMap(internetIngressRules)
    .filter((r) => (r.family === "ipv4" ? families.ipv4 : families.ipv6));
}

/** Roles by the instance profiles that hold them, indexed once per listing (not a pass over every role per instance). */
const rolesByProfile = new WeakMap<readonly IamRole[], Map<string, IamRole[]>>();
function rolesIn(roles: readonly IamRole[], profile: string): IamRole[] {
  let index = rolesByProfile.get(roles);
  if (!index) {
    index = new Map();
    for (const r of roles) {
      for (const p of new Set(r.instanceProfiles)) {
        const list = index.get(p);
        if (list) list.push(r);
        else index.set(p, [r]);
      }
    }
    rolesByProfile.set(roles, index);
  }
  return index.get(profile) ?? [];
}

/**
 * The role's policies whose statements grant, on broad resources, what the finding names: the
 * administrative reason's grants, or those of the service-wide writes' example actions. Managed
 * policies by ARN, inline ones by name.
 */
function grantingPolicies(
  permissions: EffectivePermissions,
  admin: AdminReason | undefined,
  writes: readonly ServiceWideWrite[],
): { managed: string[]; inline: string[] } {
  const verdicts: { grants: readonly Grant[] }[] = !admin
    ? writes.flatMap((w) => w.examples.map((action) => permissions.check(action)))
    : admin.kind === "full-admin"
      ? [admin.verdict]
      : admin.kind === "iam-permissions-management"
        ? admin.actions
        : admin.paths.flatMap((p) => p.via);
  const grants = verdicts.flatMap((v) => v.grants).filter((g) => isBroad(g.breadth));
  return {
    managed: [...new Set(grants.flatMap((g) => (g.policy.kind === "managed" && g.policy.arn ? [g.policy.arn] : [])))],
    inline: [...new Set(grants.flatMap((g) => (g.policy.kind === "inline" ? [g.policy.name] : [])))],
  };
}

export default defineCheck({
  id: "ec2-instance-public-privileged-profile",
  title: "Instances reachable from the internet do not run with administrative or service-wide write permissions",
  service: "ec2",
  layer: "identity",
  severity: "high",
  needs: ["ec2.instances", "ec2.securityGroups", "iam.authorizationDetails"],
  rationale:
    "An instance with a public address is where an attacker starts (an exposed service, an SSRF flaw reaching the metadata " +
    "service); its instance profile's role is what they get next. This joins the two: a non-terminated instance with a public " +
    "IPv4 or IPv6 address fails when its role holds administrative permissions (full administrator, IAM permissions " +
    "management on all resources, or a privilege-escalation path) or service-wide write (Write-level actions on broad " +
    "resources through a wildcard such as s3:* or ec2:Create*, or a NotAction; explicitly listed actions, as in " +
    "AmazonSSMManagedInstanceCore, are not counted), after Deny and the permissions boundary. Severity: administrative is " +
    "critical when a security group of the instance admits the internet (0.0.0.0/0 or ::/0) and high otherwise; service-wide " +
    "write is high and medium respectively. Instances without a public address, without a profile, or whose role holds " +
    "neither pass.",
  remediation: {
    text: "Take the instance off the internet (private subnet behind a load balancer), or narrow its role to the actions and resources its software needs; require IMDSv2.",
    cli: "aws iam put-role-policy --role-name <role-name> --policy-name least-privilege --policy-document file://least-privilege.json && aws iam detach-role-policy --role-name <role-name> --policy-arn <broad-policy-arn> && aws iam delete-role-policy --role-name <role-name> --policy-name <broad-inline-policy-name>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html",
    fill: {
      "role-name": "evidence.roleName",
      "broad-policy-arn": "evidence.grantingPolicies.managed[]",
      "broad-inline-policy-name": "evidence.grantingPolicies.inline[]",
    },
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control that combines an instance's exposure with its role's permissions.",
  evaluate: (inv: Inventory, ctx) =>
    inv.regions.flatMap((region): Outcome[] => {
      const instances = ctx.read("ec2.instances", region);
      if (!instances.ok) return [instances.outcome];
      return instances.value
        .filter((i) => !GONE.has(i.state))
        .map((i): Outcome => {
          const resource = instanceResource(i);
          const profile = i.iamInstanceProfileArn;
          const addresses = publicAddresses(i);
          const publicText = [...addresses.ipv4, ...addresses.ipv6].join(", ");
          const base = {
            instanceId: i.instanceId,
            state: i.state,
            publicAddresses: [...addresses.ipv4, ...addresses.ipv6],
            iamInstanceProfileArn: profile ?? null,
          };
          if (!publicText) return pass(resource, region, `${label(i)} has no public address.`, base);
          if (profile === undefined) {
            return ctx.unusable("ec2.instances", {
              resource,
              region,
              code: "NotCollected",
              message: "the inventory does not record the instance's IAM instance profile (a snapshot from an older version); scan again",
              about: i.instanceId,
            });
          }
          if (profile === null)
            return pass(resource, region, `${label(i)} is reachable at ${publicText} but has no instance profile.`, base);
          const details = ctx.read("iam.authorizationDetails");
          if (!details.ok) return { ...details.outcome, resource, region };
          const roles = rolesIn(details.value.roles, profile);
          if (roles.length === 0)
            return pass(
              resource,
              region,
              `${label(i)} is reachable at ${publicText}; its instance profile ${profile} holds no role.`,
              base,
            );
          const analysis = analyzeIam(details.value);
          const findings = roles.map((role) => {
            const principal = principalByArn(analysis, "role", role.arn);
            const admin = principal ? administrativeReason(principal.permissions) : undefined;
            const writes = principal && !admin ? serviceWideWrites(principal.permissions) : [];
            return { role, principal, admin, writes };
          });
          const missing = findings.find((f) => !f.principal);
          if (missing)
            return ctx.unusable("iam.authorizationDetails", {
              resource,
              region,
              code: "PolicyUnreadable",
              message: `role ${missing.role.name} was not analysed`,
              about: missing.role.arn,
            });
          const worst = findings.find((f) => f.admin) ?? findings.find((f) => f.writes.length > 0);
          if (!worst) {
            const problems = findings.flatMap((f) => f.principal!.problems);
            if (problems.length)
              return ctx.unusable("iam.authorizationDetails", {
                resource,
                region,
                code: "PolicyUnreadable",
                message: `${problems[0]!.policy}: ${problems[0]!.reason}`,
                about: findings[0]!.role.arn,
              });
            return pass(
              resource,
              region,
              `${label(i)} is reachable at ${publicText}; role ${roles.map((r) => r.name).join(", ")} holds no administrative or service-wide write permissions.`,
              { ...base, roles: roles.map((r) => r.arn) },
            );
          }
          const ingress = openIngress(ctx, i, region, { ipv4: addresses.ipv4.length > 0, ipv6: addresses.ipv6.length > 0 });
          const open = ingress !== undefined && ingress.length > 0;
          const what = worst.admin
            ? describeAdminReason(worst.admin)
            : `service-wide write in ${listSome(
                worst.writes.map((w) => `${w.service} (${w.examples.join(", ")}${w.count > w.examples.length ? ", …" : ""})`),
                3,
              )}`;
          const severity: Severity = worst.admin ? (open ? "critical" : "high") : open ? "high" : "medium";
          const exposure =
            ingress === undefined
              ? "its security groups could not be read"
              : open
                ? `its security groups admit ${listSome(
                    ingress.map((r) => r.summary),
                    3,
                  )}`
                : "no security group of it admits 0.0.0.0/0 or ::/0";
          return fail(
            resource,
            region,
            `${label(i)} is reachable at ${publicText} (${exposure}) and its role ${worst.role.name} holds ${what}.`,
            {
              ...base,
              role: worst.role.arn,
              roleName: worst.role.name,
              permissions: worst.admin ? { administrative: worst.admin.kind } : { serviceWideWrite: worst.writes.slice(0, 10) },
              grantingPolicies: grantingPolicies(worst.principal!.permissions, worst.admin, worst.writes),
              internetIngress: ingress === undefined ? "unknown" : ingress.map((r) => r.summary),
            },
            severity,
          );
        });
    }),
});

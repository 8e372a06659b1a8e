import { accountResource, defineCheck, fail, pass } from "../../src/check.js";
import type { Outcome } from "../../src/results.js";
import { GLOBAL, listSome, userResource } from "./lib/principals.js";

export default defineCheck({
  id: "iam-federation-long-lived-keys",
  title: "Where federation exists, IAM users do not keep long-lived access keys",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.samlProviders", "iam.oidcProviders", "iam.credentialReport"],
  rationale:
    "An account with a SAML or OIDC identity provider (IAM Identity Center creates one in every account it manages) " +
    "already has a way to hand out temporary credentials; an IAM user's access key that stays active does not expire and " +
    "leaks from laptops, CI variables and repositories. The account-level finding lists the identity providers (an " +
    "inventory, always PASS). When there is at least one, every IAM user passes when the credential report shows no active " +
    "access key; with none, users are not judged here (iam-access-key-rotation and iam-unused-credentials still are).",
  remediation: {
    text: "Move the user's workloads to roles (OIDC for CI, IAM Roles Anywhere or instance profiles for servers, Identity Center for people), then deactivate and delete the key.",
    cli: "aws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Inactive && aws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers.html",
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control that ties access keys to the presence of federation.",
  evaluate: (inv, ctx) => {
    const saml = ctx.read("iam.samlProviders");
    if (!saml.ok) return [saml.outcome];
    const oidc = ctx.read("iam.oidcProviders");
    if (!oidc.ok) return [oidc.outcome];
    const providers = [
      ...saml.value.map((p) => ({ type: "SAML", arn: p.arn, name: p.name, ...(p.validUntil ? { validUntil: p.validUntil } : {}) })),
      ...oidc.value.map((p) => ({ type: "OIDC", arn: p.arn, name: p.url })),
    ];
    const names = providers.map((p) => `${p.type} ${p.name}`);
    const account = pass(
      accountResource(inv),
      GLOBAL,
      providers.length
        ? `The account federates sign-in through ${providers.length} identity provider(s): ${listSome(names, 5)}.`
        : "The account has no SAML or OIDC identity provider.",
      { identityProviders: providers },
    );
    if (providers.length === 0) return [account];
    const report = ctx.read("iam.credentialReport");
    if (!report.ok) return [account, report.outcome];
    const users = report.value.entries
      .filter((e) => !e.isRoot)
      .map((e): Outcome => {
        const active = e.accessKeys.filter((k) => k.active);
        const evidence = {
          activeKeys: active.map((k) => ({ slot: k.slot, lastRotated: k.lastRotated, lastUsed: k.lastUsed })),
          identityProviders: names,
        };
        return active.length
          ? fail(
              userResource(e),
              GLOBAL,
              `User ${e.user} has ${active.length} active access key(s) although the account federates through ${listSome(names, 3)}.`,
              evidence,
            )
          : pass(userResource(e), GLOBAL, `User ${e.user} has no active access key.`, evidence);
      });
    return [account, ...users];
  },
});

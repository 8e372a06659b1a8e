import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import type { IamPasswordPolicy } from "../../src/services/iam/inventory.js";
import type { Settings } from "../../src/settings.js";
import { withPasswordPolicy } from "./lib/password-policy.js";

const CLASSES: { setting: keyof Settings["passwordComplexity"]; field: keyof IamPasswordPolicy; name: string }[] = [
  { setting: "uppercase", field: "requireUppercase", name: "an uppercase letter" },
  { setting: "lowercase", field: "requireLowercase", name: "a lowercase letter" },
  { setting: "numbers", field: "requireNumbers", name: "a number" },
  { setting: "symbols", field: "requireSymbols", name: "a symbol" },
];

/** "a, b and c" (or "a, b or c") */
const join = (items: readonly string[], last = "and"): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;

export default defineCheck({
  id: "iam-password-policy-complexity",
  title: "The password policy requires uppercase, lowercase, numbers and symbols",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.passwordPolicy"],
  rationale:
    "Character classes widen the space an attacker must guess or crack, together with length (iam-password-policy-min-length). " +
    "FSBP IAM.7 requires all four classes by default; which are required is configurable (settings.passwordComplexity). The " +
    "account passes when its password policy requires every configured class; without a password policy IAM requires none.",
  remediation: {
    text: "Require every character class in the password policy (update-account-password-policy replaces the whole policy: pass every setting you want to keep).",
    cli: "aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["IAM.7"], [FRAMEWORKS.securityHub]: ["IAM.11", "IAM.12", "IAM.13", "IAM.14"] },
  evaluate: (inv, ctx) =>
    withPasswordPolicy(inv, ctx, (policy) => {
      const wanted = CLASSES.filter((c) => ctx.settings.passwordComplexity[c.setting]);
      if (wanted.length === 0) return [true, "No character class is required by the settings (settings.passwordComplexity)."];
      if (!policy) return [false, `The account has no password policy, so passwords need not contain ${join(wanted.map((c) => c.name))}.`];
      const missing = wanted.filter((c) => policy[c.field] !== true);
      return missing.length === 0
        ? [true, `The password policy requires ${join(wanted.map((c) => c.name))}.`]
        : [
            false,
            `The password policy does not require ${join(
              missing.map((c) => c.name),
              "or",
            )}.`,
          ];
    }),
});

/** The credential report's users joined to the authorization analysis. */
import type { EvaluationContext, Gated } from "../../../src/check.js";
import { userByArnOrName, type IamPrincipal } from "../../../src/policy/iam/index.js";
import type { Outcome } from "../../../src/results.js";
import type { CredentialReportEntry } from "../../../src/services/iam/inventory.js";
import { authorization, GLOBAL, userResource } from "./principals.js";

/** The analysed user behind a credential report row, or the ERROR when the authorization details cannot give it. */
export function userPrincipal(ctx: EvaluationContext, entry: CredentialReportEntry): Gated<IamPrincipal> | { ok: false; outcome: Outcome } {
  const iam = authorization(ctx);
  if (!iam.ok) return { ok: false, outcome: { ...iam.outcome, resource: userResource(entry), region: GLOBAL } };
  const principal = userByArnOrName(iam.value.analysis, entry.arn, entry.user);
  if (principal) return { ok: true, value: principal };
  return {
    ok: false,
    outcome: ctx.unusable("iam.authorizationDetails", {
      resource: userResource(entry),
      region: GLOBAL,
      code: "UserNotInAuthorizationDetails",
      message: `the credential report lists ${entry.user}, but GetAccountAuthorizationDetails did not (created or deleted between the two reads?)`,
      about: entry.arn,
    }),
  };
}

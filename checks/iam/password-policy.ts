import { fail, pass } from "../../src/check.js";
import type { Inventory } from "../../src/inventory/index.js";
import type { IamPasswordPolicy } from "../../src/inventory/iam.js";
import type { Outcome } from "../../src/results.js";
import { accountResource, GLOBAL, withRead } from "./support.js";

/** Evaluates the account password policy; `null` (no policy) reaches `decide` as a fact. */
export const withPasswordPolicy = (inv: Inventory, decide: (policy: IamPasswordPolicy | null) => [boolean, string]): Outcome[] =>
  withRead(
    inv,
    (iam) => iam.passwordPolicy,
    "GetAccountPasswordPolicy",
    (policy) => {
      const [ok, message] = decide(policy);
      const evidence = { passwordPolicy: policy };
      return [ok ? pass(accountResource(inv), GLOBAL, message, evidence) : fail(accountResource(inv), GLOBAL, message, evidence)];
    },
  );

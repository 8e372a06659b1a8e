/** What the Secrets Manager checks share: every secret of every scanned region, named, and the dates they weigh. */
import type { EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { isReplica, secretResource, type RotationRules, type Secret } from "../../../src/services/secretsmanager/inventory.js";

export interface SecretAt {
  resource: ResourceRef;
  region: string;
  /** `Secret prod/db (managed by rds)`. */
  label: string;
  /** A replica of a secret whose primary is in another region. */
  replica: boolean;
}

/** One outcome (or none) per secret of every scanned region; an ERROR for a region whose secrets could not be listed. */
export function forEachSecret(
  inv: Inventory,
  ctx: EvaluationContext,
  decide: (secret: Secret, at: SecretAt) => Outcome | undefined,
): Outcome[] {
  return inv.regions.flatMap((region): Outcome[] => {
    const secrets = ctx.read("secretsmanager.secrets", region);
    if (!secrets.ok) return [secrets.outcome];
    return secrets.value.flatMap((s): Outcome[] => {
      const label = `Secret ${s.name}${s.owningService ? ` (managed by ${s.owningService})` : ""}`;
      const outcome = decide(s, { resource: secretResource(s), region, label, replica: isReplica(s, region) });
      return outcome ? [outcome] : [];
    });
  });
}

export const DAY_MS = 86_400_000;

/** Whole days from `date` to the scan. */
export const daysSince = (date: string, inv: Pick<Inventory, "collectedAt">): number =>
  Math.floor((Date.parse(inv.collectedAt) - Date.parse(date)) / DAY_MS);

export const day = (iso: string): string => iso.slice(0, 10);

/** The days between rotations a schedule sets: AutomaticallyAfterDays, or a `rate(N days|hours)` expression; undefined for `cron()`. */
export function scheduleDays(rules: RotationRules | undefined): number | undefined {
  if (!rules) return undefined;
  if (rules.automaticallyAfterDays !== undefined) return rules.automaticallyAfterDays;
  const rate = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i.exec(rules.scheduleExpression?.trim() ?? "");
  if (!rate) return undefined;
  const n = Number(rate[1]);
  return /^hour/i.test(rate[2]!) ? n / 24 : n;
}

/** `every 30 days`, `on the schedule cron(0 4 1 * ? *)`. */
export function describeSchedule(rules: RotationRules | undefined): string {
  if (rules?.automaticallyAfterDays !== undefined) return `every ${rules.automaticallyAfterDays} days`;
  if (rules?.scheduleExpression) return `on the schedule ${rules.scheduleExpression}`;
  return "on no schedule Secrets Manager reported";
}

/** What evidence says of a secret, whatever the check. */
export const secretEvidence = (s: Secret) => ({
  arn: s.arn,
  rotationEnabled: s.rotationEnabled,
  ...(s.rotationLambdaArn ? { rotationLambdaArn: s.rotationLambdaArn } : {}),
  ...(s.rotationRules ? { rotationRules: s.rotationRules } : {}),
  ...(s.lastRotatedDate ? { lastRotatedDate: s.lastRotatedDate } : {}),
  ...(s.nextRotationDate ? { nextRotationDate: s.nextRotationDate } : {}),
  ...(s.lastAccessedDate ? { lastAccessedDate: s.lastAccessedDate } : {}),
  ...(s.createdDate ? { createdDate: s.createdDate } : {}),
  ...(s.owningService ? { owningService: s.owningService } : {}),
  ...(s.primaryRegion ? { primaryRegion: s.primaryRegion } : {}),
});

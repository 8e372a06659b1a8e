import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";

/** A secret's rotation schedule, as ListSecrets gives it. */
export interface RotationRules {
  /** Days between rotations (AutomaticallyAfterDays). */
  automaticallyAfterDays?: number;
  /** A `rate()` or `cron()` expression (ScheduleExpression), instead of a number of days. */
  scheduleExpression?: string;
  /** The rotation window, e.g. "3h". */
  duration?: string;
}

/**
 * One secret, as ListSecrets gives it: its rotation settings and dates, never its value (the scanner
 * does not call GetSecretValue). Secrets scheduled for deletion are not listed.
 */
export interface Secret {
  name: string;
  arn: string;
  description?: string;
  /** The KMS key that encrypts the value; absent: the AWS managed key aws/secretsmanager. */
  kmsKeyId?: string;
  rotationEnabled: boolean;
  rotationLambdaArn?: string;
  rotationRules?: RotationRules;
  /** When it was last rotated (absent: never). */
  lastRotatedDate?: string;
  /** When Secrets Manager will next rotate it (only when rotation is on). */
  nextRotationDate?: string;
  lastChangedDate?: string;
  /** The last day its value was retrieved (Secrets Manager records the date only); absent: never. */
  lastAccessedDate?: string;
  createdDate?: string;
  /** The AWS service that manages it (e.g. "rds" for an RDS master user secret). */
  owningService?: string;
  /** For a replica: the region of its primary secret. */
  primaryRegion?: string;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
  /** GetResourcePolicy, as JSON text; null: the secret has no resource policy. Absent when not collected. */
  resourcePolicy?: Fetched<string | null>;
}

/** Everything Secrets Manager read in one region. */
export interface SecretsManagerRegionInventory {
  secrets?: Fetched<Secret[]>;
}

export interface SecretsManagerInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, SecretsManagerRegionInventory>;
}

export const secretResource = (s: Pick<Secret, "arn" | "name">): ResourceRef => ({
  arn: s.arn,
  id: s.name,
  type: "AWS::SecretsManager::Secret",
});

/** A replica of a secret whose primary is in another region (rotation is the primary's). */
export const isReplica = (s: Pick<Secret, "primaryRegion">, region: string): boolean =>
  s.primaryRegion !== undefined && s.primaryRegion !== region;

/** Secrets Manager builders for hand-made inventories (the fixture kit's, kept with the service's tests). */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { Secret } from "../../../src/services/secretsmanager/inventory.js";
import { ACCOUNT, daysBefore, inventory, NOW, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

export const secretArn = (name: string, region = US): string => `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${name}-AbCdEf`;

export const daysAfter = (days: number): string => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();

/**
 * A secret created 400 days before the scan, rotating every 30 days (last 10 days ago, next in 20),
 * retrieved yesterday, with no resource policy — unless overridden.
 */
export function secret(name: string, overrides: Partial<Secret> & { region?: string } = {}): Secret {
  const { region = US, ...rest } = overrides;
  return {
    name,
    arn: secretArn(name, region),
    rotationEnabled: true,
    rotationLambdaArn: `arn:aws:lambda:${region}:${ACCOUNT}:function:rotate`,
    rotationRules: { automaticallyAfterDays: 30 },
    lastRotatedDate: daysBefore(10),
    nextRotationDate: daysAfter(20),
    lastChangedDate: daysBefore(10),
    lastAccessedDate: daysBefore(1).slice(0, 10) + "T00:00:00.000Z",
    createdDate: daysBefore(400),
    resourcePolicy: ok(null),
    ...rest,
  };
}

/** Rotation never turned on (never rotated), unless overridden. */
export function unrotated(name: string, overrides: Partial<Secret> & { region?: string } = {}): Secret {
  const { region = US, ...rest } = overrides;
  const { rotationLambdaArn: _l, rotationRules: _r, lastRotatedDate: _d, nextRotationDate: _n, ...base } = secret(name, { region });
  return { ...base, rotationEnabled: false, ...rest };
}

export function secretsInventory(byRegion: Record<string, Secret[] | Fetched<Secret[]>>): Inventory {
  const regions = Object.fromEntries(
    Object.entries(byRegion).map(([region, list]) => [region, { secrets: Array.isArray(list) ? ok(list) : list }]),
  );
  return inventory({ regions: Object.keys(byRegion), secretsmanager: { regions } });
}

/** A resource policy: these statements. */
export const policy = (...statements: object[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

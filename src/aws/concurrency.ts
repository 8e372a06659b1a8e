/**
 * How many calls a scan keeps in flight per service endpoint (one service in one region; IAM and STS
 * are one endpoint per account). In-flight calls at latency L give at most limit / L calls per second:
 * the defaults keep each service under the request rates AWS documents, so S3's per-bucket calls are
 * never queued behind IAM's stricter limit, and the SDK's adaptive retry handles any throttling left.
 *
 * No default exceeds 35: a call's retries happen inside its slot, and each client's retry quota (500
 * tokens, 14 per retry of a transient error) then always has a token for every call in flight, so a
 * burst of 5xx answers is retried rather than refused for lack of quota.
 */
import pLimit, { type LimitFunction } from "p-limit";

export const DEFAULT_TOTAL_CONCURRENCY = 64;
/** For a service not named below. */
export const DEFAULT_SERVICE_CONCURRENCY = 16;

export const SERVICE_CONCURRENCY: Readonly<Record<string, number>> = {
  // S3 serves at least 5,500 GET/HEAD requests per second per prefix; bucket configuration reads are cheap.
  s3: 32,
  // IAM and STS throttle per account with small token buckets (AWS Security Blog, "How to monitor and
  // query IAM resources at scale", part 2); a scan makes few IAM calls, so a low limit costs nothing.
  iam: 8,
  sts: 8,
  // EC2 Describe* actions: a bucket of 100 tokens refilled at 20 per second, per API and region.
  ec2: 16,
  // KMS: DescribeKey, GetKeyPolicy and GetKeyRotationStatus allow over 1,000 requests per second per region.
  kms: 32,
};

export interface ConcurrencyLimits {
  total: number;
  /** Overrides of the per-service defaults, by the operations' service name (`s3`, `iam`, `ec2`). */
  services: Readonly<Record<string, number>>;
}

/** The limit of one service endpoint. */
export const serviceLimit = (limits: ConcurrencyLimits, service: string): number =>
  Math.min(limits.total, limits.services[service] ?? SERVICE_CONCURRENCY[service] ?? DEFAULT_SERVICE_CONCURRENCY);

/** Global endpoints: one per account, whatever region the client is built for. */
const GLOBAL_ENDPOINTS = new Set(["iam", "sts", "organizations"]);

/**
 * A call waits for its endpoint's slot first and only then for one of the total: calls queued at a
 * busy endpoint never hold a slot another endpoint could use.
 */
export class EndpointLimiter {
  readonly #total: LimitFunction;
  readonly #endpoints = new Map<string, LimitFunction>();

  constructor(readonly limits: ConcurrencyLimits) {
    this.#total = pLimit(limits.total);
  }

  run<T>(service: string, region: string, fn: () => Promise<T>): Promise<T> {
    const key = GLOBAL_ENDPOINTS.has(service) ? service : `${service}|${region}`;
    let endpoint = this.#endpoints.get(key);
    if (!endpoint) {
      endpoint = pLimit(serviceLimit(this.limits, service));
      this.#endpoints.set(key, endpoint);
    }
    return endpoint(() => this.#total(fn));
  }
}

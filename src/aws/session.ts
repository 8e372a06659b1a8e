import http from "node:http";
import https from "node:https";
import dns from "node:dns";
import net from "node:net";
import type { LookupFunction } from "node:net";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { AdaptiveRetryStrategy, DefaultRateLimiter } from "@smithy/core/retry";
import type { AwsCredentialIdentityProvider, MiddlewareStack, RetryErrorInfo, RetryToken, StandardRetryToken } from "@smithy/types";
import type { ClientClass, SdkClient } from "../services/define.js";
import { CallRecorder } from "./recorder.js";
import { DEFAULT_TOTAL_CONCURRENCY, EndpointLimiter } from "./concurrency.js";
import { credentialChain } from "./credentials.js";
import { registerSecrets } from "./errors.js";
import { UsageError } from "../errors.js";

export interface SessionOptions {
  profile?: string;
  /** Overrides every service endpoint (LocalStack, moto). Defaults to AWS_ENDPOINT_URL. */
  endpointUrl?: string;
  /** Attempts per call, first one included (SDK adaptive retry mode). */
  maxAttempts?: number;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Region for global calls (STS, IAM, DescribeRegions). */
  homeRegion?: string;
  credentials?: AwsCredentialIdentityProvider;
  /** AWS calls in flight at once, over every client of the session (default 64). */
  concurrency?: number;
  /** Per-service limits in flight, by the operations' service name, overriding the defaults. */
  serviceConcurrency?: Readonly<Record<string, number>>;
}

/**
 * A number from the environment, or undefined when unset; anything else is a usage error.
 * AWS_MAX_ATTEMPTS is the SDK's own variable (which an explicit maxAttempts would otherwise
 * override); YOURSIDE_CALL_TIMEOUT (seconds) bounds every call, so a hung endpoint cannot hang a scan.
 */
export function envNumber(name: string, min: number, max: number, integer: boolean): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `${name} must be ${integer ? "a whole number" : "a number"} between ${min} and ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return n;
}

/**
 * The floor of the adaptive rate limiter, per client. The SDK's default (0.5 calls per second)
 * assumes one client per resource; here one client serves every bucket or every EC2 listing of a
 * region, and at half a call per second sustained throttling would stretch a scan of a large
 * account into hours. Retries with backoff still bound the load.
 */
const MIN_CALLS_PER_SECOND = 5;

/**
 * The SDK's adaptive retries (exponential backoff with jitter, client-side rate limiting after
 * throttling, a bounded number of attempts, a per-client retry budget), except that a definitive
 * answer after a retry — NoSuchBucketPolicy, AccessDenied — gives the retry's cost back to the
 * budget as a success does. Otherwise the "not configured" answers a scan gets by the hundred drain
 * a region's budget during throttling, and every later throttled call fails on its first attempt.
 */
export class ScanRetryStrategy extends AdaptiveRetryStrategy {
  constructor(maxAttempts: number) {
    super(maxAttempts, { maxAttempts, rateLimiter: new DefaultRateLimiter({ minFillRate: MIN_CALLS_PER_SECOND }) });
  }

  override async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    if (errorInfo.errorType === "CLIENT_ERROR") this.recordSuccess(token);
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}

/** Services whose requests go to `<account id>.<endpoint host>`. */
const HOST_PREFIXED_SERVICES = new Set(["s3-control"]);

/** A DNS-style alias for an IP endpoint; `endpointLookup` resolves it (and any prefix of it) back to the IP. */
export const IP_ENDPOINT_ALIAS = "yourside-endpoint.invalid";

/**
 * `123456789012.127.0.0.1` is not a valid URL host, so an IP endpoint is addressed through an
 * alias name for host-prefixed services; named hosts are kept.
 */
export function prefixableEndpoint(endpointUrl: string): string {
  const url = new URL(endpointUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!net.isIP(host)) return endpointUrl;
  url.hostname = IP_ENDPOINT_ALIAS;
  return url.toString().replace(/\/$/, "");
}

/**
 * Resolves `<anything>.<endpoint host>` (and the IP alias) to the endpoint host itself: S3 Control puts the
 * account id in front of the host name, which only real AWS DNS can answer.
 */
export function endpointLookup(endpointHost: string): LookupFunction {
  const suffix = `.${endpointHost}`;
  const bareHost = endpointHost.replace(/^\[|\]$/g, "");
  const aliased = (name: string): boolean => name === IP_ENDPOINT_ALIAS || name.endsWith(`.${IP_ENDPOINT_ALIAS}`);
  type Callback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;
  const lookup = (hostname: string, options: dns.LookupOptions, callback: Callback): void => {
    const target = hostname.endsWith(suffix) || aliased(hostname) ? bareHost : hostname;
    const family = net.isIP(target);
    if (family) {
      if (options.all) callback(null, [{ address: target, family }]);
      else callback(null, target, family);
      return;
    }
    dns.lookup(target, { ...options, all: true }, (err, addresses) => {
      if (err || options.all) callback(err, addresses);
      else callback(null, addresses[0]?.address ?? "", addresses[0]?.family);
    });
  };
  return lookup;
}

/** One place that builds SDK clients: credentials, region, endpoint, retries, timeouts, concurrency, call recording. */
export class AwsSession {
  readonly recorder = new CallRecorder();
  readonly endpointUrl: string | undefined;
  readonly homeRegion: string;
  readonly #credentials: AwsCredentialIdentityProvider;
  readonly #handler: NodeHttpHandler;
  readonly #clients = new Map<string, SdkClient>();
  readonly #options: SessionOptions;
  readonly #prefixableEndpoint: string | undefined;
  readonly #maxAttempts: number;
  readonly #limiter: EndpointLimiter;

  /** The named profile the credentials come from, when one was given. */
  get profile(): string | undefined {
    return this.#options.profile;
  }

  constructor(options: SessionOptions = {}) {
    this.#options = options;
    this.#limiter = new EndpointLimiter({
      total: options.concurrency ?? DEFAULT_TOTAL_CONCURRENCY,
      services: options.serviceConcurrency ?? {},
    });
    this.#maxAttempts = options.maxAttempts ?? envNumber("AWS_MAX_ATTEMPTS", 1, 20, true) ?? 6;
    const callTimeoutSeconds = envNumber("YOURSIDE_CALL_TIMEOUT", 0.1, 600, false);
    const requestTimeoutMs =
      options.requestTimeoutMs ?? (callTimeoutSeconds !== undefined ? Math.round(callTimeoutSeconds * 1000) : 30_000);
    const connectionTimeoutMs = options.connectionTimeoutMs ?? Math.min(5_000, requestTimeoutMs);
    this.endpointUrl = options.endpointUrl ?? (process.env.AWS_ENDPOINT_URL || undefined);
    this.homeRegion = options.homeRegion ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1");
    const provider = options.credentials ?? credentialChain(options.profile);
    // Whatever credentials the chain yields are redacted from every error message from then on.
    this.#credentials = async (props) => {
      const identity = await provider(props);
      registerSecrets(identity.accessKeyId, identity.secretAccessKey, identity.sessionToken);
      return identity;
    };
    const lookup = this.endpointUrl ? endpointLookup(new URL(this.endpointUrl).hostname) : undefined;
    this.#prefixableEndpoint = this.endpointUrl ? prefixableEndpoint(this.endpointUrl) : undefined;
    const agentOptions = { keepAlive: true, maxSockets: 64, ...(lookup ? { lookup } : {}) };
    this.#handler = new NodeHttpHandler({
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
      connectionTimeout: connectionTimeoutMs,
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    });
  }

  get credentials(): AwsCredentialIdentityProvider {
    return this.#credentials;
  }

  /** A cached client for `service` in `region`, recording every command it sends. */
  client<C extends SdkClient>(Client: ClientClass<C>, service: string, region: string): C {
    const key = `${service}|${region}`;
    const cached = this.#clients.get(key);
    if (cached) return cached as C;
    const client = new (Client as unknown as new (config: object) => C)({
      region,
      credentials: this.#credentials,
      maxAttempts: this.#maxAttempts,
      retryStrategy: new ScanRetryStrategy(this.#maxAttempts),
      requestHandler: this.#handler,
      ...(this.endpointUrl ? { endpoint: HOST_PREFIXED_SERVICES.has(service) ? this.#prefixableEndpoint : this.endpointUrl } : {}),
      ...(this.endpointUrl && service === "s3" ? { forcePathStyle: true } : {}),
      // A wrong guess at a bucket's region must not fail the call: S3 says where the bucket lives.
      ...(service === "s3" ? { followRegionRedirects: true } : {}),
    });
    const recorder = this.recorder;
    const limiter = this.#limiter;
    // Every command (each page of a listing, with its retries) waits for a slot of its endpoint and of the session.
    (client.middlewareStack as MiddlewareStack<object, object>).add(
      (next, context) => (args) => {
        recorder.record(service, (context.commandName ?? "Unknown").replace(/Command$/, ""));
        return limiter.run(service, region, () => next(args));
      },
      { step: "initialize", name: "yoursideCallRecorder" },
    );
    this.#clients.set(key, client);
    return client;
  }

  destroy(): void {
    for (const c of this.#clients.values()) c.destroy();
    this.#clients.clear();
    this.#handler.destroy();
  }
}

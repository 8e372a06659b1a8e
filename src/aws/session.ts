import http from "node:http";
import https from "node:https";
import dns from "node:dns";
import net from "node:net";
import type { LookupFunction } from "node:net";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentityProvider, MiddlewareStack } from "@smithy/types";
import { CallRecorder } from "./recorder.js";

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
}

/** The shape every SDK v3 client shares that we rely on. */
interface SdkClient {
  middlewareStack: unknown;
  destroy(): void;
}

type ClientClass<C> = new (...args: [never]) => C;

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
  return lookup as unknown as LookupFunction;
}

/** One place that builds SDK clients: credentials, region, endpoint, retries, timeouts, call recording. */
export class AwsSession {
  readonly recorder = new CallRecorder();
  readonly endpointUrl: string | undefined;
  readonly homeRegion: string;
  readonly #credentials: AwsCredentialIdentityProvider;
  readonly #handler: NodeHttpHandler;
  readonly #clients = new Map<string, SdkClient>();
  readonly #options: SessionOptions;
  readonly #prefixableEndpoint: string | undefined;

  constructor(options: SessionOptions = {}) {
    this.#options = options;
    this.endpointUrl = options.endpointUrl ?? (process.env.AWS_ENDPOINT_URL || undefined);
    this.homeRegion = options.homeRegion ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1");
    this.#credentials =
      options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
    const lookup = this.endpointUrl ? endpointLookup(new URL(this.endpointUrl).hostname) : undefined;
    this.#prefixableEndpoint = this.endpointUrl ? prefixableEndpoint(this.endpointUrl) : undefined;
    const agentOptions = { keepAlive: true, maxSockets: 64, ...(lookup ? { lookup } : {}) };
    this.#handler = new NodeHttpHandler({
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
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
      retryMode: "adaptive",
      maxAttempts: this.#options.maxAttempts ?? 6,
      requestHandler: this.#handler,
      ...(this.endpointUrl ? { endpoint: HOST_PREFIXED_SERVICES.has(service) ? this.#prefixableEndpoint : this.endpointUrl } : {}),
      ...(this.endpointUrl && service === "s3" ? { forcePathStyle: true } : {}),
    });
    const recorder = this.recorder;
    (client.middlewareStack as MiddlewareStack<object, object>).add(
      (next, context) => async (args) => {
        recorder.record(service, (context.commandName ?? "Unknown").replace(/Command$/, ""));
        return next(args);
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

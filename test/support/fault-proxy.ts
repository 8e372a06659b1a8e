import { createHash } from "node:crypto";
import http from "node:http";
import type net from "node:net";

/**
 * A fault-injecting HTTP proxy for the end-to-end tests: the scanner talks to it (via
 * --endpoint-url) and it forwards to moto, except where a rule says to answer with a fault
 * in the wire format the AWS service really uses. Loopback only.
 */

/** What the proxy understood a request to be, in the scanner's own naming (`CallRecorder` keys). */
export interface RequestInfo {
  /** Session service name: s3, s3-control, sts, iam, ec2, config, … */
  service: string;
  /** API operation name, e.g. GetBucketPolicy. */
  operation: string;
  /** `service:Operation`, as in the report's `scan.stats`. */
  key: string;
  /** Signing region from the Authorization header's credential scope (undefined when unsigned). */
  region: string | undefined;
  protocol: Protocol;
  method: string;
  /** Path and query as sent. */
  url: string;
  host: string;
}

/** The wire protocols whose error bodies differ. */
export type Protocol = "rest-xml" | "s3-control" | "ec2" | "query" | "json" | "rest-json";

export type Fault =
  /** The service's throttling answer: S3 503 SlowDown, EC2 503 RequestLimitExceeded, IAM/STS 400 Throttling, JSON 400 ThrottlingException, REST-JSON 429 TooManyRequestsException. */
  | { kind: "throttle" }
  /** A 500 (InternalError/InternalFailure) or 503 (ServiceUnavailable/SlowDown-free) server error. */
  | { kind: "server-error"; status: 500 | 503 }
  /** The service's access-denied answer (S3/IAM/STS 403 AccessDenied, EC2 403 UnauthorizedOperation, JSON 400 / REST-JSON 403 AccessDeniedException). */
  | { kind: "access-denied"; echoHeaders?: boolean }
  /** Any error code, in the protocol's error shape. */
  | { kind: "error"; status: number; code: string; message?: string; echoHeaders?: boolean }
  /** Read the request, never answer (the client's timeout must end it). */
  | { kind: "hang" }
  /** Read the request, then cut the TCP connection without an answer. */
  | { kind: "drop" }
  /** Forward, then answer 200 with the first half of the real body (a cut-off document). */
  | { kind: "malformed" }
  /** Answer for a service moto does not implement: this status and JSON body, never forwarded. */
  | { kind: "answer"; status: number; json: unknown };

export type FaultKind = Fault["kind"];

export interface FaultRule {
  /** `service:Operation` keys this rule applies to; omitted = every operation. */
  operations?: readonly string[];
  /** Only requests signed for this region. */
  region?: string;
  /** Any other condition. */
  when?: (req: RequestInfo) => boolean;
  fault: Fault;
  /**
   * Share of the matching attempts to fault, spread evenly over the attempts of each distinct
   * request (same operation, signing region, host, URL and body): 0.5 faults the 1st, 3rd, 5th… attempt, so a
   * retried call always gets through on its next attempt. Default 1 (every attempt).
   */
  fraction?: number;
  /** At most this many injections from this rule. */
  times?: number;
}

export interface FaultProxyStats {
  /** Requests seen, per `service:Operation`. */
  requests: Record<string, number>;
  /** Requests forwarded untouched. */
  forwarded: number;
  /** Injections per fault kind. */
  injected: Partial<Record<FaultKind, number>>;
  /** Injections per `kind service:Operation`. */
  injectedByOperation: Record<string, number>;
}

export interface LoggedRequest {
  info: RequestInfo;
  /** The fault injected, if any. */
  fault?: FaultKind;
  /** Milliseconds since the proxy started. */
  at: number;
  /** How long the upstream took to answer a forwarded request. */
  upstreamMs?: number;
}

export interface FaultProxy {
  url: string;
  port: number;
  /** Replaces the rules (first matching rule wins) and resets the per-request attempt counters. */
  setRules(rules: readonly FaultRule[]): void;
  /** Rules off, counters and log cleared. */
  reset(): void;
  stats(): FaultProxyStats;
  /** Every request seen, in order, with the fault injected (if any). */
  log(): readonly LoggedRequest[];
  stop(): Promise<void>;
}

// ---- operation detection ------------------------------------------------------------------

/** `?subresource` → S3 bucket operation, per method (SDK v3 HTTP bindings). */
const S3_BUCKET_SUBRESOURCES: Record<string, Record<string, string>> = {
  GET: {
    policy: "GetBucketPolicy",
    policyStatus: "GetBucketPolicyStatus",
    acl: "GetBucketAcl",
    location: "GetBucketLocation",
    encryption: "GetBucketEncryption",
    ownershipControls: "GetBucketOwnershipControls",
    versioning: "GetBucketVersioning",
    logging: "GetBucketLogging",
    publicAccessBlock: "GetPublicAccessBlock",
    tagging: "GetBucketTagging",
    lifecycle: "GetBucketLifecycleConfiguration",
    cors: "GetBucketCors",
    website: "GetBucketWebsite",
    replication: "GetBucketReplication",
    notification: "GetBucketNotificationConfiguration",
    accelerate: "GetBucketAccelerateConfiguration",
    requestPayment: "GetBucketRequestPayment",
    "object-lock": "GetObjectLockConfiguration",
    versions: "ListObjectVersions",
    uploads: "ListMultipartUploads",
  },
  PUT: {
    policy: "PutBucketPolicy",
    acl: "PutBucketAcl",
    encryption: "PutBucketEncryption",
    ownershipControls: "PutBucketOwnershipControls",
    versioning: "PutBucketVersioning",
    logging: "PutBucketLogging",
    publicAccessBlock: "PutPublicAccessBlock",
    tagging: "PutBucketTagging",
    lifecycle: "PutBucketLifecycleConfiguration",
    cors: "PutBucketCors",
  },
  DELETE: {
    policy: "DeleteBucketPolicy",
    encryption: "DeleteBucketEncryption",
    ownershipControls: "DeleteBucketOwnershipControls",
    publicAccessBlock: "DeletePublicAccessBlock",
    tagging: "DeleteBucketTagging",
    lifecycle: "DeleteBucketLifecycle",
    cors: "DeleteBucketCors",
  },
};

const S3_CONTROL_PATHS: Record<string, Record<string, string>> = {
  "/v20180820/configuration/publicAccessBlock": {
    GET: "GetPublicAccessBlock",
    PUT: "PutPublicAccessBlock",
    DELETE: "DeletePublicAccessBlock",
  },
  "/v20180820/accesspoint": { GET: "ListAccessPoints" },
};

/** S3 Control paths that carry a name: `/v20180820/accesspoint/<name>`. */
const S3_CONTROL_ROUTES: readonly (readonly [method: string, path: RegExp, operation: string])[] = [
  ["GET", /^\/v20180820\/accesspoint\/[^/]+$/, "GetAccessPoint"],
  ["PUT", /^\/v20180820\/accesspoint\/[^/]+$/, "CreateAccessPoint"],
  ["DELETE", /^\/v20180820\/accesspoint\/[^/]+$/, "DeleteAccessPoint"],
];

/** Signing names that differ from the session's service names: CloudWatch signs as "monitoring". */
const SESSION_NAMES: Record<string, string> = { monitoring: "cloudwatch" };
const sessionName = (signing: string | undefined): string | undefined =>
  signing === undefined ? undefined : (SESSION_NAMES[signing] ?? signing);

/**
 * REST-JSON services (restJson1: the operation is in the method and path), by signing name: the
 * operations the scanner calls and the ones the moto scenarios seed with, in SDK v3's HTTP bindings.
 */
const REST_JSON_ROUTES: Record<string, readonly (readonly [method: string, path: RegExp, operation: string])[]> = {
  securityhub: [
    ["GET", /^\/accounts$/, "DescribeHub"],
    ["POST", /^\/accounts$/, "EnableSecurityHub"],
  ],
  guardduty: [
    ["GET", /^\/detector$/, "ListDetectors"],
    ["POST", /^\/detector$/, "CreateDetector"],
    ["GET", /^\/detector\/[^/]+$/, "GetDetector"],
    ["POST", /^\/detector\/[^/]+$/, "UpdateDetector"],
    ["DELETE", /^\/detector\/[^/]+$/, "DeleteDetector"],
  ],
  "access-analyzer": [
    ["GET", /^\/analyzer$/, "ListAnalyzers"],
    ["PUT", /^\/analyzer$/, "CreateAnalyzer"],
    ["GET", /^\/analyzer\/[^/]+$/, "GetAnalyzer"],
  ],
  elasticfilesystem: [
    ["GET", /^\/2015-02-01\/file-systems$/, "DescribeFileSystems"],
    ["POST", /^\/2015-02-01\/file-systems$/, "CreateFileSystem"],
    ["GET", /^\/2015-02-01\/file-systems\/[^/]+\/policy$/, "DescribeFileSystemPolicy"],
    ["PUT", /^\/2015-02-01\/file-systems\/[^/]+\/policy$/, "PutFileSystemPolicy"],
  ],
};

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

export interface RawRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer | string;
}

const header = (headers: http.IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function s3RestOperation(method: string, url: URL): string {
  const explicit = url.searchParams.get("x-id");
  if (explicit) return explicit;
  const segments = url.pathname.split("/").filter(Boolean);
  const keys = [...url.searchParams.keys()];
  if (segments.length === 0) return method === "GET" ? "ListBuckets" : `${method} /`;
  if (segments.length === 1) {
    const table = S3_BUCKET_SUBRESOURCES[method] ?? {};
    for (const k of keys) if (table[k]) return table[k];
    if (method === "GET") return url.searchParams.get("list-type") === "2" ? "ListObjectsV2" : "ListObjects";
    if (method === "PUT") return "CreateBucket";
    if (method === "DELETE") return "DeleteBucket";
    if (method === "HEAD") return "HeadBucket";
    return `${method} bucket`;
  }
  if (keys.includes("acl")) return method === "GET" ? "GetObjectAcl" : "PutObjectAcl";
  if (keys.includes("tagging")) return method === "GET" ? "GetObjectTagging" : "PutObjectTagging";
  return { GET: "GetObject", PUT: "PutObject", DELETE: "DeleteObject", HEAD: "HeadObject" }[method] ?? `${method} object`;
}

/** Which AWS operation a request is, in the scanner's naming (pure; exported for its unit test). */
export function identifyRequest(raw: RawRequest): RequestInfo {
  const method = raw.method.toUpperCase();
  const url = new URL(raw.url, "http://proxy.invalid");
  const host = header(raw.headers, "host") ?? "";
  const scope =
    CREDENTIAL_SCOPE.exec(header(raw.headers, "authorization") ?? "") ??
    CREDENTIAL_SCOPE.exec(`Credential=${url.searchParams.get("X-Amz-Credential") ?? ""}`);
  const region = scope?.[1];
  const signingService = scope?.[2];
  const body = typeof raw.body === "string" ? raw.body : raw.body.toString("utf8");
  const target = header(raw.headers, "x-amz-target");
  const contentType = header(raw.headers, "content-type") ?? "";

  let service: string;
  let operation: string;
  let protocol: Protocol;
  if (target) {
    // JSON protocols: "StarlingDoveService.DescribeConfigurationRecorders"
    operation = target.slice(target.lastIndexOf(".") + 1);
    service = sessionName(signingService) ?? target.slice(0, target.lastIndexOf("."));
    protocol = "json";
  } else if (signingService !== undefined && REST_JSON_ROUTES[signingService]) {
    service = signingService;
    const route = REST_JSON_ROUTES[signingService].find(([m, path]) => m === method && path.test(url.pathname));
    operation = route?.[2] ?? `${method} ${url.pathname}`;
    protocol = "rest-json";
  } else if (url.pathname.startsWith("/v20180820/")) {
    service = "s3-control";
    operation =
      S3_CONTROL_PATHS[url.pathname]?.[method] ??
      S3_CONTROL_ROUTES.find(([m, path]) => m === method && path.test(url.pathname))?.[2] ??
      `${method} ${url.pathname}`;
    protocol = "s3-control";
  } else if (contentType.startsWith("application/x-www-form-urlencoded") || (method === "POST" && /(^|&)Action=/.test(body))) {
    const params = new URLSearchParams(body);
    operation = params.get("Action") ?? url.searchParams.get("Action") ?? "Unknown";
    service = sessionName(signingService) ?? "unknown";
    protocol = service === "ec2" ? "ec2" : "query";
  } else if (url.searchParams.get("Action")) {
    operation = url.searchParams.get("Action") ?? "Unknown";
    service = sessionName(signingService) ?? "unknown";
    protocol = service === "ec2" ? "ec2" : "query";
  } else {
    service = "s3";
    operation = s3RestOperation(method, url);
    protocol = "rest-xml";
  }
  return { service, operation, key: `${service}:${operation}`, region, protocol, method, url: raw.url, host };
}

// ---- fault answers ---------------------------------------------------------------------------

const xmlEscape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

interface ErrorSpec {
  status: number;
  code: string;
  message: string;
}

/** The error each fault kind produces for a protocol (also what tests expect back from the SDK). */
export function errorFor(fault: Fault, protocol: Protocol, info?: RequestInfo): ErrorSpec {
  const action = info ? `${info.service === "s3-control" ? "s3" : info.service}:${info.operation}` : "the action";
  switch (fault.kind) {
    case "throttle":
      if (protocol === "rest-xml" || protocol === "s3-control")
        return { status: 503, code: "SlowDown", message: "Please reduce your request rate." };
      if (protocol === "ec2") return { status: 503, code: "RequestLimitExceeded", message: "Request limit exceeded." };
      if (protocol === "json") return { status: 400, code: "ThrottlingException", message: "Rate exceeded" };
      if (protocol === "rest-json") return { status: 429, code: "TooManyRequestsException", message: "Rate exceeded" };
      return { status: 400, code: "Throttling", message: "Rate exceeded" };
    case "server-error":
      if (fault.status === 503) {
        if (protocol === "ec2")
          return { status: 503, code: "Unavailable", message: "The server is overloaded and can't handle the request." };
        return { status: 503, code: "ServiceUnavailable", message: "Service is unable to handle request." };
      }
      if (protocol === "rest-xml" || protocol === "s3-control" || protocol === "ec2")
        return { status: 500, code: "InternalError", message: "We encountered an internal error. Please try again." };
      return { status: 500, code: "InternalFailure", message: "The request processing has failed because of an unknown error." };
    case "access-denied":
      if (protocol === "ec2")
        return { status: 403, code: "UnauthorizedOperation", message: "You are not authorized to perform this operation." };
      if (protocol === "json")
        return { status: 400, code: "AccessDeniedException", message: `User is not authorized to perform: ${action}` };
      if (protocol === "rest-json")
        return { status: 403, code: "AccessDeniedException", message: `User is not authorized to perform: ${action}` };
      if (protocol === "query")
        return {
          status: 403,
          code: "AccessDenied",
          message: `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: ${action}`,
        };
      return { status: 403, code: "AccessDenied", message: "Access Denied" };
    case "error":
      return { status: fault.status, code: fault.code, message: fault.message ?? fault.code };
    default:
      throw new Error(`fault ${fault.kind} has no error body`);
  }
}

/** Echoes the request's signing headers, as a careless error message might. */
function echoed(headers: http.IncomingHttpHeaders): string {
  const token = header(headers, "x-amz-security-token");
  return [
    ` Request headers: Authorization: ${header(headers, "authorization") ?? ""}`,
    token ? `X-Amz-Security-Token: ${token}` : "",
    token ? `(query form: X-Amz-Security-Token=${encodeURIComponent(token)})` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

function errorResponse(spec: ErrorSpec, protocol: Protocol): { headers: Record<string, string>; body: string } {
  const requestId = "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE";
  const code = xmlEscape(spec.code);
  const message = xmlEscape(spec.message);
  switch (protocol) {
    case "rest-xml":
      return {
        headers: { "content-type": "application/xml", "x-amz-request-id": requestId },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>fault-proxy</HostId></Error>`,
      };
    case "s3-control":
      return {
        headers: { "content-type": "application/xml", "x-amz-request-id": requestId },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId><HostId>fault-proxy</HostId></ErrorResponse>`,
      };
    case "ec2":
      return {
        headers: { "content-type": "text/xml;charset=UTF-8" },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case "query":
      return {
        headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
        body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${spec.status >= 500 ? "Receiver" : "Sender"}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case "json":
      return {
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-requestid": requestId,
          "x-amzn-errortype": `${spec.code}:http://internal.amazon.com/coral/com.amazon.coral.service/`,
        },
        body: JSON.stringify({ __type: `com.amazonaws.starling.dove#${spec.code}`, message: spec.message }),
      };
    case "rest-json":
      return {
        headers: { "content-type": "application/json", "x-amzn-requestid": requestId, "x-amzn-errortype": spec.code },
        body: JSON.stringify({ message: spec.message }),
      };
  }
}

// ---- the server -------------------------------------------------------------------------------

export interface FaultProxyOptions {
  /** Where unfaulted requests go, e.g. moto's URL. Must be loopback. */
  target: string;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname))
    throw new Error(`fault proxy forwards to loopback only, not ${target.hostname}`);
  const upstream = new http.Agent({ keepAlive: true, maxSockets: 64 });

  let rules: readonly FaultRule[] = [];
  let attempts = new Map<string, number>();
  let used = new Map<number, number>();
  let stats: FaultProxyStats = { requests: {}, forwarded: 0, injected: {}, injectedByOperation: {} };
  let log: LoggedRequest[] = [];
  const started = Date.now();
  const sockets = new Set<net.Socket>();

  const pick = (info: RequestInfo, raw: RawRequest): Fault | undefined => {
    for (const [index, rule] of rules.entries()) {
      if (rule.operations && !rule.operations.includes(info.key)) continue;
      if (rule.region !== undefined && rule.region !== info.region) continue;
      if (rule.when && !rule.when(info)) continue;
      if (rule.times !== undefined && (used.get(index) ?? 0) >= rule.times) continue;
      const fraction = rule.fraction ?? 1;
      if (fraction < 1) {
        const identity = createHash("sha256")
          .update(
            `${index}\n${info.key}\n${info.region ?? ""}\n${info.method}\n${info.host}\n${info.url}\n${header(raw.headers, "x-amz-target") ?? ""}\n`,
          )
          .update(raw.body)
          .digest("hex");
        const n = (attempts.get(identity) ?? 0) + 1;
        attempts.set(identity, n);
        if (Math.ceil(n * fraction) <= Math.ceil((n - 1) * fraction)) continue;
      }
      used.set(index, (used.get(index) ?? 0) + 1);
      return rule.fault;
    }
    return undefined;
  };

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = http.request(
        {
          host: target.hostname.replace(/^\[|\]$/g, ""),
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent: upstream,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      out.on("error", reject);
      out.end(body);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const raw: RawRequest = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body };
        const info = identifyRequest(raw);
        stats.requests[info.key] = (stats.requests[info.key] ?? 0) + 1;
        const fault = pick(info, raw);
        const entry: LoggedRequest = { info, ...(fault ? { fault: fault.kind } : {}), at: Date.now() - started };
        log.push(entry);
        if (fault) {
          stats.injected[fault.kind] = (stats.injected[fault.kind] ?? 0) + 1;
          const byOp = `${fault.kind} ${info.key}`;
          stats.injectedByOperation[byOp] = (stats.injectedByOperation[byOp] ?? 0) + 1;
        }
        try {
          if (!fault) {
            stats.forwarded++;
            const sent = Date.now();
            const up = await forward(req, body);
            entry.upstreamMs = Date.now() - sent;
            const headers = { ...up.headers };
            delete headers["transfer-encoding"];
            delete headers.connection;
            res.writeHead(up.status, { ...headers, "content-length": String(up.body.length) });
            res.end(up.body);
            return;
          }
          switch (fault.kind) {
            case "hang":
              return; // the socket stays open until the client gives up or the proxy stops
            case "drop":
              req.socket.destroy();
              return;
            case "answer": {
              const text = JSON.stringify(fault.json);
              res.writeHead(fault.status, {
                "content-type": "application/json",
                "x-amzn-requestid": "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE",
                "content-length": String(Buffer.byteLength(text)),
              });
              res.end(text);
              return;
            }
            case "malformed": {
              const up = await forward(req, body);
              const cut =
                up.body.length > 1
                  ? up.body.subarray(0, Math.floor(up.body.length / 2))
                  : Buffer.from(info.protocol === "json" || info.protocol === "rest-json" ? "{" : "<");
              res.writeHead(200, {
                "content-type": String(up.headers["content-type"] ?? "application/xml"),
                "content-length": String(cut.length),
              });
              res.end(cut);
              return;
            }
            default: {
              const spec = errorFor(fault, info.protocol, info);
              const echo = (fault.kind === "access-denied" || fault.kind === "error") && fault.echoHeaders ? echoed(req.headers) : "";
              const { headers, body: text } = errorResponse({ ...spec, message: spec.message + echo }, info.protocol);
              res.writeHead(spec.status, { ...headers, "content-length": String(Buffer.byteLength(text)) });
              res.end(text);
            }
          }
        } catch (err) {
          if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
          res.end(`fault proxy: upstream failed: ${(err as Error).message}`);
        }
      })();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setRules(next) {
      rules = [...next];
      attempts = new Map();
      used = new Map();
    },
    reset() {
      rules = [];
      attempts = new Map();
      used = new Map();
      stats = { requests: {}, forwarded: 0, injected: {}, injectedByOperation: {} };
      log = [];
    },
    stats: () => structuredClone(stats),
    log: () => [...log],
    stop: async () => {
      for (const s of sockets) s.destroy();
      upstream.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

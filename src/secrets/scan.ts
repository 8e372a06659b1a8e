/**
 * Scanning EC2 user data for credentials, in the collector: the document is decoded (base64, then
 * gzip, then a MIME multipart archive as cloud-init writes them, part by part, each part's own
 * base64 or gzip), every text part goes through the detection rules (`./rules.ts`), and what comes
 * back is only where each credential is, which rule found it and its fingerprint (`./types.ts`).
 * The decoded text and the secrets stay in this function: the inventory never holds them.
 *
 * Everything here is untrusted data: no size, header or boundary from the document is trusted to be
 * well-formed or small, and nothing read from it becomes code or a regular expression.
 */
import { gunzipSync } from "node:zlib";
import { fingerprint } from "./fingerprint.js";
import { detectSecrets, lineOf, lineStartsOf } from "./rules.js";
import type { SecretDetection, UnscannedPart, UserDataScan } from "./types.js";

export type { SecretDetection, UnscannedPart, UserDataScan } from "./types.js";

/** Detections kept per document; the rest are counted. */
export const MAX_DETECTIONS = 50;
/** The most text scanned in one part (EC2 takes 16 KB of user data; gzip can make that much more). */
const MAX_TEXT_BYTES = 1024 * 1024;
/** The most a gzip member may expand to. */
const MAX_GUNZIP_BYTES = 4 * MAX_TEXT_BYTES;
const MAX_PARTS = 100;
const MAX_DEPTH = 5;

const isGzip = (b: Buffer): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Whether a string is base64 as EC2 returns user data (whitespace allowed, padding optional). */
export function isBase64(s: string): boolean {
  const compact = s.replace(/\s+/g, "");
  return compact.length > 0 && compact.length % 4 !== 1 && /^[A-Za-z0-9+/]*={0,2}$/.test(compact);
}

/** Text a rule can read: valid UTF-8 (or nearly) without NUL bytes; otherwise `undefined` (binary). */
function textOf(b: Buffer): string | undefined {
  if (b.includes(0)) return undefined;
  const text = b.toString("utf8");
  const replaced = text.split("\uFFFD").length - 1;
  return replaced > Math.max(4, text.length / 100) ? undefined : text;
}

function gunzip(b: Buffer): Buffer | string {
  try {
    return gunzipSync(b, { maxOutputLength: MAX_GUNZIP_BYTES });
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === "ERR_BUFFER_TOO_LARGE" || code === "ERR_OUT_OF_RANGE" ? "gzip content too large to scan" : "gzip data is corrupt";
  }
}

interface Headers {
  contentType: string;
  /** The Content-Type's parameters, names lower-cased. */
  params: Map<string, string>;
  transferEncoding: string;
}

/** Header block of a MIME entity: `Name: value` lines (folded lines joined), up to the first blank line. */
function splitEntity(text: string): { headers: Headers; body: string } | undefined {
  const crlf = text.indexOf("\r\n\r\n");
  const lf = text.indexOf("\n\n");
  const end = lf === -1 ? crlf : crlf === -1 ? lf : Math.min(lf, crlf);
  const head = end === -1 ? text : text.slice(0, end);
  const body = end === -1 ? "" : text.slice(end + (end === crlf ? 4 : 2));
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const raw of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(raw) && last) {
      fields.set(last, `${fields.get(last)} ${raw.trim()}`);
      continue;
    }
    const colon = raw.indexOf(":");
    if (colon <= 0) return undefined;
    last = raw.slice(0, colon).trim().toLowerCase();
    fields.set(last, raw.slice(colon + 1).trim());
  }
  const [type = "", ...rest] = (fields.get("content-type") ?? "text/plain").split(";");
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq <= 0) continue;
    let value = p.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    params.set(p.slice(0, eq).trim().toLowerCase(), value);
  }
  return {
    headers: {
      contentType: type.trim().toLowerCase(),
      params,
      transferEncoding: (fields.get("content-transfer-encoding") ?? "").toLowerCase(),
    },
    body,
  };
}

/** The bodies between `--boundary` delimiter lines, up to the closing `--boundary--` (the preamble and epilogue are not parts). */
function multipartBodies(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const out: string[] = [];
  let current: string[] | undefined;
  for (const raw of body.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const bare = line.trimEnd();
    if (bare === delimiter || bare === `${delimiter}--`) {
      if (current) out.push(current.join("\n"));
      if (bare !== delimiter || out.length > MAX_PARTS) return out;
      current = [];
    } else current?.push(line);
  }
  // No closing delimiter: the last part runs to the end.
  if (current) out.push(current.join("\n"));
  return out;
}

const looksLikeMime = (text: string): boolean => /^(content-type|mime-version)\s*:/i.test(text);

interface Leaf {
  part?: number;
  text?: string;
  unscanned?: string;
}

interface Walk {
  leaves: Leaf[];
  multipart: boolean;
}

/** A MIME multipart archive's leaf parts, in order, each decoded to text (or why it could not be). */
function walkMultipart(text: string, walk: Walk, depth: number): void {
  const entity = splitEntity(text);
  const boundary = entity?.headers.params.get("boundary");
  if (!entity || !entity.headers.contentType.startsWith("multipart/") || !boundary || depth > MAX_DEPTH) {
    leaf(walk, text);
    return;
  }
  walk.multipart = true;
  for (const chunk of multipartBodies(entity.body, boundary)) {
    if (walk.leaves.length >= MAX_PARTS) {
      walk.leaves.push({ unscanned: `more than ${MAX_PARTS} MIME parts; the rest were not scanned` });
      return;
    }
    const part = splitEntity(chunk) ?? { headers: { contentType: "text/plain", params: new Map(), transferEncoding: "" }, body: chunk };
    if (part.headers.contentType.startsWith("multipart/")) {
      walkMultipart(chunk, walk, depth + 1);
      continue;
    }
    let bytes: Buffer;
    if (part.headers.transferEncoding === "base64") {
      if (!isBase64(part.body)) {
        walk.leaves.push({ unscanned: "its base64 content transfer encoding is not valid base64" });
        continue;
      }
      bytes = Buffer.from(part.body.replace(/\s+/g, ""), "base64");
    } else if (part.headers.transferEncoding === "quoted-printable") {
      walk.leaves.push({ unscanned: "quoted-printable content transfer encoding is not decoded" });
      continue;
    } else {
      bytes = Buffer.from(part.body, "utf8");
    }
    leafBytes(walk, bytes);
  }
}

function leafBytes(walk: Walk, raw: Buffer): void {
  let bytes = raw;
  if (isGzip(bytes)) {
    const out = gunzip(bytes);
    if (typeof out === "string") {
      walk.leaves.push({ unscanned: out });
      return;
    }
    bytes = out;
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    walk.leaves.push({ unscanned: `larger than ${MAX_TEXT_BYTES} bytes` });
    return;
  }
  const text = textOf(bytes);
  if (text === undefined) walk.leaves.push({ unscanned: "binary content" });
  else leaf(walk, text);
}

const leaf = (walk: Walk, text: string): void => {
  walk.leaves.push({ text });
};

/**
 * Scans one user data document as EC2 returns it (base64). What does not decode as base64 is
 * scanned as it is ("text (not base64)"): a scanner must not miss a credential because an
 * emulator or an older API returned the text itself.
 */
export async function scanUserData(encoded: string): Promise<UserDataScan> {
  const base64 = isBase64(encoded);
  let bytes: Buffer = base64 ? Buffer.from(encoded.replace(/\s+/g, ""), "base64") : Buffer.from(encoded, "utf8");
  const size = bytes.length;
  const layers: string[] = [];
  const walk: Walk = { leaves: [], multipart: false };
  if (isGzip(bytes)) {
    layers.push("gzip");
    const out = gunzip(bytes);
    if (typeof out === "string") walk.leaves.push({ unscanned: out });
    else bytes = out;
  }
  if (walk.leaves.length === 0) {
    if (bytes.length > MAX_TEXT_BYTES) walk.leaves.push({ unscanned: `larger than ${MAX_TEXT_BYTES} bytes` });
    else {
      const text = textOf(bytes);
      if (text === undefined) walk.leaves.push({ unscanned: "binary content" });
      else if (looksLikeMime(text)) walkMultipart(text, walk, 0);
      else leaf(walk, text);
    }
  }
  if (walk.multipart) {
    layers.push("mime-multipart");
    walk.leaves.forEach((l, i) => (l.part = i + 1));
  }
  const format = layers.length ? layers.join("+") : "text";

  const detections: SecretDetection[] = [];
  const unscanned: UnscannedPart[] = [];
  let total = 0;
  for (const l of walk.leaves) {
    if (l.text === undefined) {
      unscanned.push({ ...(l.part !== undefined ? { part: l.part } : {}), reason: l.unscanned ?? "not scanned" });
      continue;
    }
    const found = await detectSecrets(l.text);
    if (found.length === 0) continue;
    const starts = lineStartsOf(l.text);
    for (const d of found) {
      total++;
      if (detections.length >= MAX_DETECTIONS) continue;
      detections.push({
        rule: d.rule,
        messageId: d.messageId,
        description: d.description,
        ...(l.part !== undefined ? { part: l.part } : {}),
        line: lineOf(starts, d.index),
        fingerprint: await fingerprint(d.secret),
      });
    }
  }
  return {
    bytes: size,
    format: base64 ? format : `${format} (not base64)`,
    ...(walk.multipart ? { parts: walk.leaves.length } : {}),
    detections,
    ...(total > detections.length ? { omittedDetections: total - detections.length } : {}),
    unscanned,
  };
}

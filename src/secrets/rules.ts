/**
 * Credential detection with a maintained rule set: secretlint's recommended preset
 * (`@secretlint/secretlint-rule-preset-recommend`, MIT, by azu and contributors; pinned in package.json).
 * Its rules cover AWS access keys, private keys (PEM, OpenSSH), database connection strings with
 * passwords (PostgreSQL, MySQL, MongoDB), basic-auth URLs and the common tokens (GitHub, GitLab, Slack,
 * npm, SendGrid, Shopify, OpenAI, Anthropic, Hugging Face, Grafana, HashiCorp Vault, 1Password, Vercel,
 * Databricks, Docker, Figma, Linear, Notion, Groq), and each carries its own allowlist of documentation
 * placeholders (AWS's AKIAIOSFODNN7EXAMPLE and its example secret key are never reported).
 *
 * The rules run here, in a small host of secretlint's rule API (`@secretlint/types`), not through
 * `@secretlint/core`: core's profiler records every lint in the global performance timeline and
 * searches that list on every mark, which grows without bound and slows down quadratically over the
 * thousands of documents a scan can see. The host gives the rules the text and nothing else: no file
 * path (the GCP rule reads key files from disk by path), no rendered messages (the rules' messages
 * quote the secret; only their message ids and data come back, and the data never leaves the collector).
 *
 * What is changed from the preset, and why:
 * - the AWS rule's access key ID scan is on (`enableIDScanRule`): an access key ID in user data is
 *   nearly always next to its secret, which the secret-key pattern misses when it is not written
 *   `NAME=value` (`aws configure set aws_secret_access_key …`); the AWS account IDs the same option
 *   reports are dropped: an account ID is an identifier, not a secret.
 * - the filter-comments rule is left out: it lets the scanned text silence detections with
 *   `secretlint-disable` comments, and what the scanned account writes must not decide what is
 *   reported (the mutelist does that).
 */
import { rules as PRESET } from "@secretlint/secretlint-rule-preset-recommend";
import type {
  SecretLintRuleContext,
  SecretLintRuleCreator,
  SecretLintRuleLocalizeMessages,
  SecretLintRuleMessageTranslate,
  SecretLintSourceCode,
} from "@secretlint/types";

/** One match of a rule, inside the collector only: `secret` never goes into the inventory. */
export interface RawDetection {
  rule: string;
  messageId: string;
  description: string;
  /** Where the secret starts in the text. */
  index: number;
  /** The matched secret (the rule's longest datum found in the text), to fingerprint and drop. */
  secret: string;
}

const LEFT_OUT = new Set(["@secretlint/secretlint-rule-filter-comments"]);
const DROPPED_MESSAGES = new Set(["@secretlint/secretlint-rule-aws#AWSAccountID"]);
const OPTIONS: Readonly<Record<string, object>> = { "@secretlint/secretlint-rule-aws": { enableIDScanRule: true } };

const RULES: readonly SecretLintRuleCreator<object>[] = (PRESET as unknown as SecretLintRuleCreator<object>[]).filter(
  (r) => !LEFT_OUT.has(r.meta.id) && r.meta.type === "scanner" && r.meta.supportedContentTypes.some((t) => t === "text" || t === "all"),
);

/** The rules that run, by package name: for documentation and tests. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

/** A rule's message in its own words, with every placeholder empty: "found GitHub Token(): <KEY>" → "GitHub Token". */
function describe(messages: SecretLintRuleLocalizeMessages, messageId: string): string {
  const blank = new Proxy({}, { get: () => "" });
  let text: string;
  try {
    text = messages[messageId]?.en(blank) ?? messageId;
  } catch {
    text = messageId;
  }
  const words = text
    .replace(/^found\s+/i, "")
    .replace(/\(\s*\)/g, "")
    .replace(/[\s:]+$/, "")
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : messageId;
}

/** The text as secretlint's rules see a source file; positions are computed only if a rule asks. */
function sourceOf(content: string): SecretLintSourceCode {
  let starts: number[] | undefined;
  const lineStarts = () => (starts ??= lineStartsOf(content));
  const indexToPosition = (index: number) => {
    const s = lineStarts();
    const line = lineOf(s, index);
    return { line, column: index - s[line - 1]! };
  };
  const positionToIndex = (pos: { line: number; column: number }) => (lineStarts()[pos.line - 1] ?? content.length) + pos.column;
  return {
    hasBOM: false,
    content,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: "text",
    ext: "",
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
    indexToPosition,
    positionToIndex,
    rangeToLocation: ([start, end]) => ({ start: indexToPosition(start), end: indexToPosition(end) }),
    locationToRange: (loc) => [positionToIndex(loc.start), positionToIndex(loc.end)],
  };
}

/** Where each line starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of `index`, given the line starts. */
export function lineOf(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * The secret a report is about: the longest string the rule reported as data that occurs in the text
 * at or after the report's start (a rule's range can start at the variable name rather than at the
 * value), or the text of the range.
 */
function secretOf(content: string, range: readonly [number, number], data: unknown): { index: number; secret: string } {
  const values =
    data && typeof data === "object"
      ? Object.values(data as Record<string, unknown>)
          .filter((v): v is string => typeof v === "string" && v.length > 0)
          .sort((a, b) => b.length - a.length)
      : [];
  for (const value of values) {
    const at = content.indexOf(value, Math.max(0, range[0]));
    if (at !== -1) return { index: at, secret: value };
  }
  return { index: range[0], secret: content.slice(range[0], range[1]) };
}

/** Every credential the rules find in `content`. */
export async function detectSecrets(content: string): Promise<RawDetection[]> {
  const source = sourceOf(content);
  const found: RawDetection[] = [];
  for (const rule of RULES) {
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      // Messages are not rendered: they quote the secret. The id and data are all the host keeps.
      createTranslator: <T extends SecretLintRuleLocalizeMessages>(_messages: T) =>
        ((messageId: string, props?: object) => ({ message: "", messageId, data: props })) as SecretLintRuleMessageTranslate<T>,
      report: ({ message, range }) => {
        if (DROPPED_MESSAGES.has(`${rule.meta.id}#${message.messageId}`)) return;
        const { index, secret } = secretOf(content, range, message.data);
        if (secret.length === 0) return;
        found.push({
          rule: rule.meta.id,
          messageId: message.messageId,
          description: describe(rule.messages, message.messageId),
          index,
          secret,
        });
      },
      // Only the filter-comments rule ignores ranges, and it does not run.
      ignore: () => {},
    };
    await rule.create(context, OPTIONS[rule.meta.id] ?? {}).file?.(source);
  }
  return found.sort((a, b) => a.index - b.index || a.rule.localeCompare(b.rule));
}

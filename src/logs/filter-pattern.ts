/**
 * CloudWatch Logs filter patterns, the JSON kind (`{ $.eventName = "ConsoleLogin" && ... }`): a
 * parser into an expression tree and an evaluator of that tree against a JSON log event (for the
 * CIS monitoring checks: a CloudTrail record), following CloudWatch Logs' documented semantics:
 *
 * - `&&` binds tighter than `||`; parentheses group ("() > && > ||").
 * - A selector is `$` then `.name` and `[index]` steps (names of letters, digits, `_` and `-`).
 * - `=` and `!=` compare with a string, quoted (`"Failed authentication"`) or bare
 *   (`delivery.logs.amazonaws.com`, `123.123.*`); a `*` at the start and/or the end of the value is
 *   a wildcard (`*UnauthorizedOperation`, `AccessDenied*`, `*`), one inside it is itself.
 *   Comparisons are case-sensitive. A bare number compares numerically with a number field.
 * - `<`, `>`, `<=`, `>=` compare a number field with a number.
 * - `IS TRUE`, `IS FALSE`, `IS NULL`, `NOT EXISTS`.
 * - Any comparison (`!=` too) is false when the field is absent, null, an object or an array: only
 *   `NOT EXISTS` matches an absent field, only `IS NULL` a null one.
 *
 * Not evaluated (the parse says why, and such a filter simply does not count): text and
 * space-delimited patterns, the empty pattern, and regular expressions (`%...%`), which this module
 * never turns into code. Parsing never throws: anything malformed is a reason, not an exception.
 * Pure: no I/O, no regular expressions built from the pattern.
 */

export type PathStep = { key: string } | { index: number };

export type CompareOp = "=" | "!=" | "<" | ">" | "<=" | ">=";

export type FilterValue = { kind: "string"; text: string } | { kind: "number"; value: number; text: string };

export type FilterExpr =
  | { kind: "and" | "or"; left: FilterExpr; right: FilterExpr }
  | { kind: "compare"; path: PathStep[]; op: CompareOp; value: FilterValue }
  | { kind: "is"; path: PathStep[]; what: "TRUE" | "FALSE" | "NULL" }
  | { kind: "notExists"; path: PathStep[] };

/** What a pattern is, on its face: a JSON pattern, or one of the kinds this module does not evaluate. */
export type PatternKind = "json" | "text" | "space-delimited" | "empty";

export type ParsedPattern = { ok: true; expr: FilterExpr } | { ok: false; kind: PatternKind; reason: string };

/** Deeper nesting than this is refused (CloudWatch caps a pattern at 1024 characters anyway). */
const MAX_DEPTH = 64;

type Token =
  | { t: "{" | "}" | "(" | ")" | "&&" | "||"; at: number }
  | { t: "op"; op: CompareOp; at: number }
  | { t: "selector"; path: PathStep[]; text: string; at: number }
  | { t: "quoted"; text: string; at: number }
  | { t: "word"; text: string; at: number }
  | { t: "regex"; at: number };

class PatternError extends Error {}

const NAME_CHAR = /[A-Za-z0-9_-]/;
const WORD_STOP = new Set([" ", "\t", "\n", "\r", "(", ")", "{", "}", '"', "&", "|", "=", "!", "<", ">"]);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new PatternError(`${what} at position ${i + 1}`);
  };
  while (i < src.length) {
    const c = src[i]!;
    const two = src.slice(i, i + 2);
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "{" || c === "}" || c === "(" || c === ")") {
      tokens.push({ t: c, at: i });
      i++;
    } else if (two === "&&" || two === "||") {
      tokens.push({ t: two, at: i });
      i += 2;
    } else if (two === "!=" || two === "<=" || two === ">=") {
      tokens.push({ t: "op", op: two, at: i });
      i += 2;
    } else if (c === "=" || c === "<" || c === ">") {
      tokens.push({ t: "op", op: c, at: i });
      i++;
    } else if (c === '"') {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= src.length) fail("an unterminated quoted string");
        const ch = src[i]!;
        if (ch === "\\" && i + 1 < src.length) {
          text += src[i + 1];
          i += 2;
        } else if (ch === '"') {
          i++;
          break;
        } else {
          text += ch;
          i++;
        }
      }
      tokens.push({ t: "quoted", text, at: start });
    } else if (c === "%") {
      tokens.push({ t: "regex", at: i });
      const end = src.indexOf("%", i + 1);
      i = end < 0 ? src.length : end + 1;
    } else if (c === "$") {
      const start = i;
      i++;
      const path: PathStep[] = [];
      while (i < src.length && (src[i] === "." || src[i] === "[")) {
        if (src[i] === ".") {
          i++;
          let name = "";
          while (i < src.length && NAME_CHAR.test(src[i]!)) name += src[i++];
          if (!name) fail("a selector step without a name");
          path.push({ key: name });
        } else {
          i++;
          let digits = "";
          while (i < src.length && src[i]! >= "0" && src[i]! <= "9") digits += src[i++];
          if (!digits || src[i] !== "]") fail("an array index that is not a number in brackets");
          i++;
          path.push({ index: Number(digits) });
        }
      }
      if (path.length === 0) fail("a selector that names no property");
      if (i < src.length && !WORD_STOP.has(src[i]!)) fail(`an unexpected "${src[i]}" in a selector`);
      tokens.push({ t: "selector", path, text: src.slice(start, i), at: start });
    } else if (c === "&" || c === "|" || c === "!") {
      fail(`a lone "${c}"`);
    } else {
      const start = i;
      while (i < src.length && !WORD_STOP.has(src[i]!)) i++;
      tokens.push({ t: "word", text: src.slice(start, i), at: start });
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private fail(what: string): never {
    const token = this.peek();
    throw new PatternError(token ? `${what} at position ${token.at + 1}` : `${what} at the end`);
  }

  private expect(t: "{" | "}" | ")"): void {
    if (this.peek()?.t !== t) this.fail(`expected "${t}"`);
    this.pos++;
  }

  pattern(): FilterExpr {
    this.expect("{");
    const expr = this.or();
    this.expect("}");
    if (this.pos < this.tokens.length) this.fail("text after the closing brace");
    return expr;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.peek()?.t === "||") {
      this.pos++;
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.primary();
    while (this.peek()?.t === "&&") {
      this.pos++;
      left = { kind: "and", left, right: this.primary() };
    }
    return left;
  }

  private primary(): FilterExpr {
    const token = this.peek();
    if (token?.t === "(") {
      if (++this.depth > MAX_DEPTH) this.fail(`parentheses nested deeper than ${MAX_DEPTH}`);
      this.pos++;
      const inner = this.or();
      this.expect(")");
      this.depth--;
      return inner;
    }
    if (token?.t !== "selector") this.fail("expected a selector ($.field) or a parenthesis");
    this.pos++;
    return this.condition(token.path);
  }

  private keyword(...words: string[]): string | undefined {
    const token = this.peek();
    if (token?.t !== "word") return undefined;
    const upper = token.text.toUpperCase();
    return words.includes(upper) ? upper : undefined;
  }

  private condition(path: PathStep[]): FilterExpr {
    if (this.keyword("IS")) {
      this.pos++;
      const what = this.keyword("TRUE", "FALSE", "NULL");
      if (!what) this.fail("expected TRUE, FALSE or NULL after IS");
      this.pos++;
      return { kind: "is", path, what: what as "TRUE" | "FALSE" | "NULL" };
    }
    if (this.keyword("NOT")) {
      this.pos++;
      if (!this.keyword("EXISTS")) this.fail("expected EXISTS after NOT");
      this.pos++;
      return { kind: "notExists", path };
    }
    const token = this.peek();
    if (token?.t !== "op") this.fail("expected a comparison, IS or NOT EXISTS after the selector");
    this.pos++;
    const value = this.value();
    if (token.op !== "=" && token.op !== "!=" && value.kind !== "number") this.fail(`${token.op} needs a number`);
    return { kind: "compare", path, op: token.op, value };
  }

  private value(): FilterValue {
    const token = this.peek();
    if (token?.t === "regex") throw new PatternError("a regular expression (%...%), which is not evaluated");
    if (token?.t === "quoted") {
      this.pos++;
      return { kind: "string", text: token.text };
    }
    if (token?.t !== "word") this.fail("expected a value");
    // Bare words up to the next operator or parenthesis are one value ("Failed authentication").
    const words: string[] = [];
    while (this.peek()?.t === "word") words.push((this.tokens[this.pos++] as { text: string }).text);
    const text = words.join(" ");
    if (words.length === 1 && NUMBER.test(text)) return { kind: "number", value: Number(text), text };
    return { kind: "string", text };
  }
}

/** Parses a filter pattern; a pattern that is not JSON, or is malformed, comes back with the reason. */
export function parseFilterPattern(pattern: string): ParsedPattern {
  const trimmed = pattern.trim();
  if (trimmed === "") return { ok: false, kind: "empty", reason: "the empty pattern matches every log event" };
  if (trimmed.startsWith("[")) return { ok: false, kind: "space-delimited", reason: "a space-delimited pattern, which is not evaluated" };
  if (!trimmed.startsWith("{")) return { ok: false, kind: "text", reason: "a text pattern, not a JSON one, which is not evaluated" };
  try {
    return { ok: true, expr: new Parser(tokenize(trimmed)).pattern() };
  } catch (err) {
    if (err instanceof PatternError) return { ok: false, kind: "json", reason: `not a valid JSON filter pattern: ${err.message}` };
    // A stack overflow or any other surprise is still only a reason: a filter never breaks a check.
    return { ok: false, kind: "json", reason: "not a valid JSON filter pattern" };
  }
}

const ABSENT = Symbol("absent");

function resolve(event: unknown, path: readonly PathStep[]): unknown {
  let node: unknown = event;
  for (const step of path) {
    if ("key" in step) {
      if (typeof node !== "object" || node === null || Array.isArray(node) || !Object.hasOwn(node, step.key)) return ABSENT;
      node = (node as Record<string, unknown>)[step.key];
    } else {
      if (!Array.isArray(node) || step.index >= node.length) return ABSENT;
      node = node[step.index] as unknown;
    }
    if (node === undefined) return ABSENT;
  }
  return node;
}

/** `*` at either end is a wildcard; anything else, a `*` inside included, is itself. */
export function wildcardMatch(pattern: string, text: string): boolean {
  if (/^\*+$/.test(pattern)) return true;
  const prefix = pattern.startsWith("*");
  const suffix = pattern.endsWith("*");
  const core = pattern.slice(prefix ? 1 : 0, suffix ? -1 : undefined);
  if (prefix && suffix) return text.includes(core);
  if (prefix) return text.endsWith(core);
  if (suffix) return text.startsWith(core);
  return text === core;
}

function compare(field: unknown, op: CompareOp, value: FilterValue): boolean {
  if (field === ABSENT || field === null || typeof field === "object") return false;
  if (typeof field !== "string" && typeof field !== "number" && typeof field !== "boolean") return false;
  if (value.kind === "number" && typeof field === "number") {
    switch (op) {
      case "=":
        return field === value.value;
      case "!=":
        return field !== value.value;
      case "<":
        return field < value.value;
      case ">":
        return field > value.value;
      case "<=":
        return field <= value.value;
      case ">=":
        return field >= value.value;
    }
  }
  if (op !== "=" && op !== "!=") return false;
  const equal = wildcardMatch(value.text, String(field));
  return op === "=" ? equal : !equal;
}

/** Whether a JSON log event matches the expression, as CloudWatch Logs would decide. */
export function matchesEvent(expr: FilterExpr, event: unknown): boolean {
  switch (expr.kind) {
    case "and":
      return matchesEvent(expr.left, event) && matchesEvent(expr.right, event);
    case "or":
      return matchesEvent(expr.left, event) || matchesEvent(expr.right, event);
    case "compare":
      return compare(resolve(event, expr.path), expr.op, expr.value);
    case "is": {
      const field = resolve(event, expr.path);
      return expr.what === "NULL" ? field === null : field === (expr.what === "TRUE");
    }
    case "notExists":
      return resolve(event, expr.path) === ABSENT;
  }
}

/** The pattern back as text, normalized (for evidence and tests). */
export function formatExpr(expr: FilterExpr): string {
  const path = (p: PathStep[]) => `$${p.map((s) => ("key" in s ? `.${s.key}` : `[${s.index}]`)).join("")}`;
  switch (expr.kind) {
    case "and":
    case "or":
      return `(${formatExpr(expr.left)} ${expr.kind === "and" ? "&&" : "||"} ${formatExpr(expr.right)})`;
    case "compare":
      return `${path(expr.path)} ${expr.op} ${expr.value.kind === "number" ? expr.value.text : JSON.stringify(expr.value.text)}`;
    case "is":
      return `${path(expr.path)} IS ${expr.what}`;
    case "notExists":
      return `${path(expr.path)} NOT EXISTS`;
  }
}

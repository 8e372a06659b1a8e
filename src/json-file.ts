/**
 * Reading and writing JSON documents larger than one JavaScript string can hold.
 *
 * V8 caps a string near 512 MiB (2^29 - 24 characters), so `JSON.parse(readFileSync(...))` and
 * `JSON.stringify(...)` stop there, and long before that they hold the whole text and the whole
 * value at once. Inventory snapshots and reports of large accounts pass that size. Here:
 *
 * - `jsonPieces(value, indent)` yields exactly the text `JSON.stringify(value, null, indent)` makes,
 *   in pieces (one per value below the top levels), for a writer to write one after another;
 * - `readJsonFile(path)` parses a file of any size read in chunks: a value that fits in `maxPiece`
 *   bytes is handed to `JSON.parse` whole (native speed), a larger array or object is taken apart
 *   here, member by member, so no string longer than `maxPiece` (plus the longest single string
 *   value) is ever made. The result equals `JSON.parse` of the whole text, and any text JSON.parse
 *   refuses is refused (with the byte offset), as is text that is not UTF-8.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

// ---- writing ----------------------------------------------------------------------------

/** What JSON.stringify prints for a member: the value's toJSON(key) when it has one. */
function prepared(key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

/** JSON.stringify leaves these out of objects (and prints null for them in arrays). */
const printable = (v: unknown): boolean => v !== undefined && typeof v !== "function" && typeof v !== "symbol";

/**
 * The text of `JSON.stringify(value, null, indent)` in pieces: containers down to `depth` levels are
 * laid out here, each value below them is one `JSON.stringify` piece. Joined, the pieces are that
 * text exactly (for plain data: no replacer, and toJSON applied once, as JSON.stringify does). `pad`
 * is the indentation of the line the value starts on, for a value inside a larger document.
 */
export function* jsonPieces(value: unknown, indent: number, depth = 6, pad = ""): Generator<string> {
  const unit = " ".repeat(indent);
  const nl = indent > 0 ? "\n" : "";
  const colon = indent > 0 ? ": " : ":";
  /** `x` is already prepared (toJSON applied) and printable. */
  function* walk(x: unknown, pad: string, level: number): Generator<string> {
    if (level >= depth || x === null || typeof x !== "object") {
      const text = JSON.stringify(x, null, indent);
      // Raw newlines occur only between tokens (inside strings they are escaped): indent every line.
      yield pad === "" || indent === 0 ? text : text.replaceAll("\n", `\n${pad}`);
      return;
    }
    const inner = `${pad}${unit}`;
    if (Array.isArray(x)) {
      if (x.length === 0) {
        yield "[]";
        return;
      }
      yield `[${nl}`;
      for (let i = 0; i < x.length; i++) {
        yield inner;
        const p = prepared(String(i), x[i]);
        if (printable(p)) yield* walk(p, inner, level + 1);
        else yield "null";
        yield i < x.length - 1 ? `,${nl}` : nl;
      }
      yield `${pad}]`;
      return;
    }
    const members: [string, unknown][] = [];
    for (const k of Object.keys(x)) {
      const p = prepared(k, (x as Record<string, unknown>)[k]);
      if (printable(p)) members.push([k, p]);
    }
    if (members.length === 0) {
      yield "{}";
      return;
    }
    yield `{${nl}`;
    for (let i = 0; i < members.length; i++) {
      const [k, p] = members[i]!;
      yield `${inner}${JSON.stringify(k)}${colon}`;
      yield* walk(p, inner, level + 1);
      yield i < members.length - 1 ? `,${nl}` : nl;
    }
    yield `${pad}}`;
  }
  const top = prepared("", value);
  if (printable(top)) yield* walk(top, pad, 0);
}

// ---- reading ----------------------------------------------------------------------------

/** The text is not JSON (or not UTF-8): the message says what and at which byte. */
export class JsonFileError extends Error {
  override name = "JsonFileError";
  constructor(
    message: string,
    readonly kind: "syntax" | "encoding",
  ) {
    super(message);
  }
}

export interface ReadJsonOptions {
  /** Values up to this many bytes are parsed by one JSON.parse (default 1 MiB). */
  maxPiece?: number;
  /** Bytes read at a time (default 8 MiB). */
  chunk?: number;
  /**
   * Called for each member of a container this reader takes apart itself (one too large to parse
   * whole), with its path from the top: the value returned replaces it. Only an optimisation (say,
   * to drop what the caller will not use as soon as it is read): for a container parsed whole it is
   * not called, so the caller must accept the member unchanged too.
   */
  member?: (path: readonly (string | number)[], value: unknown) => unknown;
  /** Called after each value parsed, with the bytes read so far (a checkpoint for the heap guard). */
  progress?: (bytesRead: number) => void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Bytes that end a number or literal (true, false, null) at the levels taken apart here. */
const endsToken = (c: number): boolean => isSpace(c) || c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === COLON;

interface Frame {
  container: unknown[] | Record<string, unknown>;
  isArray: boolean;
  /** The member key waiting for its value (objects). */
  key?: string;
  path: (string | number)[];
  /** What may come next: a member (or the closing bracket when `first`), or a comma / the closing bracket. */
  state: "member" | "after";
  first: boolean;
}

/** Sets a member the way JSON.parse does: an own property, even for "__proto__". */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Parses a JSON file of any size (see the module comment). Errors reading the file are thrown as they come. */
export function readJsonFile(path: string, options: ReadJsonOptions = {}): unknown {
  const fd = openSync(path, "r");
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: "EISDIR" });
    return new ChunkedJsonReader((buffer, offset, length) => readSync(fd, buffer, offset, length, null), options).parse();
  } finally {
    closeSync(fd);
  }
}

/** Parses JSON held in a buffer (the same reader; for tests and callers that have bytes). */
export function parseJsonBytes(bytes: Uint8Array, options: ReadJsonOptions = {}): unknown {
  let at = 0;
  return new ChunkedJsonReader((buffer, offset, length) => {
    const n = Math.min(length, bytes.length - at);
    buffer.set(bytes.subarray(at, at + n), offset);
    at += n;
    return n;
  }, options).parse();
}

type ReadInto = (buffer: Buffer, offset: number, length: number) => number;

class ChunkedJsonReader {
  readonly #read: ReadInto;
  readonly #maxPiece: number;
  readonly #chunk: number;
  readonly #member: ReadJsonOptions["member"];
  readonly #progress: ReadJsonOptions["progress"];
  readonly #decoder = new TextDecoder("utf-8", { fatal: true });
  /** The window: bytes [base, base + length) of the text. */
  #buf: Buffer;
  #base = 0;
  #length = 0;
  #eof = false;

  constructor(read: ReadInto, options: ReadJsonOptions) {
    this.#read = read;
    this.#maxPiece = Math.max(16, options.maxPiece ?? 1 << 20);
    this.#chunk = Math.max(16, options.chunk ?? 8 << 20);
    this.#member = options.member;
    this.#progress = options.progress;
    this.#buf = Buffer.allocUnsafe(this.#maxPiece + this.#chunk);
  }

  /** Makes bytes up to `end` (absolute) available when the text has them, keeping those from `keep` on. */
  #ensure(keep: number, end: number): void {
    if (end <= this.#base + this.#length || this.#eof) return;
    if (keep > this.#base) {
      this.#buf.copy(this.#buf, 0, keep - this.#base, this.#length);
      this.#length -= keep - this.#base;
      this.#base = keep;
    }
    const need = end - this.#base;
    if (need > this.#buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.#buf.length * 2));
      this.#buf.copy(bigger, 0, 0, this.#length);
      this.#buf = bigger;
    }
    while (this.#base + this.#length < end && !this.#eof) {
      const n = this.#read(this.#buf, this.#length, this.#buf.length - this.#length);
      if (n === 0) this.#eof = true;
      this.#length += n;
    }
  }

  /** The byte at absolute position `at` (-1 at the end of the text), reading on as needed. */
  #byte(at: number): number {
    if (at >= this.#base + this.#length) this.#ensure(at, at + this.#chunk);
    return at < this.#base + this.#length ? this.#buf[at - this.#base]! : -1;
  }

  #fail(message: string): never {
    throw new JsonFileError(message, "syntax");
  }

  #unexpected(at: number): never {
    const c = this.#byte(at);
    if (c < 0) this.#fail("Unexpected end of JSON input");
    this.#fail(`Unexpected ${c >= 0x20 && c < 0x7f ? `token '${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`} at byte ${at}`);
  }

  #skipSpace(at: number): number {
    while (isSpace(this.#byte(at))) at++;
    return at;
  }

  /**
   * The end (exclusive, absolute) of the value starting at `start`, if it ends within `limit` bytes and
   * inside the window; -1 when it does not. Only strings and bracket depth are followed: JSON.parse
   * judges the rest.
   */
  #endOf(start: number, limit: number): number {
    this.#ensure(start, start + limit);
    const buf = this.#buf;
    const from = start - this.#base;
    const stop = Math.min(this.#length, from + limit);
    const first = buf[from];
    if (first === QUOTE) return this.#stringEnd(from + 1, stop);
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      for (let i = from; i < stop; i++) if (endsToken(buf[i]!)) return this.#base + i;
      return this.#eof && stop === this.#length ? this.#base + stop : -1;
    }
    let depth = 0;
    for (let i = from; i < stop; i++) {
      const c = buf[i]!;
      if (c === QUOTE) {
        const end = this.#stringEnd(i + 1, stop);
        if (end < 0) return -1;
        i = end - this.#base - 1;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--depth === 0) return this.#base + i + 1;
      }
    }
    return -1;
  }

  /** The end (exclusive, absolute) of a string whose content starts at window index `from`; -1 if not before `stop`. */
  #stringEnd(from: number, stop: number): number {
    const buf = this.#buf;
    let i = from;
    for (;;) {
      const q = buf.indexOf(QUOTE, i);
      if (q < 0 || q >= stop) return -1;
      let backslashes = 0;
      for (let j = q - 1; j >= from && buf[j] === BACKSLASH; j--) backslashes++;
      if (backslashes % 2 === 0) return this.#base + q + 1;
      i = q + 1;
    }
  }

  /** JSON.parse of the bytes [start, end). */
  #parsePiece(start: number, end: number): unknown {
    let text: string;
    try {
      text = this.#decoder.decode(this.#buf.subarray(start - this.#base, end - this.#base));
    } catch {
      throw new JsonFileError(`the text is not UTF-8 (in the value at byte ${start})`, "encoding");
    }
    try {
      return JSON.parse(text);
    } catch (err) {
      this.#fail(`${(err as Error).message} (in the value at byte ${start})`);
    }
  }

  /** The string at `start` (a member key), parsed. */
  #key(start: number): { key: string; end: number } {
    if (this.#byte(start) !== QUOTE) this.#unexpected(start);
    let limit = this.#maxPiece;
    for (;;) {
      const end = this.#endOf(start, limit);
      if (end >= 0) return { key: this.#parsePiece(start, end) as string, end };
      if (this.#eof && this.#base + this.#length <= start + limit) this.#fail("Unexpected end of JSON input");
      limit *= 2;
    }
  }

  parse(): unknown {
    let at = 0;
    // A byte order mark is not JSON, but TextDecoder drops it, so JSON.parse of a decoded file never sees it.
    if (this.#byte(0) === 0xef && this.#byte(1) === 0xbb && this.#byte(2) === 0xbf) at = 3;
    const stack: Frame[] = [];
    let result: unknown;
    let done = false;
    const deliver = (value: unknown): void => {
      this.#progress?.(this.#base + this.#length);
      const top = stack.at(-1);
      if (!top) {
        result = value;
        done = true;
        return;
      }
      if (top.isArray) {
        const list = top.container as unknown[];
        const v = this.#member ? this.#member([...top.path, list.length], value) : value;
        list.push(v);
      } else {
        const key = top.key!;
        setMember(top.container as Record<string, unknown>, key, this.#member ? this.#member([...top.path, key], value) : value);
        top.key = undefined;
      }
      top.state = "after";
    };
    /** A value at `start`: parsed whole when it fits, else opened as a frame. Returns where it ends. */
    const value = (start: number, path: (string | number)[]): number => {
      const c = this.#byte(start);
      if (c < 0) this.#fail("Unexpected end of JSON input");
      if (endsToken(c)) this.#unexpected(start);
      let limit = this.#maxPiece;
      for (;;) {
        const end = this.#endOf(start, limit);
        if (end >= 0) {
          deliver(this.#parsePiece(start, end));
          return end;
        }
        if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          stack.push({ container: c === OPEN_ARRAY ? [] : {}, isArray: c === OPEN_ARRAY, path, state: "member", first: true });
          return start + 1;
        }
        // A string (or token) longer than the window: read further, it cannot be cut.
        if (this.#eof && this.#base + this.#length <= start + limit) this.#fail("Unexpected end of JSON input");
        limit *= 2;
      }
    };

    at = this.#skipSpace(at);
    at = value(at, []);
    while (!done) {
      const frame = stack.at(-1)!;
      at = this.#skipSpace(at);
      const c = this.#byte(at);
      const close = frame.isArray ? CLOSE_ARRAY : CLOSE_OBJECT;
      if (c === close && (frame.state === "after" || frame.first)) {
        stack.pop();
        deliver(frame.container);
        at++;
        continue;
      }
      if (frame.state === "after") {
        if (c !== COMMA) this.#unexpected(at);
        frame.state = "member";
        frame.first = false;
        at++;
        continue;
      }
      // A member.
      frame.first = false;
      if (frame.isArray) {
        at = value(at, [...frame.path, (frame.container as unknown[]).length]);
        continue;
      }
      const { key, end } = this.#key(at);
      at = this.#skipSpace(end);
      if (this.#byte(at) !== COLON) this.#unexpected(at);
      at = this.#skipSpace(at + 1);
      frame.key = key;
      at = value(at, [...frame.path, key]);
    }
    at = this.#skipSpace(at);
    if (this.#byte(at) >= 0) this.#unexpected(at);
    return result;
  }
}

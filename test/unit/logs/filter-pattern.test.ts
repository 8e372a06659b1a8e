import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatExpr, matchesEvent, parseFilterPattern, wildcardMatch, type FilterExpr } from "../../../src/logs/filter-pattern.js";

const expr = (pattern: string): FilterExpr => {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok) throw new Error(`${pattern}: ${parsed.reason}`);
  return parsed.expr;
};
const matches = (pattern: string, event: unknown): boolean => matchesEvent(expr(pattern), event);

/** AWS's own example event for JSON filter patterns (CloudWatch Logs User Guide). */
const AWS_EXAMPLE = {
  eventType: "UpdateTrail",
  sourceIPAddress: "111.111.111.111",
  arrayKey: ["value", "another value"],
  objectList: [
    { name: "a", id: 1 },
    { name: "b", id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
};

/** AWS's example for compound conditions. */
const COMPOUND = {
  user: { id: 1, email: "John.Stiles@example.com" },
  users: [
    { id: 2, email: "John.Doe@example.com" },
    { id: 3, email: "Jane.Doe@example.com" },
  ],
  actions: ["GET", "PUT", "DELETE"],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe("JSON filter patterns, as AWS documents them", () => {
  it.each([
    '{ $.eventType = "UpdateTrail" }',
    "{ $.sourceIPAddress != 123.123.* }",
    '{ $.arrayKey[0] = "value" }',
    "{ $.objectList[1].id = 2 }",
    "{ $.SomeObject IS NULL }",
    "{ $.SomeOtherObject NOT EXISTS }",
    "{ $.ThisFlag IS TRUE }",
    "{ $.eventType = * }",
  ])("AWS's example %s matches AWS's example event", (pattern) => {
    expect(matches(pattern, AWS_EXAMPLE)).toBe(true);
  });

  it.each([
    "{ $.ThisFlag IS FALSE }",
    "{ $.SomeObject NOT EXISTS }",
    "{ $.eventType NOT EXISTS }",
    "{ $.sourceIPAddress != 111.111.* }",
    '{ $.arrayKey = "value" }',
    '{ $.arrayKey != "value" }',
    "{ $.objectList[2].id = 2 }",
    "{ $.eventType IS NULL }",
  ])("%s does not", (pattern) => {
    expect(matches(pattern, AWS_EXAMPLE)).toBe(false);
  });

  it("&& binds tighter than ||, and parentheses group: AWS's four compound examples", () => {
    expect(matches('{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', COMPOUND)).toBe(true);
    expect(matches('{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', COMPOUND)).toBe(false);
    expect(
      matches('{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }', COMPOUND),
    ).toBe(true);
    expect(
      matches('{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }', COMPOUND),
    ).toBe(false);
    expect(formatExpr(expr("{ $.a = 1 || $.b = 2 && $.c = 3 }"))).toBe("($.a = 1 || ($.b = 2 && $.c = 3))");
  });

  it("numeric comparisons compare numbers; a bare number equals a string field's text", () => {
    const event = { latency: 1200, numbers: [0.002], errorCode: 400, account: "123456789012" };
    for (const p of [
      "{ $.latency >= 500 }",
      "{ $.latency > +1000 }",
      "{ $.numbers[0] < 10e-3 }",
      "{ $.errorCode = 400 }",
      "{ $.errorCode != 500 }",
    ])
      expect(matches(p, event), p).toBe(true);
    for (const p of ["{ $.latency < 1000 }", "{ $.errorCode = 401 }", "{ $.account > 5 }"]) expect(matches(p, event), p).toBe(false);
    expect(matches("{ $.account = 123456789012 }", event)).toBe(true);
  });

  it("any comparison on an absent field is false, != included: only NOT EXISTS matches it", () => {
    // The behaviour AWS support confirmed (a filter `$.userIdentity.invokedBy != "x"` does not match a record without the field).
    const event = { errorCode: "AccessDenied", userIdentity: { accountId: "anonymous" } };
    expect(matches('{ ($.errorCode = "AccessDenied") && ($.userIdentity.invokedBy != "cloudfront.amazonaws.com") }', event)).toBe(false);
    expect(matches("{ $.userIdentity.invokedBy NOT EXISTS }", event)).toBe(true);
    expect(matches("{ $.userIdentity != x }", event)).toBe(false);
    expect(matches("{ $.missing.deeper = * }", event)).toBe(false);
  });

  it("wildcards at either end match text; one inside is a literal; matching is case-sensitive", () => {
    expect(wildcardMatch("*UnauthorizedOperation", "Client.UnauthorizedOperation")).toBe(true);
    expect(wildcardMatch("AccessDenied*", "AccessDeniedException")).toBe(true);
    expect(wildcardMatch("*Denied*", "AccessDeniedException")).toBe(true);
    expect(wildcardMatch("*", "")).toBe(true);
    expect(wildcardMatch("Ev*ent", "Event")).toBe(false);
    expect(wildcardMatch("Ev*ent", "Ev*ent")).toBe(true);
    expect(wildcardMatch("accessdenied*", "AccessDenied")).toBe(false);
    expect(matches('{ $.e = "Access*" }', { e: "AccessDenied" })).toBe(true);
  });

  it("bare and quoted values mean the same; bare words up to the next operator are one value", () => {
    const record = { errorMessage: "Failed authentication", eventName: "ConsoleLogin" };
    expect(matches("{ ($.eventName = ConsoleLogin) && ($.errorMessage = Failed authentication) }", record)).toBe(true);
    expect(matches('{($.eventName="ConsoleLogin")&&($.errorMessage="Failed authentication")}', record)).toBe(true);
    expect(matches("{ $.sourceIPAddress != delivery.logs.amazonaws.com }", { sourceIPAddress: "203.0.113.1" })).toBe(true);
    expect(matches('{ $.a = "with \\"quotes\\"" }', { a: 'with "quotes"' })).toBe(true);
  });

  it("IS TRUE / IS FALSE want booleans, not the strings CloudTrail uses for some flags", () => {
    expect(matches("{ $.readOnly IS FALSE }", { readOnly: false })).toBe(true);
    expect(matches("{ $.flag IS TRUE }", { flag: "true" })).toBe(false);
    expect(matches("{ $.flag is true }", { flag: true })).toBe(true);
  });
});

describe("what is not evaluated, or malformed, is a reason: never an exception", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["ERROR", "text"],
    ['"Failed authentication"', "text"],
    ["?ERROR ?WARN", "text"],
    ["[ip, user, status_code = 4*]", "space-delimited"],
  ])("%j is a %s pattern", (pattern, kind) => {
    expect(parseFilterPattern(pattern)).toMatchObject({ ok: false, kind });
  });

  it.each([
    "{",
    "{}",
    "{ $.a = }",
    "{ $.a }",
    "{ $. = 1 }",
    "{ $ = 1 }",
    "{ $.a[x] = 1 }",
    "{ ($.a = 1 }",
    "{ $.a = 1 ) }",
    "{ $.a = 1 } trailing",
    "{ $.a = 1 && }",
    "{ $.a = 1 & $.b = 2 }",
    "{ $.a = 1 | $.b = 2 }",
    "{ $.a > abc }",
    "{ $.a IS MAYBE }",
    "{ $.a NOT THERE }",
    '{ $.a = "unterminated }',
    "{ $.a = %Put.*Policy% }",
    "{ $.a == 1 }",
    `{ ${"(".repeat(200)}$.a = 1${")".repeat(200)} }`,
  ])("%s is refused with a reason", (pattern) => {
    const parsed = parseFilterPattern(pattern);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.kind).toBe("json");
      expect(parsed.reason.length).toBeGreaterThan(10);
    }
  });

  it("a regular expression is named as such", () => {
    expect(parseFilterPattern("{ $.eventName = %Put.*Policy% }")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("regular expression"),
    });
  });

  it("fuzz: any text, and any mangling of real patterns, parses or gives a reason; a parsed one evaluates without throwing", () => {
    const REAL = [
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
      "{ $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS && $.eventType != AwsServiceEvent }",
      "{ $.latency >= 500 || $.ThisFlag IS TRUE || $.x IS NULL }",
    ];
    const tokens = fc.constantFrom(
      "{",
      "}",
      "(",
      ")",
      "&&",
      "||",
      "=",
      "!=",
      "<",
      ">=",
      "$.a",
      "$.b[0]",
      '"x"',
      "y*",
      "*",
      "IS",
      "NOT",
      "EXISTS",
      "TRUE",
      "NULL",
      "%r%",
      "1e3",
      " ",
      "\\",
      '"',
    );
    const texts = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.array(tokens, { maxLength: 40 }).map((t) => t.join(" ")),
      fc.array(tokens, { maxLength: 40 }).map((t) => `{ ${t.join("")} }`),
      fc
        .tuple(fc.constantFrom(...REAL), fc.nat(), fc.nat(), fc.string({ maxLength: 4 }))
        .map(([p, a, b, s]) => p.slice(0, a % p.length) + s + p.slice(b % p.length)),
    );
    const events = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(texts, events, (text, event) => {
        const parsed = parseFilterPattern(text);
        if (parsed.ok) expect(typeof matchesEvent(parsed.expr, event)).toBe("boolean");
        else expect(parsed.reason.length).toBeGreaterThan(5);
      }),
      { numRuns: 3000 },
    );
  });

  it("fuzz: whitespace, extra parentheses and quoting do not change what a pattern matches", () => {
    const base = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") || ($.errorCode = "AccessDenied*") }';
    const respaced = (text: string, spaces: readonly number[]) => {
      let i = 0;
      return text.replace(/ /g, () => " ".repeat(spaces[i++ % spaces.length] ?? 1));
    };
    const recordOf = fc.record({
      eventName: fc.constantFrom("ConsoleLogin", "GetObject"),
      additionalEventData: fc.record({ MFAUsed: fc.constantFrom("Yes", "No") }),
      errorCode: fc.constantFrom("AccessDenied", "AccessDeniedException", "NoSuchKey"),
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), recordOf, (spaces, record) => {
        const unquoted = base.replace(/"/g, "");
        for (const variant of [respaced(base, spaces), respaced(unquoted, spaces), `{(${base.slice(1, -1)})}`])
          expect(matches(variant, record), variant).toBe(matches(base, record));
      }),
      { numRuns: 500 },
    );
  });
});

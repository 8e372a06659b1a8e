/**
 * Text as one terminal-safe line: whitespace runs (newlines included) become one space, other
 * control characters are escaped, and long text is cut. Error messages echo bad input and AWS
 * answers, and resource names are the customer's: any of them may hold newlines, escape
 * sequences or megabytes.
 */
export function oneLine(text: string, max = Infinity): string {
  const flat = text
    .replace(/\s+/g, " ")
    .trim()
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

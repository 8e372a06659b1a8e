#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";
// The AWS SDK warns on every start that its 2027 releases will need Node 22; package.json's
// engines field states what this release supports, so the CLI keeps stderr for its own messages.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// A reader that stops early (`yourside checks | head`) closes the pipe: the rest of the output
// has nowhere to go, which is no reason to crash; the scan still ends with its own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code !== "EPIPE") throw err;
  });
}
// Ctrl-C (or a scheduler's SIGTERM): reports are written whole or not at all, so stopping leaves the
// previous ones as they were. Exit 130 (SIGINT) or 143 (SIGTERM), as shells report them.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.once(signal, () => {
    process.stderr.write(`\nyourside: interrupted (${signal}): no report written by this run; the previous reports are intact\n`);
    process.exit(code);
  });
}
// V8 lets its heap grow to about twice what is live before collecting again, so a large account's
// findings cost twice their size in resident memory. Growing by half at a time lowers peak RSS by a
// fifth (100,000 resources: 2.1 GB to 1.6 GB) for about 15% more time (npm run bench:scale). A value of
// the user's own (NODE_OPTIONS) wins.
if (!`${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`.includes("--heap-growing-percent")) {
  setFlagsFromString("--heap-growing-percent=50");
}
const { main } = await import("../dist/src/cli/main.js");
process.exitCode = await main(process.argv.slice(2));

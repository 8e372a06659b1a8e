// Preloaded by the scale bench (node --import) where GNU time is missing: writes the process's
// peak resident set size in KiB to $YOURSIDE_MAX_RSS_FILE when it exits.
import { writeFileSync } from "node:fs";

const file = process.env.YOURSIDE_MAX_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS, SERVICE_IDS } from "../../src/services/index.js";
import { DEFAULT_SETTINGS } from "../../src/settings.js";
import { catalogueMarkdown } from "../../src/cli/catalogue.js";
import { REPO_ROOT } from "../support/paths.js";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

describe("README stays in step with the code", () => {
  it("carries the current check catalogue (regenerate: node bin/yourside.js checks --markdown)", () => {
    const section = readme.split("<!-- checks:start -->\n")[1]?.split("<!-- checks:end -->")[0];
    expect(section).toBe(catalogueMarkdown(CHECKS));
  });

  it("opens with the run command and the test command that .ci/run uses", () => {
    const firstBlock = readme.split("```sh\n")[1]?.split("```")[0] ?? "";
    expect(firstBlock).toMatch(/^npm ci && npx yourside quickstart/m);
    expect(firstBlock).toMatch(/^npm test\b/m);
    expect(readFileSync(join(REPO_ROOT, ".ci", "run"), "utf8")).toMatch(/^npm test$/m);
  });

  it("documents every exit code the CLI uses", () => {
    for (const code of ["| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 4 |", "| 130 |"]) expect(readme).toContain(code);
  });

  it("lists every service in the --services row", () => {
    expect(readme).toContain(`| \`--services ${SERVICE_IDS.join(",")}\` |`);
  });

  it("shows every setting in the config file example", () => {
    const example = readme.split("### Config file")[1]?.split("```yaml\n")[1]?.split("```")[0] ?? "";
    for (const key of Object.keys(DEFAULT_SETTINGS)) expect(example, key).toMatch(new RegExp(`^  ${key}:`, "m"));
  });
});

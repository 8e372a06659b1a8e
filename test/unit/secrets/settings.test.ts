import { describe, expect, it } from "vitest";
import { parseConfig, settingsFrom } from "../../../src/config-file.js";
import { UsageError } from "../../../src/errors.js";
import { DEFAULT_SETTINGS } from "../../../src/settings.js";

describe("Secrets Manager settings", () => {
  it("default to Security Hub's 90 days and can be set in the config file", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ unusedSecretDays: 90, secretRotationDays: 90 });
    const settings = settingsFrom(parseConfig("settings:\n  unusedSecretDays: 30\n  secretRotationDays: 365\n", "config.yaml"));
    expect(settings).toMatchObject({ unusedSecretDays: 30, secretRotationDays: 365, unusedCredentialDays: 45 });
  });

  it.each(["unusedSecretDays: 0", "secretRotationDays: -1", "secretRotationDays: 1.5", 'unusedSecretDays: "90"'])("refuses %s", (line) => {
    expect(() => parseConfig(`settings:\n  ${line}\n`, "config.yaml")).toThrow(UsageError);
  });
});

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MOTO_SERVER, REPO_ROOT, VENV } from "./paths.js";

/**
 * Makes sure the pinned moto server is installed in .venv before any end-to-end test runs.
 * A machine without Python fails here, loudly, instead of silently skipping tests.
 */
export default function setup(): void {
  const pinned = readFileSync(join(REPO_ROOT, "requirements-test.txt"), "utf8").match(/moto\[server\]==([\w.]+)/)?.[1];
  if (!pinned) throw new Error("requirements-test.txt must pin moto[server]==<version>");
  if (existsSync(MOTO_SERVER) && installedMoto() === pinned) return;
  const python = process.env.PYTHON ?? "python3";
  try {
    execFileSync(python, ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error(`The end-to-end tests need Python 3 (${python}) to run a moto server; install Python 3.9+ or set PYTHON.`);
  }
  if (!existsSync(join(VENV, "bin", "pip"))) execFileSync(python, ["-m", "venv", VENV], { stdio: "inherit" });
  execFileSync(join(VENV, "bin", "pip"), ["install", "--quiet", "-r", join(REPO_ROOT, "requirements-test.txt")], {
    stdio: "inherit",
  });
  if (installedMoto() !== pinned) throw new Error(`moto ${pinned} did not install into ${VENV}`);
}

function installedMoto(): string | undefined {
  try {
    return execFileSync(join(VENV, "bin", "python"), ["-c", "import moto; print(moto.__version__)"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const VENV = process.env.YOURSIDE_TEST_VENV ?? join(REPO_ROOT, ".venv");
export const MOTO_SERVER = join(VENV, "bin", "moto_server");
export const CLI = join(REPO_ROOT, "bin", "yourside.js");

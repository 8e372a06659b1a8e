// Starts the moto server of the project's virtualenv (.venv, installed by `.ci/run` or `npm test`'s setup) on a free port.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const ACCOUNT = "123456789012";

export const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const p = srv.address().port;
      srv.close(() => resolve(p));
    });
  });

export async function startMoto() {
  const bin = join(root, ".venv", "bin", "moto_server");
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run .ci/run or npm test once to create the moto virtualenv`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(bin, ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: "ignore",
    env: { ...process.env, MOTO_ACCOUNT_ID: ACCOUNT },
  });
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error("moto did not start");
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, pid: proc.pid, stop: () => proc.kill("SIGTERM") };
}

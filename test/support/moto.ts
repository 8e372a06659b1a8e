import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { MOTO_SERVER } from "./paths.js";

export const TEST_ACCOUNT = "123456789012";
export const TEST_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface MotoServer {
  url: string;
  port: number;
  /** Clears all state (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** Sets how many more requests go unchecked by IAM: 0 turns enforcement on, Infinity off. */
  setAuth(uncheckedRequests: number): Promise<void>;
  stop(): Promise<void>;
  /** SDK client config pointing at this server. */
  clientConfig(region?: string): { region: string; endpoint: string; credentials: typeof TEST_CREDENTIALS; forcePathStyle: boolean };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto server exited with ${child.exitCode}: ${stderr()}`);
    try {
      const res = await fetch(`${url}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto server did not start within 30 s: ${stderr()}`);
}

export interface MotoOptions {
  /** Load AWS-managed IAM policies (AdministratorAccess, ReadOnlyAccess, …); slower to start. */
  awsManagedPolicies?: boolean;
  /**
   * Let requests reach the account their credentials belong to (assumed roles in member accounts):
   * MOTO_ACCOUNT_ID would pin every request to one account. The default account is still TEST_ACCOUNT.
   */
  multiAccount?: boolean;
}

/** Starts a private moto server on a free loopback port (one per test file, so files run in parallel). */
export async function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(MOTO_SERVER, ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      ...(options.multiAccount ? {} : { MOTO_ACCOUNT_ID: TEST_ACCOUNT }),
      ...(options.awsManagedPolicies ? { MOTO_IAM_LOAD_MANAGED_POLICIES: "true" } : {}),
    },
  });
  let errText = "";
  child.stderr?.on("data", (d: Buffer) => {
    errText = (errText + d.toString()).slice(-4000);
  });
  await waitUntilUp(url, child, () => errText);
  const post = async (path: string, body?: string) => {
    const res = await fetch(`${url}${path}`, { method: "POST", body, headers: { "Content-Type": "text/plain" } });
    if (!res.ok) throw new Error(`moto ${path}: HTTP ${res.status}`);
  };
  return {
    url,
    port,
    reset: () => post("/moto-api/reset"),
    setAuth: (n) => post("/moto-api/reset-auth", Number.isFinite(n) ? String(n) : "inf"),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
    clientConfig: (region = "us-east-1") => ({ region, endpoint: url, credentials: TEST_CREDENTIALS, forcePathStyle: true }),
  };
}

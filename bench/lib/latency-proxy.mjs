// An HTTP proxy in front of moto that answers every request a fixed latency after it arrives.
//
// mode "live":   forwards each request to moto and answers `latencyMs` after moto has (moto's own
//                service time included: moto is one Python process, so under load it is the limit).
// mode "record": as live, and keeps each answer by request (method, signing service and region, URL, body).
// mode "replay": answers a recorded request `latencyMs` after it arrives, without asking moto: a server
//                with a fixed latency and no capacity limit, which is what AWS looks like from one client.
//                Requests not recorded are forwarded as in live mode (and counted as misses).
import http from "node:http";

const scopeOf = (auth) => {
  const m = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(auth ?? "");
  return m ? { region: m[1], service: m[2] } : { region: "?", service: "?" };
};

export async function startLatencyProxy({ target, latencyMs }) {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const recorded = new Map();
  let mode = "live";
  let log = [];
  let misses = 0;
  const started = Date.now();

  const forward = (req, body) =>
    new Promise((resolve, reject) => {
      const out = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      out.on("error", reject);
      out.end(body);
    });

  const server = http.createServer((req, res) => {
    const arrived = Date.now();
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const scope = scopeOf(req.headers.authorization);
      const key = `${req.method} ${scope.service} ${scope.region} ${req.url} ${body.toString("latin1")}`;
      let answer = mode === "replay" ? recorded.get(key) : undefined;
      try {
        if (!answer) {
          if (mode === "replay") misses++;
          answer = await forward(req, body);
          if (mode === "record") recorded.set(key, answer);
        }
      } catch (err) {
        res.writeHead(502).end(String(err));
        return;
      }
      const wait = mode === "replay" ? Math.max(0, arrived + latencyMs - Date.now()) : latencyMs;
      setTimeout(() => {
        const headers = { ...answer.headers };
        delete headers["transfer-encoding"];
        headers["content-length"] = String(answer.body.length);
        res.writeHead(answer.status, headers).end(answer.body);
        log.push({ service: scope.service, region: scope.region, at: arrived - started, ms: Date.now() - arrived });
      }, wait);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    setMode(m) {
      mode = m;
      log = [];
      misses = 0;
    },
    log: () => log,
    misses: () => misses,
    stop: () => new Promise((r) => server.close(() => (agent.destroy(), r()))),
  };
}

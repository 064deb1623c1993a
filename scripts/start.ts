// `npm start`: the production build behind a plain Node HTTP server, so the socket's address
// reaches the app (lib/auth/peer-stamp.ts). Takes the same -p/--port and -H/--hostname as
// `next start` (or PORT / HOSTNAME).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { PEER_STAMP_ENV, stampPeer } from "../lib/auth/peer-stamp";

function option(long: string, short: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === long || a === short);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${long}=`))?.slice(long.length + 1);
}

async function main() {
  const port = Number(option("--port", "-p") ?? process.env.PORT ?? 3000);
  const hostname = option("--hostname", "-H") ?? process.env.HOSTNAME;
  // Made before Next reads the environment; only this process knows it.
  const stamp = randomBytes(24).toString("base64url");
  process.env[PEER_STAMP_ENV] = stamp;
  (process.env as Record<string, string>).NODE_ENV = "production";

  const app = next({ dev: false, hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    stampPeer(req, stamp);
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`Tatami is serving on http://${hostname ?? "localhost"}:${port}`));

  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections must not hold the process.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

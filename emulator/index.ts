import type { AddressInfo } from "node:net";
import { emulatorConfig } from "./stripe/config";
import { createEmulatorServer } from "./server";

export interface RunningEmulator {
  /** http://127.0.0.1:<port> — STRIPE_API_BASE; `${url}/v3` is STRIPE_JS_URL, `${url}/resend` RESEND_BASE_URL. */
  url: string;
  close(): Promise<void>;
  /** Forgets every account, object, delivery, fault and mail. */
  reset(): void;
}

/**
 * Starts the emulator in this process. `port: 0` picks a free port. `publicUrl` is the base the
 * browser uses for the hosted pages (defaults to `url`). `demo` lets test keys register webhook
 * endpoints on localhost (see emulatorConfig.demo). State is per process: one emulator at a time.
 */
export async function startEmulator(opts: { port?: number; publicUrl?: string; host?: string; demo?: boolean } = {}): Promise<RunningEmulator> {
  const { server, reset } = createEmulatorServer();
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 12111, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  emulatorConfig.publicUrl = (opts.publicUrl ?? url).replace(/\/$/, "");
  emulatorConfig.demo = opts.demo ?? false;
  // Closing is done once; later calls wait for that (a second server.close() would reject
  // with ERR_SERVER_NOT_RUNNING, as it did when `npm run dev` was stopped).
  let closed: Promise<void> | undefined;
  return {
    url,
    reset,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        reset();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })),
  };
}

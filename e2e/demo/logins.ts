import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// `npm run dev` as playwright.demo.config.ts starts it: on PORT and EMULATOR_PORT (npm run dev's
// own variables), a fresh embedded database in DEMO_DIR, and everything it prints in DEMO_LOG,
// where the tests read the Demo Dojo's logins as a user does. The log lives outside the checkout:
// `next dev` watches the checkout, and a file it writes to on every request would keep it busy.
export const DEMO_APP_PORT = Number(process.env.PORT ?? 3200);
export const DEMO_EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 12211);
export const DEMO_DIR = ".data/demo-e2e";
export const DEMO_LOG = path.join(tmpdir(), `tatami-demo-${DEMO_APP_PORT}.log`);

/** The logins `npm run dev` printed when it seeded the Demo Dojo. */
export function demoLogins(): { owner: { email: string; password: string }; member: { uid: string; password: string } } {
  const log = readFileSync(DEMO_LOG, "utf8");
  const owner = /Owner:\s+(\S+@\S+) \/ (\S+)/.exec(log);
  const member = /Member: UID (\S+) \/ (\S+)/.exec(log);
  if (!owner || !member) throw new Error(`npm run dev printed no Demo Dojo logins (was .data reused?); see ${DEMO_LOG}`);
  return { owner: { email: owner[1], password: owner[2] }, member: { uid: member[1], password: member[2] } };
}

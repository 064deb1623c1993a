import { readFileSync } from "node:fs";

// `npm run dev` as playwright.demo.config.ts starts it: a fresh embedded database in DEMO_DIR,
// and everything it prints in DEMO_LOG, where the tests read the Demo Dojo's logins as a user does.
export const DEMO_DIR = ".data/demo-e2e";
export const DEMO_LOG = `${DEMO_DIR}/npm-run-dev.log`;

/** The logins `npm run dev` printed when it seeded the Demo Dojo. */
export function demoLogins(): { owner: { email: string; password: string }; member: { uid: string; password: string } } {
  const log = readFileSync(DEMO_LOG, "utf8");
  const owner = /Owner:\s+(\S+@\S+) \/ (\S+)/.exec(log);
  const member = /Member: UID (\S+) \/ (\S+)/.exec(log);
  if (!owner || !member) throw new Error(`npm run dev printed no Demo Dojo logins (was .data reused?); see ${DEMO_LOG}`);
  return { owner: { email: owner[1], password: owner[2] }, member: { uid: member[1], password: member[2] } };
}

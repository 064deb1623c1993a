// The first run of `npm run dev`: how long the first visit of each main page takes, without and
// with the background warm-up (scripts/dev-warm-up.ts), and whether stopping is clean.
// Each run starts from nothing: no .next/dev (Turbopack's cache), a fresh embedded database.
// Prints a table; never passes or fails on a time. Run: npm run bench:dev
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PORT = Number(process.env.BENCH_DEV_PORT ?? 3205);
const EMULATOR_PORT = Number(process.env.BENCH_DEV_EMULATOR_PORT ?? 12205);
// A person reads the printed logins and opens the browser: the first click comes this much later.
const USER_DELAY_S = Number(process.env.BENCH_DEV_USER_DELAY ?? 20);
const VISITS = ["/login", "/dashboard", "/members", "/invoices", "/portal/login", "/settings/stripe"];
const appUrl = `http://localhost:${PORT}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual" });
  await response.arrayBuffer();
  return (performance.now() - started) / 1000;
}

async function run(warmUp: boolean) {
  rmSync(".next/dev", { recursive: true, force: true });
  const dataDir = path.join(tmpdir(), `tatami-bench-dev-${Date.now()}`);
  const started = performance.now();
  // Started as `npm run dev` runs it, but without the npm/npx wrapper, which does not pass SIGTERM on.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/dev.ts"], {
    env: { ...process.env, PORT: String(PORT), EMULATOR_PORT: String(EMULATOR_PORT), PGLITE_DIR: dataDir, DEV_WARM_UP: warmUp ? "on" : "off", APP_URL: appUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  for (;;) {
    try {
      if ((await fetch(`${appUrl}/api/health`)).ok) break;
    } catch {
      // Not up yet.
    }
    await sleep(250);
  }
  const ready = (performance.now() - started) / 1000;
  await sleep(USER_DELAY_S * 1000);
  const visits: Record<string, number> = {};
  for (const page of VISITS) visits[page] = await timed(`${appUrl}${page}`);

  child.kill("SIGTERM");
  const code = await exited;
  rmSync(dataDir, { recursive: true, force: true });
  const clean = code === 0 && !/ERR_SERVER_NOT_RUNNING|Error/.test(output.split("Tatami is starting")[1] ?? output);
  return { ready, visits, clean, code };
}

async function main() {
  console.log(`npm run dev, first run, first visit of each page ${USER_DELAY_S} s after the server answers (seconds)\n`);
  const off = await run(false);
  const on = await run(true);
  const rows = [
    ["server answers /api/health", off.ready, on.ready],
    ...VISITS.map((p) => [`first visit of ${p}`, off.visits[p], on.visits[p]] as const),
    ["sum of the first visits", Object.values(off.visits).reduce((a, b) => a + b, 0), Object.values(on.visits).reduce((a, b) => a + b, 0)],
  ] as const;
  console.log("| measure | without warm-up | with warm-up |\n| --- | --- | --- |");
  for (const [name, a, b] of rows) console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} |`);
  console.log(`| stopped with SIGTERM: exit code, clean | ${off.code}, ${off.clean ? "yes" : "no"} | ${on.code}, ${on.clean ? "yes" : "no"} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

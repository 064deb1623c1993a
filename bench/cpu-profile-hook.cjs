// A CPU profile of the app server for a bench: Node refuses --cpu-prof in NODE_OPTIONS, so this
// preload (NODE_OPTIONS="--require ./bench/cpu-profile-hook.cjs", with CPU_PROFILE_DIR set) profiles
// through the inspector instead. Only the process that runs scripts/start.ts profiles; it writes
// its pid to CPU_PROFILE_DIR/server.pid. Each SIGUSR2 starts a profile or stops the running one and
// writes it as CPU_PROFILE_DIR/<n>.cpuprofile (bench/webhook-ingest.ts sends them around each
// phase); read them with bench/cpu-profile-top.ts or Chrome's DevTools.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload */
const dir = process.env.CPU_PROFILE_DIR;
if (dir && process.argv[1] && /scripts[/\\]start\.ts$/.test(process.argv[1])) {
  const fs = require("node:fs");
  const path = require("node:path");
  const inspector = require("node:inspector");
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "server.pid"), String(process.pid));
  let running = false;
  let written = 0;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.start");
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(path.join(dir, `${++written}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}

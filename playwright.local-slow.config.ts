import base from "./playwright.config";
// Local only (not committed): the shared machine is loaded, give the servers time to start.
const servers = Array.isArray(base.webServer) ? base.webServer : [base.webServer!];
export default { ...base, timeout: 180_000, expect: { timeout: 20_000 }, webServer: servers.map((s) => ({ ...s, timeout: 600_000 })) };

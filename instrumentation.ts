// Next calls register() once when a server instance starts: the nodejs runtime runs the
// background job worker (campaign sending) in-process. JOB_WORKER=off leaves it to other instances.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOB_WORKER === "off") return;
  const { getDb } = await import("./db/client");
  const { startJobWorker } = await import("./lib/jobs/worker");
  const g = globalThis as unknown as { __tatamiWorker?: () => void };
  g.__tatamiWorker ??= startJobWorker(getDb);
}

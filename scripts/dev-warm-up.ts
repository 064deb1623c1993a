// `next dev` compiles each route on its first request, which made every first visit of a page
// wait 5–30 s. Once the server answers, this asks for the main pages one after another in the
// background, so they are compiled before (or while) someone opens them; a visitor's request
// for a page being compiled simply waits for that same compilation.

/** The pages a new owner and member open first, in about the order they do. */
export const WARM_UP_PATHS = [
  "/login",
  "/dashboard",
  "/members",
  "/members/new",
  "/invoices",
  "/invoices/new",
  "/portal/login",
  "/portal",
  "/settings/stripe",
  "/webshop",
  "/ledger",
  "/campaigns",
  "/settings/account",
  "/shop/demo-dojo",
];

async function waitUntilUp(appUrl: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      if ((await fetch(`${appUrl}/api/health`, { signal })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Compiles the main pages once the app is up. Signed out, staff and member pages answer with a
 * redirect to the login, but Next compiles the page before it runs it. Returns the seconds it took.
 */
export async function warmUp(appUrl: string, signal: AbortSignal, paths = WARM_UP_PATHS): Promise<number> {
  await waitUntilUp(appUrl, signal);
  const started = performance.now();
  for (const path of paths) {
    if (signal.aborted) break;
    try {
      const response = await fetch(`${appUrl}${path}`, { redirect: "manual", signal });
      await response.arrayBuffer();
    } catch {
      // Stopped, or a page failed: the visitor will see the error on that page as before.
    }
  }
  return (performance.now() - started) / 1000;
}

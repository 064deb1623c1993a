// `npm run stripe:reconcile`: the scheduled reconciliation (run it from cron, e.g. hourly).
// For every dojo with Stripe connected, applies the events of the last days the webhook missed.
import { getDb, closeDb } from "../db/client";
import { stripeConnections } from "../db/schema";
import { reconcileStripeEvents } from "../lib/stripe/webhooks/reconcile";

async function main() {
  const days = Number(process.env.RECONCILE_DAYS ?? 3);
  const db = await getDb();
  const connected = await db.select({ dojoId: stripeConnections.dojoId }).from(stripeConnections);
  for (const { dojoId } of connected) {
    try {
      const summary = await reconcileStripeEvents(db, dojoId, days);
      console.log(`${dojoId}: ${summary.checked} checked, ${summary.applied} applied, ${summary.failed} failed`);
    } catch (error) {
      console.error(`${dojoId}: reconciliation failed`, error);
      process.exitCode = 1;
    }
  }
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

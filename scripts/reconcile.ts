// `npm run stripe:reconcile`: reconciliation on demand (the job worker also runs it every
// RECONCILE_INTERVAL_MINUTES). For every dojo with Stripe connected, applies the events of the
// last days the webhook missed, then runs its money check.
import { getDb, closeDb } from "../db/client";
import { reconcileAllDojos } from "../lib/stripe/webhooks/reconcile";

async function main() {
  const db = await getDb();
  for (const { dojoId, summary, error } of await reconcileAllDojos(db, Number(process.env.RECONCILE_DAYS ?? 3))) {
    if (summary) {
      const money = summary.moneyDifferences === null ? "money check failed" : summary.moneyDifferences === 0 ? "Stripe and Tatami agree" : `${summary.moneyDifferences} money differences (Settings → Stripe)`;
      console.log(`${dojoId}: ${summary.checked} checked, ${summary.applied} applied, ${summary.failed} failed; ${money}`);
    }
    else {
      console.error(`${dojoId}: ${error}`);
      process.exitCode = 1;
    }
  }
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

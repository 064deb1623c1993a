// Dojos for e2e/account-plans.spec.ts: each pays for Pro monthly on the platform account (the
// emulator), on a test clock whose period began 10 days ago, so an upgrade is mid-period.
import type { Db } from "../../db/client";
import { eq } from "drizzle-orm";
import { dojoBilling, dojos, staffUsers } from "../../db/schema";
import { hashPassword } from "../../lib/auth/password";
import { signupSchema } from "../../lib/dojos/signup";
import { signUpDojo } from "../../tests/support/sign-up-dojo";
import { platformStripe } from "../../lib/stripe/platform";
import { subscribeOnClock } from "../../tests/support/platform-subscription";
import { E2E } from "./accounts";

export async function seedPlanDojos(db: Db) {
  const now = Math.floor(Date.now() / 1000);
  const stripe = platformStripe();
  for (const [slug, name, login] of [
    ["upgrade-dojo", "Upgrade Dojo", E2E.upgradeOwner],
    ["declined-dojo", "Declined Dojo", E2E.declinedOwner],
    ["secure-dojo", "Secure Dojo", E2E.secureOwner],
  ] as const) {
    const [dojo] = await db.insert(dojos).values({ name, slug, currency: "EUR", plan: "pro" }).returning();
    await db.insert(staffUsers).values({ dojoId: dojo.id, role: "owner", name: `${name} Owner`, email: login.email, passwordHash: await hashPassword(login.password) });
    const { customer } = await subscribeOnClock(db, stripe, dojo, { plan: "pro", interval: "month", start: now - 10 * 86_400, now });
    if (slug === "secure-dojo") {
      // Its card now is one whose bank asks for 3-D Secure on every payment (4000 0027 6000 3184).
      const secure = await stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer });
      await stripe.customers.update(customer, { invoice_settings: { default_payment_method: secure.id } });
    }
  }
  // Signed up 20 days ago: the 14-day trial is over and no plan was chosen.
  const trial = signupSchema.parse({ dojoName: "Trial Over Dojo", slug: "trial-over-dojo", currency: "EUR", ownerName: "Tara Trial", ...E2E.trialOwner });
  await signUpDojo(db, trial, new Date(Date.now() - 20 * 86_400_000));

  // Signed up 3 days ago, still in the trial; its platform customer lives on a test clock (frozen
  // now) so the spec can move the platform account to the trial's end and see the first charge.
  const choosing = signupSchema.parse({ dojoName: "Trial Choice Dojo", slug: "trial-choice-dojo", currency: "EUR", ownerName: "Tom Choice", ...E2E.trialChoiceOwner });
  const signed = await signUpDojo(db, choosing, new Date(Date.now() - 3 * 86_400_000));
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: now, name: "trial-choice-dojo" });
  const customer = await stripe.customers.create({ name: "Trial Choice Dojo", test_clock: clock.id, metadata: { tatami_dojo_id: signed.dojoId } });
  await db.update(dojoBilling).set({ stripeCustomerId: customer.id }).where(eq(dojoBilling.dojoId, signed.dojoId));
}

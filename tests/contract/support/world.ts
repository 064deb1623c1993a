import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { onTestFinished } from "vitest";
import { getDb, type Db } from "@/db/client";
import { members, stripeConnections, subscriptionPlans } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/session";
import { connectStripe } from "@/lib/stripe/connect";
import { stripeForDojo } from "@/lib/stripe/connection";
import { disconnectStripe } from "@/lib/stripe/disconnect";
import { connectStripeSchema } from "@/lib/stripe/schemas";
import { makeDefaultCard } from "@/lib/subscriptions/cards";
import { ensureStripeCustomer } from "@/lib/subscriptions/stripe-customer";
import { webhookEvent } from "../../support/card-payment";
import { createMember, signedInDojo } from "../../support/factories";
import { contractTarget, eventually } from "./target";

export interface ConnectedDojo {
  db: Db;
  dojo: StaffContext["dojo"];
  ctx: StaffContext;
  secretKey: string;
  /** The dojo's Stripe account as the owner sees it in the dashboard (not an app operation). */
  admin: Stripe;
  /** The client the app itself uses for the dojo (its operations are recorded). */
  stripe: Stripe;
  connected: Awaited<ReturnType<typeof connectStripe>>;
}

/** Best effort: a failed cleanup must not hide the test's own result. */
async function quietly(what: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    console.warn(`contract cleanup: ${what} failed`, error);
  }
}

/**
 * A dojo on the Ultimate plan whose owner connected Stripe through the app (the key checked,
 * the webhook endpoint created). When the test ends, what the dojo left in Stripe is removed:
 * its members' customers (their subscriptions end with them), its plans' prices and products
 * archived (Stripe keeps prices), and the webhook endpoint deleted by disconnecting.
 */
export async function connectedDojo(opts: { currency?: string } = {}): Promise<ConnectedDojo> {
  const target = contractTarget();
  const db = await getDb();
  const { dojo, user } = await signedInDojo({ plan: "ultimate", currency: opts.currency ?? "EUR" });
  const ctx: StaffContext = { user: { id: user.id, name: user.name, email: user.email, role: user.role, language: user.language }, dojo };
  const secretKey = target.secretKey();
  const admin = target.admin(secretKey);
  const connected = await connectStripe(
    db,
    ctx,
    connectStripeSchema.parse({ publishableKey: target.publishableKey(secretKey), secretKey, currency: dojo.currency, attempt: randomUUID() }),
  );
  onTestFinished(async () => {
    const customers = await db.select({ id: members.stripeCustomerId }).from(members).where(eq(members.dojoId, dojo.id));
    for (const { id } of customers) if (id) await quietly(`deleting customer ${id}`, () => admin.customers.del(id));
    // Only prices made for this dojo: on a shared real account an import also lists others' prices.
    for (const plan of await db.select().from(subscriptionPlans).where(eq(subscriptionPlans.dojoId, dojo.id))) {
      await quietly(`archiving price ${plan.stripePriceId}`, async () => {
        const price = await admin.prices.retrieve(plan.stripePriceId);
        if (price.metadata?.tatami_dojo_id !== dojo.id) return;
        await admin.prices.update(price.id, { active: false });
        await admin.products.update(plan.stripeProductId, { active: false });
      });
    }
    const [connection] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojo.id));
    if (connection) await quietly("disconnecting", () => disconnectStripe(db, dojo.id));
  });
  return { db, dojo, ctx, secretKey, admin, stripe: (await stripeForDojo(db, dojo.id)).stripe, connected };
}

/**
 * Gives a member (a new one unless given) a Stripe customer made by the app and a saved test
 * card. The card is attached as the dashboard would (Stripe's `pm_card_*` test PaymentMethods,
 * documented for server-side tests: https://docs.stripe.com/testing#cards); the app then makes
 * it the default.
 */
export async function memberWithCard(world: ConnectedDojo, opts: { card?: string; memberId?: string } = {}) {
  const memberId = opts.memberId ?? (await createMember(world.dojo.id)).id;
  const customerId = await ensureStripeCustomer(world.db, world.stripe, world.dojo.id, memberId);
  const paymentMethod = await world.admin.paymentMethods.attach(opts.card ?? "pm_card_visa", { customer: customerId });
  await makeDefaultCard(world.stripe, customerId, paymentMethod.id);
  return { memberId, customerId, paymentMethodId: paymentMethod.id };
}

/** The event of a type about one object, once the account lists it. */
export function eventAbout(admin: Stripe, type: string, objectId: string): Promise<Stripe.Event> {
  return eventually(`${type} for ${objectId}`, () => webhookEvent(admin, type, objectId).catch(() => null));
}

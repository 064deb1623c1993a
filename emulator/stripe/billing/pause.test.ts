import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { newSecretKey, stripeClient } from "../test-support";
import { advanceClock, allEvents, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "./billing-support";

async function subscribedOnClock() {
  const stripe = stripeClient(newSecretKey("pause"));
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const price = await monthlyPrice(stripe, 4500);
  const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  return { stripe, clock, sub };
}

const invoicesOf = async (stripe: Stripe, sub: Stripe.Subscription) => (await stripe.invoices.list({ subscription: sub.id })).data.reverse();
const FEB_1 = JAN_1_2026 + 31 * DAY;
const MAR_1 = FEB_1 + 28 * DAY;

describe("pause_collection", () => {
  it("behavior void: the renewal while paused is voided, nothing is charged, status stays active; resumes_at resumes by itself", async () => {
    const { stripe, clock, sub } = await subscribedOnClock();
    const paused = await stripe.subscriptions.update(sub.id, { pause_collection: { behavior: "void", resumes_at: FEB_1 + 10 * DAY } });
    expect(paused.pause_collection).toEqual({ behavior: "void", resumes_at: FEB_1 + 10 * DAY });
    expect(paused.status).toBe("active");

    await advanceClock(stripe, clock.id, FEB_1 + 2 * 3600);
    const [, feb] = await invoicesOf(stripe, sub);
    expect(feb).toMatchObject({ billing_reason: "subscription_cycle", status: "void", amount_paid: 0, auto_advance: false });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
    expect((await stripe.paymentIntents.list({ limit: 100 })).data).toHaveLength(1);

    await advanceClock(stripe, clock.id, FEB_1 + 11 * DAY);
    const resumed = await stripe.subscriptions.retrieve(sub.id);
    expect(resumed.pause_collection).toBeNull();
    const updates = (await allEvents(stripe)).filter((e) => e.type === "customer.subscription.updated");
    expect(updates.at(-1)!.data.previous_attributes).toEqual({ pause_collection: { behavior: "void", resumes_at: FEB_1 + 10 * DAY } });

    // The next renewal after resuming is charged on its usual date.
    await advanceClock(stripe, clock.id, MAR_1 + 2 * 3600);
    const mar = (await invoicesOf(stripe, sub)).at(-1)!;
    expect(mar).toMatchObject({ status: "paid", amount_paid: 4500, period_end: MAR_1 });
  });

  it("open-ended until pause_collection is unset with an empty string; a renewal at resumes_at itself is collected", async () => {
    const { stripe, clock, sub } = await subscribedOnClock();
    await stripe.subscriptions.update(sub.id, { pause_collection: { behavior: "void" } });
    await advanceClock(stripe, clock.id, FEB_1 + 2 * 3600);
    expect((await invoicesOf(stripe, sub)).map((i) => i.status)).toEqual(["paid", "void"]);
    const resumed = await stripe.subscriptions.update(sub.id, { pause_collection: "" });
    expect(resumed.pause_collection).toBeNull();

    await stripe.subscriptions.update(sub.id, { pause_collection: { behavior: "void", resumes_at: MAR_1 } });
    await advanceClock(stripe, clock.id, MAR_1 + 2 * 3600);
    expect((await invoicesOf(stripe, sub)).map((i) => i.status)).toEqual(["paid", "void", "paid"]);
  });

  it("behavior keep_as_draft: the renewal stays a draft that is never finalized", async () => {
    const { stripe, clock, sub } = await subscribedOnClock();
    await stripe.subscriptions.update(sub.id, { pause_collection: { behavior: "keep_as_draft" } });
    await advanceClock(stripe, clock.id, FEB_1 + 5 * DAY);
    expect((await invoicesOf(stripe, sub)).at(-1)).toMatchObject({ status: "draft", auto_advance: false, automatically_finalizes_at: null });
  });

  it("refuses what Stripe refuses", async () => {
    const { stripe, sub } = await subscribedOnClock();
    const refusal = (params: Stripe.SubscriptionUpdateParams) => stripe.subscriptions.update(sub.id, params).then(() => null, (e: Stripe.errors.StripeError) => ({ param: e.param, message: e.message }));
    expect(await refusal({ pause_collection: { behavior: "later" } })).toEqual({
      param: "pause_collection[behavior]",
      message: "Invalid pause_collection[behavior]: must be one of keep_as_draft, mark_uncollectible, or void",
    });
    expect(await refusal({ pause_collection: { resumes_at: FEB_1 } as Stripe.SubscriptionUpdateParams.PauseCollection })).toMatchObject({ param: "pause_collection[behavior]" });
    expect(await refusal({ pause_collection: { behavior: "void", resumes_at: JAN_1_2026 - DAY } })).toMatchObject({ param: "pause_collection[resumes_at]" });
    expect(await refusal({ pause_collection: { behavior: "void" }, payment_behavior: "pending_if_incomplete" })).toMatchObject({ param: "pause_collection" });
    await stripe.subscriptions.cancel(sub.id);
    expect(await refusal({ pause_collection: { behavior: "void" } })).toMatchObject({ message: "A canceled subscription can only update its cancellation_details and metadata." });
  });
});

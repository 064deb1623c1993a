import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoices, ledgerEntries, memberSubscriptions, subscriptionPauseEvents } from "@/db/schema";
import { pauseSubscriptionAction, resumeSubscriptionAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { advanceClock, DAY } from "@tatami/stripe-emulator/billing-support";
import { addDays, localDate } from "@/lib/dates";
import { dojoWithStripe } from "../support/card-payment";
import { memberSubscribedOnClock } from "../support/member-subscription";
import { createMember, signInAsMember } from "../support/factories";
import { pauseMySubscriptionAction, resumeMySubscriptionAction } from "@/app/portal/(member)/subscription-actions";
import { dojos } from "@/db/schema";
import { allEvents, deliverEvents } from "../support/money";

/** A member subscribed at €45/month on a test clock standing at the real now (pauses are dated by the dojo's calendar). */
async function subscribedMember() {
  const { dojo, stripe } = await dojoWithStripe();
  const start = Math.floor(Date.now() / 1000);
  const { clock, member, subscriptionId } = await memberSubscribedOnClock(dojo.id, stripe, start);
  const db = await getDb();
  const row = async () => (await db.select().from(memberSubscriptions).where(eq(memberSubscriptions.id, subscriptionId)))[0];
  const bookedInvoices = () => db.select().from(invoices).where(and(eq(invoices.dojoId, dojo.id), eq(invoices.memberId, member.id)));
  const revenue = async () => (await db.select().from(ledgerEntries).where(eq(ledgerEntries.dojoId, dojo.id))).reduce((sum, e) => sum + e.amountMinor, 0);
  const history = () => db.select().from(subscriptionPauseEvents).where(eq(subscriptionPauseEvents.subscriptionId, subscriptionId)).orderBy(subscriptionPauseEvents.occurredAt);
  return { dojo, stripe, clock, start, member, subscriptionId, stripeSubId: (await row()).stripeSubscriptionId, row, bookedInvoices, revenue, history };
}

describe("pausing a member's subscription", () => {
  it("voids the renewal while paused (nothing booked), resumes by itself on the chosen day, and the next renewal is booked once", async () => {
    const w = await subscribedMember();
    const today = localDate(new Date(), w.dojo.timeZone);
    const resumeOn = addDays(today, 40);
    expect(await pauseSubscriptionAction({ memberId: w.member.id, subscriptionId: w.subscriptionId, resumeOn, attempt: randomUUID() })).toEqual({ ok: true, data: null });
    expect(await w.row()).toMatchObject({ status: "active", pauseBehavior: "void", pauseResumesAt: expect.any(Date) });
    const sub = await w.stripe.subscriptions.retrieve(w.stripeSubId);
    expect(sub.pause_collection).toEqual({ behavior: "void", resumes_at: Math.floor((await w.row()).pauseResumesAt!.getTime() / 1000) });

    // Across the renewal date: Stripe's invoice is voided; Tatami books nothing.
    await advanceClock(w.stripe, w.clock.id, w.start + 32 * DAY);
    await deliverEvents(w.dojo.id, await allEvents(w.stripe));
    expect((await w.bookedInvoices()).map((i) => i.status)).toEqual(["paid"]);
    expect(await w.revenue()).toBe(4500);
    expect((await w.row()).pauseBehavior).toBe("void");

    // Past the resume day: collecting again, dated by Stripe's own resume.
    await advanceClock(w.stripe, w.clock.id, w.start + 41 * DAY + 3600);
    await deliverEvents(w.dojo.id, await allEvents(w.stripe));
    expect(await w.row()).toMatchObject({ pauseBehavior: null, pauseResumesAt: null });
    expect((await w.history()).map((e) => [e.kind, e.actor])).toEqual([["paused", "staff"], ["resumed", "stripe"]]);

    // The next renewal comes on its usual date and is booked exactly once, though events arrive twice.
    await advanceClock(w.stripe, w.clock.id, w.start + 62 * DAY + 2 * 3600);
    const events = await allEvents(w.stripe);
    await deliverEvents(w.dojo.id, events);
    await deliverEvents(w.dojo.id, events);
    expect((await w.bookedInvoices()).map((i) => i.status).sort()).toEqual(["paid", "paid"]);
    expect(await w.revenue()).toBe(9000);
  });

  it("open-ended until staff resume; refuses a resume date that is not after today, a second pause, and another member's subscription", async () => {
    const w = await subscribedMember();
    const today = localDate(new Date(), w.dojo.timeZone);
    const refused = await pauseSubscriptionAction({ memberId: w.member.id, subscriptionId: w.subscriptionId, resumeOn: today, attempt: randomUUID() });
    expect(refused).toEqual({ ok: false, error: "The pause must end after today.", fieldErrors: { resumeOn: ["Choose a day after today, or leave it empty to pause until resumed."] } });

    expect(await pauseSubscriptionAction({ memberId: w.member.id, subscriptionId: w.subscriptionId, resumeOn: "", attempt: randomUUID() })).toMatchObject({ ok: true });
    expect(await w.row()).toMatchObject({ pauseBehavior: "void", pauseResumesAt: null });
    expect(await pauseSubscriptionAction({ memberId: w.member.id, subscriptionId: w.subscriptionId, resumeOn: "", attempt: randomUUID() })).toMatchObject({ ok: false, error: expect.stringContaining("already paused") });
    const other = await createMember(w.dojo.id);
    expect(await resumeSubscriptionAction({ memberId: other.id, subscriptionId: w.subscriptionId, attempt: randomUUID() })).toMatchObject({ ok: false, error: "Subscription was not found." });

    expect(await resumeSubscriptionAction({ memberId: w.member.id, subscriptionId: w.subscriptionId, attempt: randomUUID() })).toMatchObject({ ok: true });
    expect((await w.row()).pauseBehavior).toBeNull();
    expect((await w.stripe.subscriptions.retrieve(w.stripeSubId)).pause_collection).toBeNull();
    // The webhooks of both changes arrive after the actions: nothing is recorded twice.
    await deliverEvents(w.dojo.id, await allEvents(w.stripe));
    expect((await w.history()).map((e) => [e.kind, e.actor])).toEqual([["paused", "staff"], ["resumed", "staff"]]);
  });

  it("in the members area only when the dojo allows it, and only the member's own subscription", async () => {
    const w = await subscribedMember();
    const db = await getDb();
    signInAsMember(w.member);
    const pause = () => pauseMySubscriptionAction({ subscriptionId: w.subscriptionId, resumeOn: "", attempt: randomUUID() });
    expect(await pause()).toEqual({ ok: false, error: "Your dojo pauses subscriptions for you: please ask them." });
    expect((await w.row()).pauseBehavior).toBeNull();

    await db.update(dojos).set({ membersMayPause: true }).where(eq(dojos.id, w.dojo.id));
    const other = await createMember(w.dojo.id);
    signInAsMember(other);
    expect(await pause()).toMatchObject({ ok: false, error: "Subscription was not found." });
    signInAsMember(w.member);
    expect(await pause()).toEqual({ ok: true, data: null });
    expect(await resumeMySubscriptionAction({ subscriptionId: w.subscriptionId, attempt: randomUUID() })).toEqual({ ok: true, data: null });
    expect((await w.history()).map((e) => [e.kind, e.actor])).toEqual([["paused", "member"], ["resumed", "member"]]);
  });
});

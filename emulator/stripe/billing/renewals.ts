import type Stripe from "stripe";
import type { Account } from "../accounts";
import { emitEvent } from "../events";
import { attemptInvoicePayment, createSubscriptionInvoice, finalizeInvoice, voidInvoice } from "./invoices";
import { claimItems, linesForItems, pendingItems } from "./prorations";
import { intervalOf, periodAt, periodLine, subscriptionInternals } from "./subscription-model";
import { collectionPausedAt, holdPausedInvoice, resumeCollection } from "./pause";
import { cancelSubscriptionNow, discardPendingUpdate, updateSubscription } from "./subscriptions";

// Stripe lets an incomplete subscription's first invoice be paid for 23 hours.
const INCOMPLETE_WINDOW = 23 * 3600;

// Stripe warns three days before a trial ends (customer.subscription.trial_will_end).
const TRIAL_WARNING = 3 * 86_400;

type Step =
  | { at: number; kind: "renew" | "expire" | "trial_will_end" | "pending_update_expire" | "resume"; sub: Stripe.Subscription }
  | { at: number; kind: "finalize"; invoice: Stripe.Invoice };

function onClock(account: Account, clockId: string): Set<string> {
  return new Set(account.list<Stripe.Customer>("customer", (c) => c.test_clock === clockId).map((c) => c.id));
}

/** The next thing that happens on a clock's time line, if it happens by `until`. */
function nextStep(account: Account, clockId: string, until: number): Step | null {
  const customers = onClock(account, clockId);
  const steps: Step[] = [];
  for (const sub of account.list<Stripe.Subscription>("subscription", (s) => customers.has(s.customer as string))) {
    if (sub.status === "incomplete") steps.push({ at: sub.created + INCOMPLETE_WINDOW, kind: "expire", sub });
    else if (sub.status === "active" || sub.status === "past_due" || sub.status === "trialing") {
      steps.push({ at: sub.items.data[0].current_period_end, kind: "renew", sub });
    }
    const resumesAt = sub.pause_collection?.resumes_at;
    if (resumesAt && (sub.status === "active" || sub.status === "past_due" || sub.status === "trialing")) steps.push({ at: resumesAt, kind: "resume", sub });
    if (sub.pending_update) steps.push({ at: sub.pending_update.expires_at, kind: "pending_update_expire", sub });
    const warnAt = sub.status === "trialing" && sub.trial_end ? sub.trial_end - TRIAL_WARNING : null;
    if (warnAt !== null && warnAt > sub.created && !subscriptionInternals(account, sub.id).trialWarned) {
      steps.push({ at: warnAt, kind: "trial_will_end", sub });
    }
  }
  for (const invoice of account.list<Stripe.Invoice>("invoice", (i) => i.status === "draft" && customers.has(i.customer as string))) {
    if (invoice.automatically_finalizes_at !== null) steps.push({ at: invoice.automatically_finalizes_at, kind: "finalize", invoice });
  }
  // Oldest first; at the same second Stripe finalizes earlier drafts, then drops expired pending
  // updates and resumes paused collection (only invoices made before resumes_at are held), before
  // opening new periods.
  const rank = (step: Step) => (step.kind === "finalize" ? 0 : step.kind === "pending_update_expire" || step.kind === "resume" ? 1 : 2);
  steps.sort((a, b) => a.at - b.at || rank(a) - rank(b));
  return steps.length > 0 && steps[0].at <= until ? steps[0] : null;
}

/**
 * A period boundary: a subscription set to cancel ends (customer.subscription.deleted); any other
 * moves to its next period and gets a draft renewal invoice (subscription_cycle) holding the new
 * period's lines plus pending prorations, which Stripe finalizes and charges an hour later — unless
 * collection is paused (./pause.ts): then the draft is voided at once or kept as a draft.
 */
function renew(account: Account, sub: Stripe.Subscription, at: number): void {
  if (sub.cancel_at_period_end || (sub.cancel_at !== null && sub.cancel_at <= at)) {
    cancelSubscriptionNow(account, sub, at);
    return;
  }
  const internals = subscriptionInternals(account, sub.id);
  const { interval, count } = intervalOf(sub);
  const period = periodAt(internals.anchor, interval, count, internals.periodIndex + 1);
  const customer = account.require<Stripe.Customer>(sub.customer as string, "customer", "customer");
  const pending = pendingItems(account, sub.id);
  const invoice = createSubscriptionInvoice(account, {
    customer,
    subscription: sub,
    reason: "subscription_cycle",
    lines: [...linesForItems(account, pending), ...sub.items.data.map((item) => periodLine(account, item, period))],
    period: { start: sub.items.data[0].current_period_start, end: period.start },
    now: at,
  });
  claimItems(pending, invoice.id);
  const pause = collectionPausedAt(sub, at);
  if (pause) holdPausedInvoice(account, invoice, pause, at);
  internals.periodIndex += 1;
  updateSubscription(account, sub, at, (s) => {
    for (const item of s.items.data) {
      item.current_period_start = period.start;
      item.current_period_end = period.end;
    }
    s.latest_invoice = invoice.id;
    if (s.status === "trialing") s.status = "active";
  });
}

/** The first invoice was never paid: the subscription expires and its invoice is voided. */
function expire(account: Account, sub: Stripe.Subscription, at: number): void {
  const invoiceId = typeof sub.latest_invoice === "string" ? sub.latest_invoice : sub.latest_invoice?.id;
  const invoice = invoiceId ? account.get<Stripe.Invoice>(invoiceId, "invoice") : undefined;
  if (invoice && invoice.status === "open") voidInvoice(account, invoice, at);
  updateSubscription(account, sub, at, (s) => {
    s.status = "incomplete_expired";
    s.ended_at = at;
  });
}

/**
 * Moves a test clock to `target`, running every period boundary and invoice finalization on the
 * way in time order, each stamped with its own moment: renewals produce invoices, payment
 * attempts (off-session, with the default payment method) and their events exactly as time passes.
 */
export function runClockUntil(account: Account, clock: Stripe.TestHelpers.TestClock, target: number): void {
  for (let guard = 0; guard < 10_000; guard++) {
    const step = nextStep(account, clock.id, target);
    if (!step) break;
    clock.frozen_time = step.at;
    if (step.kind === "finalize") {
      finalizeInvoice(account, step.invoice, step.at);
      if (step.invoice.status === "open") attemptInvoicePayment(account, step.invoice, { offSession: true, now: step.at });
    } else if (step.kind === "renew") {
      renew(account, step.sub, step.at);
    } else if (step.kind === "pending_update_expire") {
      discardPendingUpdate(account, step.sub, step.at, "expired");
    } else if (step.kind === "resume") {
      resumeCollection(account, step.sub, step.at);
    } else if (step.kind === "trial_will_end") {
      subscriptionInternals(account, step.sub.id).trialWarned = true;
      emitEvent(account, "customer.subscription.trial_will_end", step.sub, null, { created: step.at });
    } else {
      expire(account, step.sub, step.at);
    }
  }
  clock.frozen_time = target;
}

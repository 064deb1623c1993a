import type Stripe from "stripe";
import type { Account } from "../accounts";
import { invalidParam } from "../errors";
import type { Params } from "../params";
import { invalidEnum } from "../schema/validate";
import { voidInvoice } from "./invoices";
import { updateSubscription } from "./subscriptions";

/**
 * `pause_collection` (https://docs.stripe.com/billing/subscriptions/pause-payment): the
 * subscription keeps its status and keeps making invoices, but Stripe collects none of them until
 * `resumes_at` (or until `pause_collection` is unset with `""`). Of the three behaviours the
 * emulator has `void` (each invoice made while paused is voided at once, without touching the
 * customer's credit balance) and `keep_as_draft` (each stays a draft, `auto_advance` false);
 * `mark_uncollectible` is refused as an emulator limit rather than emulated loosely.
 */
const BEHAVIORS = ["keep_as_draft", "mark_uncollectible", "void"] as const;
const EMULATED: readonly Stripe.Subscription.PauseCollection.Behavior[] = ["keep_as_draft", "void"];

/** undefined: not in the request; null: `pause_collection=""` (resume now). */
export function pauseCollectionParam(params: Params, now: number): Stripe.Subscription.PauseCollection | null | undefined {
  if (!params.has("pause_collection")) return undefined;
  if (params.get("pause_collection") === "") return null;
  const pause = params.object("pause_collection")!;
  const behavior = pause.string("behavior");
  // The type is an open enum in the SDK (`| OtherString`), so the schema lets any string through.
  if (!behavior || !(BEHAVIORS as readonly string[]).includes(behavior)) throw invalidEnum("pause_collection[behavior]", BEHAVIORS);
  if (!EMULATED.includes(behavior)) {
    throw invalidParam("pause_collection[behavior]", "The emulator pauses collection with behavior void or keep_as_draft only (mark_uncollectible is not emulated).");
  }
  const resumesAt = pause.integer("resumes_at") ?? null;
  // Wording ours: Stripe's answer to a resume date in the past was not found.
  if (resumesAt !== null && resumesAt <= now) throw invalidParam("pause_collection[resumes_at]", "Invalid timestamp: must be an integer Unix timestamp in the future.");
  return { behavior, resumes_at: resumesAt };
}

/** Whether an invoice made at `at` falls in the pause ("invoices generated before the resumes_at date"). */
export function collectionPausedAt(sub: Stripe.Subscription, at: number): Stripe.Subscription.PauseCollection | null {
  const pause = sub.pause_collection;
  if (!pause) return null;
  return pause.resumes_at === null || at < pause.resumes_at ? pause : null;
}

/** A renewal draft made while collection is paused: voided at once, or kept as a draft nobody finalizes. */
export function holdPausedInvoice(account: Account, invoice: Stripe.Invoice, pause: Stripe.Subscription.PauseCollection, at: number): void {
  invoice.automatically_finalizes_at = null;
  invoice.auto_advance = false;
  if (pause.behavior === "void") voidInvoice(account, invoice, at);
}

/** `resumes_at` reached: collection resumes by itself (customer.subscription.updated). */
export function resumeCollection(account: Account, sub: Stripe.Subscription, at: number): void {
  updateSubscription(account, sub, at, (s) => {
    s.pause_collection = null;
  });
}

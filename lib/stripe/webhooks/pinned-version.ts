import Stripe from "stripe";
import { eventObject } from "../objects";

type Reader = (stripe: Stripe, id: string) => Promise<{ id?: string }>;

// How to read, in the pinned API version, each kind of object a handled event carries.
const READERS: Record<string, Reader> = {
  charge: (stripe, id) => stripe.charges.retrieve(id),
  "checkout.session": (stripe, id) => stripe.checkout.sessions.retrieve(id),
  dispute: (stripe, id) => stripe.disputes.retrieve(id),
  invoice: (stripe, id) => stripe.invoices.retrieve(id),
  payment_intent: (stripe, id) => stripe.paymentIntents.retrieve(id),
  refund: (stripe, id) => stripe.refunds.retrieve(id),
  setup_intent: (stripe, id) => stripe.setupIntents.retrieve(id),
  subscription: (stripe, id) => stripe.subscriptions.retrieve(id),
};

export const PINNED_READABLE_OBJECTS = Object.keys(READERS);

/**
 * An event as the handlers expect it: in the API version this SDK is pinned to. Stripe renders
 * each event in the account's default API version at the time it happened (events.list, and
 * endpoints without their own api_version), so an account on an older version sends e.g.
 * invoices with `subscription` at the top instead of `parent.subscription_details`. Such an
 * event's object is read again from Stripe, which answers in the pinned version; its
 * previous_attributes (in the old shape) are dropped. An object kind without a reader fails
 * loudly (the event is stored as failed and retried) instead of being misread.
 */
export async function inPinnedVersion(stripe: Stripe, event: Stripe.Event): Promise<Stripe.Event> {
  if (event.api_version === Stripe.API_VERSION) return event;
  const sent = eventObject(event);
  const read = sent.object ? READERS[sent.object] : undefined;
  if (!read || !sent.id) throw new Error(`Event ${event.id} (${event.type}) is in API version ${event.api_version}, and Tatami cannot re-read its ${sent.object ?? "object"} in ${Stripe.API_VERSION}`);
  const object = await read(stripe, sent.id);
  return { ...event, api_version: Stripe.API_VERSION, data: { object } } as Stripe.Event;
}

import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { getDb } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/[dojo]/route";
import { decryptSecret } from "@/lib/crypto";

const signer = new Stripe("sk_test_signer").webhooks;

/** An event as Stripe would send it about `object`: for event types the emulator never emits itself. */
export function eventAbout(type: string, object: { id: string; object: string }): Stripe.Event {
  return {
    id: `evt_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

/**
 * Posts an event to the dojo's webhook route, signed with the dojo's endpoint secret as Stripe
 * signs it: the route checks it like any delivery. Returns the route's status and answer.
 */
export async function deliverSignedEvent(dojoId: string, event: Stripe.Event): Promise<{ status: number; result: unknown }> {
  const [connection] = await (await getDb()).select({ secret: stripeConnections.webhookSecretEnc }).from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  const payload = JSON.stringify(event, null, 2);
  const signature = signer.generateTestHeaderString({ payload, secret: decryptSecret(connection.secret!) });
  const headers = new Headers({ "content-type": "application/json", "stripe-signature": signature });
  const response = await webhookRoute(new Request(`http://localhost/api/stripe/webhook/${dojoId}`, { method: "POST", headers, body: payload }), { params: Promise.resolve({ dojo: dojoId }) });
  return { status: response.status, result: ((await response.json()) as { result?: unknown }).result ?? null };
}

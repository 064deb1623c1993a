import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { POST } from "@/app/api/stripe/webhook/[dojo]/route";
import { MAX_WEBHOOK_BYTES } from "@/lib/stripe/webhooks/receive";
import { dojoWithStripe } from "../support/card-payment";

async function post(dojoId: string, body: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/stripe/webhook/${dojoId}`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00", ...headers }, body });
  const response = await POST(request, { params: Promise.resolve({ dojo: dojoId }) });
  return response.status;
}

describe("Stripe webhook body limit", () => {
  it("refuses a body over the limit with 413 and stores nothing", async () => {
    const { dojo } = await dojoWithStripe();
    const huge = JSON.stringify({ id: "evt_huge", type: "payment_intent.succeeded", padding: "x".repeat(MAX_WEBHOOK_BYTES) });
    expect(await post(dojo.id, huge)).toBe(413);
    expect(await post(dojo.id, "{}", { "content-length": String(10 * MAX_WEBHOOK_BYTES) })).toBe(413);
    const db = await getDb();
    expect(await db.select().from(stripeEvents)).toHaveLength(0);
  });

  it("still checks the signature of a body under the limit", async () => {
    const { dojo } = await dojoWithStripe();
    expect(await post(dojo.id, JSON.stringify({ id: "evt_small" }))).toBe(400);
  });
});

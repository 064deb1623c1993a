import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { PLATFORM_EVENTS } from "@/lib/account-plans/webhooks/events";
import { ENABLED_EVENTS } from "./enabled-events";
import { inPinnedVersion, PINNED_READABLE_OBJECTS } from "./pinned-version";

// The object an event type carries: its name without the last segment (`invoice.paid` → invoice),
// with Stripe's two nested names.
const objectOf = (type: string) => ({ "customer.subscription": "subscription", "charge.refund": "refund", "charge.dispute": "dispute" })[type.slice(0, type.lastIndexOf("."))] ?? type.slice(0, type.lastIndexOf("."));

describe("events in an older API version", () => {
  it("every event type Tatami handles carries an object it can re-read in the pinned version", () => {
    for (const type of [...ENABLED_EVENTS, ...PLATFORM_EVENTS]) expect(PINNED_READABLE_OBJECTS, type).toContain(objectOf(type));
  });

  it("an event in the pinned version is used as it came; another kind fails loudly", async () => {
    const stripe = new Stripe("sk_test_unused");
    const pinned = { id: "evt_1", type: "invoice.paid", api_version: Stripe.API_VERSION, data: { object: { id: "in_1", object: "invoice" } } } as unknown as Stripe.Event;
    expect(await inPinnedVersion(stripe, pinned)).toBe(pinned);
    const unknown = { ...pinned, api_version: "2024-06-20", data: { object: { id: "x_1", object: "mystery" } } } as unknown as Stripe.Event;
    await expect(inPinnedVersion(stripe, unknown)).rejects.toThrow(/2024-06-20.*cannot re-read its mystery/);
  });
});

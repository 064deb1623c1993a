import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db/client";
import { members, stripeConnections, stripeEvents } from "@/db/schema";
import { POST } from "@/app/api/stripe/webhook/[dojo]/route";
import { connectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import { newSecretKey } from "@tatami/stripe-emulator/test-support";
import { decryptSecret } from "@/lib/crypto";
import { extraHandlers } from "@/lib/stripe/webhooks/registry";
import type { EventHandler } from "@/lib/stripe/webhooks/types";
import { actAs, signedInDojo } from "../support/factories";

const signer = new Stripe("sk_test_signer").webhooks;

// Event types no real handler uses, so this file's handlers cannot clash with the registry's.
const EFFECT_TYPE = "customer.updated";
const FLAKY_TYPE = "customer.deleted";
const SKIPPING_TYPE = "customer.created";

let calls = 0;
let flakyFailures = 0;

/** A handler with a visible effect in the same transaction: one member per event. */
const createMember = async (tx: Tx, dojoId: string, event: Stripe.Event) => {
  calls++;
  // Widen the window in which concurrent deliveries overlap.
  await new Promise((r) => setTimeout(r, 30));
  await tx.insert(members).values({ dojoId, uid: randomBytes(4).toString("hex").slice(0, 7).toUpperCase(), firstName: "Webhook", lastName: event.id });
};
const createMemberHandler: EventHandler<Stripe.Event> = async (event, { dojoId }) => async (tx) => {
  await createMember(tx, dojoId, event);
  return "processed";
};

const failSometimes = () => {
  if (flakyFailures > 0) {
    flakyFailures--;
    throw new Error("Simulated handler failure");
  }
};

const flakyHandler: EventHandler<Stripe.Event> = async (event, { dojoId }) => async (tx) => {
  await createMember(tx, dojoId, event);
  failSometimes();
  return "processed";
};

const AFTER_COMMIT_TYPE = "customer.discount.created";
/** What after-commit work saw: whether the handler's member was already committed when it ran. */
const afterCommitRuns: { eventId: string; committed: boolean }[] = [];
const afterCommitHandler: EventHandler<Stripe.Event> = async (event, { dojoId }) => async (tx, afterCommit) => {
  await createMember(tx, dojoId, event);
  afterCommit(async (db) => {
    const rows = await db.select().from(members).where(and(eq(members.dojoId, dojoId), eq(members.lastName, event.id)));
    afterCommitRuns.push({ eventId: event.id, committed: rows.length === 1 });
  });
  failSometimes();
  return "processed";
};

extraHandlers.set(EFFECT_TYPE, createMemberHandler);
extraHandlers.set(AFTER_COMMIT_TYPE, afterCommitHandler);
extraHandlers.set(FLAKY_TYPE, flakyHandler);
extraHandlers.set(SKIPPING_TYPE, async () => "ignored");

afterEach(() => {
  calls = 0;
  flakyFailures = 0;
});

interface Connected {
  dojoId: string;
  secret: string;
}

async function connectedDojo(): Promise<Connected> {
  const { dojo } = await signedInDojo();
  const sk = newSecretKey("webhook");
  const result = await connectStripeAccount({ publishableKey: sk.replace(/^sk_/, "pk_"), secretKey: sk, currency: "EUR", attempt: randomUUID() });
  expect(result).toMatchObject({ ok: true });
  // The route needs no session: the signature is the only credential.
  actAs(null);
  const db = await getDb();
  const [row] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojo.id));
  return { dojoId: dojo.id, secret: decryptSecret(row.webhookSecretEnc!) };
}

function eventPayload(type: string, id = `evt_${randomBytes(12).toString("hex")}`): string {
  const event = {
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: `cus_${randomBytes(8).toString("hex")}`, object: "customer" } },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  return JSON.stringify(event, null, 2);
}

function sign(payload: string, secret: string, timestamp?: number): string {
  return signer.generateTestHeaderString({ payload, secret, timestamp });
}

async function deliver(dojoId: string, body: string, signature: string | null) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  const response = await POST(new Request(`http://localhost/api/stripe/webhook/${dojoId}`, { method: "POST", headers, body }), { params: Promise.resolve({ dojo: dojoId }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function eventsOf(dojoId: string) {
  const db = await getDb();
  return db.select().from(stripeEvents).where(eq(stripeEvents.dojoId, dojoId));
}

async function webhookMembers(dojoId: string) {
  const db = await getDb();
  return db.select().from(members).where(and(eq(members.dojoId, dojoId), eq(members.firstName, "Webhook")));
}

async function lastEventAt(dojoId: string) {
  const db = await getDb();
  const [row] = await db.select({ at: stripeConnections.lastEventAt }).from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  return row.at;
}

describe("Stripe webhook endpoint", () => {
  let a: Connected;
  let b: Connected;
  beforeAll(async () => {
    a = await connectedDojo();
    b = await connectedDojo();
  });

  it("applies a validly signed event once and records it", async () => {
    const payload = eventPayload(EFFECT_TYPE);
    const before = new Date();
    const reply = await deliver(a.dojoId, payload, sign(payload, a.secret));
    expect(reply).toEqual({ status: 200, body: { received: true, result: "processed" } });

    const id = JSON.parse(payload).id;
    const stored = (await eventsOf(a.dojoId)).filter((e) => e.eventId === id);
    expect(stored).toEqual([expect.objectContaining({ type: EFFECT_TYPE, status: "processed", error: null })]);
    expect((await webhookMembers(a.dojoId)).filter((m) => m.lastName === id)).toHaveLength(1);
    expect((await lastEventAt(a.dojoId))!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("applies an event delivered three times at once exactly once", async () => {
    const payload = eventPayload(EFFECT_TYPE);
    const id = JSON.parse(payload).id;
    const replies = await Promise.all([0, 1, 2].map(() => deliver(a.dojoId, payload, sign(payload, a.secret))));

    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.map((r) => r.body.result).sort()).toEqual(["duplicate", "duplicate", "processed"]);
    expect(calls).toBe(1);
    expect((await eventsOf(a.dojoId)).filter((e) => e.eventId === id)).toHaveLength(1);
    expect((await webhookMembers(a.dojoId)).filter((m) => m.lastName === id)).toHaveLength(1);

    // A late redelivery is still a duplicate.
    expect((await deliver(a.dojoId, payload, sign(payload, a.secret))).body.result).toBe("duplicate");
    expect(calls).toBe(1);
  });

  describe("refuses with 400 and writes nothing", () => {
    // A dojo of its own, so "nothing written" covers every table the route touches.
    let c: Connected;
    beforeAll(async () => {
      c = await connectedDojo();
    });

    afterEach(async () => {
      expect(await eventsOf(c.dojoId)).toHaveLength(0);
      expect(await webhookMembers(c.dojoId)).toHaveLength(0);
      expect(await lastEventAt(c.dojoId)).toBeNull();
      expect(calls).toBe(0);
    });

    it("a bad signature", async () => {
      const payload = eventPayload(EFFECT_TYPE);
      expect((await deliver(c.dojoId, payload, sign(payload, "whsec_not_the_secret"))).status).toBe(400);
      expect((await deliver(c.dojoId, payload, "t=1,v1=deadbeef")).status).toBe(400);
      expect((await deliver(c.dojoId, payload, null)).status).toBe(400);
    });

    it("a stale timestamp", async () => {
      const payload = eventPayload(EFFECT_TYPE);
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 360;
      const reply = await deliver(c.dojoId, payload, sign(payload, c.secret, sixMinutesAgo));
      expect(reply.status).toBe(400);
      expect(String(reply.body.error)).toMatch(/tolerance/i);
    });

    it("another dojo's secret", async () => {
      const payload = eventPayload(EFFECT_TYPE);
      expect((await deliver(c.dojoId, payload, sign(payload, b.secret))).status).toBe(400);
    });

    it("a re-serialized body", async () => {
      const payload = eventPayload(EFFECT_TYPE);
      const compact = JSON.stringify(JSON.parse(payload));
      expect(compact).not.toBe(payload);
      expect((await deliver(c.dojoId, compact, sign(payload, c.secret))).status).toBe(400);
    });

    it("an unknown dojo, or one without Stripe", async () => {
      const payload = eventPayload(EFFECT_TYPE);
      const signature = sign(payload, c.secret);
      expect((await deliver(randomUUID(), payload, signature)).status).toBe(400);
      expect((await deliver("not-a-dojo", payload, signature)).status).toBe(400);
      const { dojo: unconnected } = await signedInDojo();
      expect((await deliver(unconnected.id, payload, signature)).status).toBe(400);
      expect(await eventsOf(unconnected.id)).toHaveLength(0);
    });
  });

  it("answers 200 to event types it does not handle and stores them as ignored", async () => {
    const payload = eventPayload("balance.available");
    const id = JSON.parse(payload).id;
    expect(await deliver(a.dojoId, payload, sign(payload, a.secret))).toEqual({ status: 200, body: { received: true, result: "ignored" } });
    expect((await eventsOf(a.dojoId)).find((e) => e.eventId === id)).toMatchObject({ status: "ignored", type: "balance.available" });

    const skipped = eventPayload(SKIPPING_TYPE);
    expect((await deliver(a.dojoId, skipped, sign(skipped, a.secret))).body.result).toBe("ignored");
    expect((await eventsOf(a.dojoId)).find((e) => e.eventId === JSON.parse(skipped).id)).toMatchObject({ status: "ignored" });
  });

  it("answers 500 when a handler throws, keeps the event as failed and processes the redelivery", async () => {
    flakyFailures = 1;
    const payload = eventPayload(FLAKY_TYPE);
    const id = JSON.parse(payload).id;

    const failed = await deliver(a.dojoId, payload, sign(payload, a.secret));
    expect(failed.status).toBe(500);
    expect((await eventsOf(a.dojoId)).filter((e) => e.eventId === id)).toEqual([expect.objectContaining({ status: "failed", error: "Simulated handler failure" })]);
    // The handler's writes were rolled back with it.
    expect((await webhookMembers(a.dojoId)).filter((m) => m.lastName === id)).toHaveLength(0);

    const redelivered = await Promise.all([0, 1].map(() => deliver(a.dojoId, payload, sign(payload, a.secret))));
    expect(redelivered.map((r) => r.body.result).sort()).toEqual(["duplicate", "processed"]);
    expect((await eventsOf(a.dojoId)).filter((e) => e.eventId === id)).toEqual([expect.objectContaining({ status: "processed", error: null })]);
    expect((await webhookMembers(a.dojoId)).filter((m) => m.lastName === id)).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it("runs a handler's after-commit work once the event is committed, never after a rollback, never for a duplicate", async () => {
    flakyFailures = 1;
    const payload = eventPayload(AFTER_COMMIT_TYPE);
    const id = JSON.parse(payload).id;
    expect((await deliver(a.dojoId, payload, sign(payload, a.secret))).status).toBe(500);
    expect(afterCommitRuns.filter((r) => r.eventId === id)).toEqual([]);

    expect((await deliver(a.dojoId, payload, sign(payload, a.secret))).body.result).toBe("processed");
    expect((await deliver(a.dojoId, payload, sign(payload, a.secret))).body.result).toBe("duplicate");
    expect(afterCommitRuns.filter((r) => r.eventId === id)).toEqual([{ eventId: id, committed: true }]);
  });
});

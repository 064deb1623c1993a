import { sql, TransactionRollbackError } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { cardCheckouts } from "@/db/schema";
import { createDojo, createMember } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { ACTION_MATRIX } from "../support/idor/action-matrix";
import { checkAttempt, checkOtherSession } from "../support/idor/check";
import { crossTenantReferences } from "../support/idor/snapshot";
import { discoverServerActions, inlineServerActionFiles } from "../support/discover";
import { buildIdorWorld, type IdorWorld } from "../support/idor/world";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
// Card-link actions throttle by the client address.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.77" }) }));

describe("IDOR matrix: every server action", () => {
  it("has an entry for every exported server action, and none for actions that are gone", async () => {
    const keys = (await discoverServerActions()).map((a) => a.key);
    expect(keys.length).toBeGreaterThan(20);
    const missing = keys.filter((k) => !(k in ACTION_MATRIX));
    const stale = Object.keys(ACTION_MATRIX).filter((k) => !keys.includes(k));
    expect(missing, `server actions without a tenancy entry in tests/support/idor/action-matrix.ts:\n  ${missing.join("\n  ")}\n`).toEqual([]);
    expect(stale, "matrix entries for actions that no longer exist").toEqual([]);
    expect(inlineServerActionFiles(), "inline 'use server' functions: move them to an actions file so the matrix sees them").toEqual([]);
    for (const [key, entry] of Object.entries(ACTION_MATRIX)) {
      if ("na" in entry) expect(entry.na.trim(), `${key}: say why it has no foreign ids`).not.toBe("");
      else expect(entry.attempts.length, `${key}: at least one attempt`).toBeGreaterThan(0);
    }
  });

  it("the cross-dojo reference check sees a row that points at another dojo's record", async () => {
    const a = await createDojo();
    const b = await createDojo();
    const member = await createMember(b.id);
    const invoice = await createTestInvoice(b, member.id, { issue: true });
    const db = await getDb();
    expect(await crossTenantReferences()).toEqual([]);
    const crossing = { dojoId: a.id, invoiceId: invoice.id, amountMinor: 100, currency: "EUR" };
    // The database refuses such a row (foreign keys carry dojo_id)...
    await expect(db.insert(cardCheckouts).values(crossing)).rejects.toThrow();
    // ...so the check is shown one with that key taken away, inside a transaction rolled back.
    let seen: string[] = [];
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table card_checkouts drop constraint card_checkouts_invoice_fk`);
        await tx.insert(cardCheckouts).values(crossing);
        seen = await crossTenantReferences(tx);
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    expect(seen).toEqual(["card_checkouts.invoice_id → invoices: 1 row(s) of another dojo"]);
  });

  describe("called by dojo A (owner, or member M1) with dojo B's or member M2's ids", () => {
    let world: IdorWorld;
    beforeAll(async () => {
      world = await buildIdorWorld();
    }, 120_000);

    for (const [key, entry] of Object.entries(ACTION_MATRIX)) {
      if ("na" in entry) continue;
      describe(key, () => {
        for (const attempt of entry.attempts) {
          it(`${attempt.expect === "ignored" ? "ignores" : "refuses"}: ${attempt.name}`, () => checkAttempt(world, attempt));
          if (attempt.actor !== "anonymous" && !attempt.anyone) it(`refuses the other kind of session: ${attempt.name}`, () => checkOtherSession(world, attempt));
        }
      });
    }
  });
});

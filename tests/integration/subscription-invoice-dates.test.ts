import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dojos, invoices } from "@/db/schema";
import { dojoWithStripe } from "../support/card-payment";
import { memberSubscribedOnClock } from "../support/member-subscription";

// 23:30 UTC on 10 March is 12:30 on 11 March in Auckland (NZDT, UTC+13): the dojo's books say the 11th.
const MARCH_10_2330_UTC = Date.UTC(2026, 2, 10, 23, 30) / 1000;

describe("a subscription invoice's dates", () => {
  it("are the dojo's calendar day when Stripe finalized it, not the UTC day", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const db = await getDb();
    await db.update(dojos).set({ timeZone: "Pacific/Auckland" }).where(eq(dojos.id, dojo.id));
    const { member } = await memberSubscribedOnClock(dojo.id, stripe, MARCH_10_2330_UTC);
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.dojoId, dojo.id), eq(invoices.memberId, member.id)));
    expect(invoice).toMatchObject({ source: "subscription", issueDate: "2026-03-11", dueDate: "2026-03-11" });
  });
});

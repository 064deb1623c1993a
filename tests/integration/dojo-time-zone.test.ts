import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dojos, payments, signupRequests } from "@/db/schema";
import { saveDojoProfileAction } from "@/app/(staff)/settings/profile/actions";
import { recordPaymentAction } from "@/app/(staff)/invoices/actions";
import { signupSchema } from "@/lib/dojos/signup";
import { confirmSignup, requestSignup } from "@/lib/dojos/signup-request";
import { signupConfirmUrl } from "@/lib/dojos/signup-link";
import { createMember, signedInDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { html } from "../support/next";
import PrintInvoicePage from "@/app/(print)/invoices/[id]/print/page";

const signup = (n: string, timeZone?: string) =>
  signupSchema.parse({ dojoName: `Zone ${n}`, slug: `zone-${n}-${Date.now()}`, currency: "EUR", ownerName: "Ren Sato", email: `zone-${n}-${Date.now()}@example.test`, password: "long enough password", timeZone });

const signupTokenOf = (requestId: string) => signupConfirmUrl(requestId).split("/").pop()!;

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("the dojo's time zone", () => {
  it("starts as the browser's zone at sign-up, or Europe/Amsterdam when the browser tells none we know", async () => {
    const db = await getDb();
    const cases = [["America/New_York", "America/New_York"], [undefined, "Europe/Amsterdam"], ["Mars/Olympus_Mons", "Europe/Amsterdam"]] as const;
    for (const [i, [zone, expected]] of cases.entries()) {
      const input = signup(`case${i}`, zone);
      await requestSignup(db, input);
      const [request] = await db.select().from(signupRequests).where(eq(signupRequests.email, input.email));
      const { dojoId } = await confirmSignup(db, signupTokenOf(request.id));
      const [dojo] = await db.select().from(dojos).where(eq(dojos.id, dojoId));
      expect(dojo.timeZone).toBe(expected);
    }
  });

  it("is edited in Settings → Dojo profile, as an IANA name only", async () => {
    const { dojo } = await signedInDojo();
    const db = await getDb();
    expect(await saveDojoProfileAction(form({ name: "Kaizen", timeZone: "Mars/Olympus_Mons" }))).toMatchObject({ ok: false, fieldErrors: { timeZone: [expect.stringContaining("time zone")] } });
    expect(await saveDojoProfileAction(form({ name: "Kaizen", timeZone: "asia/tokyo" }))).toMatchObject({ ok: true });
    expect((await db.select().from(dojos).where(eq(dojos.id, dojo.id)))[0].timeZone).toBe("Asia/Tokyo");
    // Left out, the zone stays.
    expect(await saveDojoProfileAction(form({ name: "Kaizen" }))).toMatchObject({ ok: true });
    expect((await db.select().from(dojos).where(eq(dojos.id, dojo.id)))[0].timeZone).toBe("Asia/Tokyo");
  });

  it("shows a payment made just before midnight UTC on the dojo's own day", async () => {
    const { dojo } = await signedInDojo();
    const db = await getDb();
    await db.update(dojos).set({ timeZone: "Asia/Tokyo" }).where(eq(dojos.id, dojo.id));
    const member = await createMember(dojo.id);
    const invoice = await createTestInvoice(dojo, member.id, { issue: true });
    expect(await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "1.00", paidOn: "2026-03-02" })).toMatchObject({ ok: true });
    // 23:30 UTC on 2 March is 08:30 on 3 March in Tokyo.
    await db.update(payments).set({ paidAt: new Date("2026-03-02T23:30:00Z") }).where(eq(payments.invoiceId, invoice.id));
    const page = await html(PrintInvoicePage({ params: Promise.resolve({ id: invoice.id }) }));
    expect(page).toMatch(/Paid (<!-- -->)?3 Mar 2026/);
    expect(page).not.toMatch(/Paid (<!-- -->)?2 Mar 2026/);
  });
});

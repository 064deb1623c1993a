import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { cardCheckouts, invoices, ledgerEntries, payments, type Plan, type Role } from "@/db/schema";
import { connectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import { emulatorUrl, newSecretKey, stripeClient } from "@/emulator/stripe/test-support";
import { createMember, signedInDojo, signInAsStaff } from "./factories";
import { createTestInvoice } from "./invoice-factory";

/** A dojo whose owner connected an emulator Stripe account; returns the key to inspect that account. */
export async function dojoWithStripe(opts: { plan?: Plan; currency?: string; stripeCurrency?: string; role?: Role } = {}) {
  const { dojo, user } = await signedInDojo({ plan: "ultimate", currency: opts.currency ?? "EUR" });
  const secretKey = newSecretKey("card");
  const connected = await connectStripeAccount({ publishableKey: secretKey.replace(/^sk_/, "pk_"), secretKey, currency: opts.stripeCurrency ?? dojo.currency, attempt: randomUUID() });
  expect(connected).toMatchObject({ ok: true });
  return { dojo, owner: user, secretKey, stripe: stripeClient(secretKey), signInOwner: () => signInAsStaff(user) };
}

/** An open (issued) invoice of 2 × 25.00 for a new member of the dojo. */
export async function openInvoiceFor(dojo: { id: string; currency: string }, opts: { unitPrice?: string; memberEmail?: string | null } = {}) {
  const member = await createMember(dojo.id, opts.memberEmail === undefined ? {} : { email: opts.memberEmail });
  const invoice = await createTestInvoice(dojo, member.id, { issue: true, lines: [{ description: "Monthly training", quantity: "2", unitPrice: opts.unitPrice ?? "25.00" }] });
  return { member, invoice };
}

export const sessionIdOf = (clientSecret: string) => clientSecret.slice(0, clientSecret.indexOf("_secret_"));

export async function paymentState(invoiceId: string) {
  const db = await getDb();
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  const paymentRows = await db.select().from(payments).where(eq(payments.invoiceId, invoiceId));
  const entries = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.invoiceId, invoiceId), eq(ledgerEntries.kind, "revenue")));
  const checkouts = await db.select().from(cardCheckouts).where(eq(cardCheckouts.invoiceId, invoiceId));
  return { invoice, payments: paymentRows, entries, checkouts };
}

export interface InboxMail {
  id: string;
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
}

/** Mail the emulator's Resend received for one address, newest first. */
export async function inboxFor(address: string): Promise<InboxMail[]> {
  const res = await fetch(`${emulatorUrl()}/_inbox.json?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { data: InboxMail[] }).data;
}

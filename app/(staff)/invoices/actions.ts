"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { transactionThen } from "@/lib/after-commit";
import { createInvoice } from "@/lib/invoices/create-invoice";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { queueInvoiceIssuedMail } from "@/lib/invoices/issued-mail";
import { searchMemberOptions } from "@/lib/invoices/member-options";
import { invoiceIdSchema, invoiceInputSchema, memberSearchSchema, updateInvoiceSchema, voidInvoiceSchema } from "@/lib/invoices/schemas";
import { updateDraftInvoice } from "@/lib/invoices/update-draft";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";
import { manualPaymentSchema } from "@/lib/payments/schemas";

const changed = (id: string) => {
  revalidatePath("/invoices");
  revalidatePath(`/invoices/${id}`);
};

export const createInvoiceAction = staffAction({ schema: invoiceInputSchema, permission: "invoices" }, async (input, ctx) => {
  const db = await getDb();
  const invoice = await db.transaction(async (tx) => {
    const created = await createInvoice(tx, { dojo: ctx.dojo, userId: ctx.user.id }, input);
    await queueInvoiceIssuedMail(tx, created);
    return created;
  });
  changed(invoice.id);
  return { id: invoice.id, number: invoice.number };
});

export const updateInvoiceAction = staffAction({ schema: updateInvoiceSchema, permission: "invoices" }, async ({ id, ...input }, ctx) => {
  const db = await getDb();
  const invoice = await db.transaction(async (tx) => {
    const updated = await updateDraftInvoice(tx, ctx.dojo, id, input);
    await queueInvoiceIssuedMail(tx, { ...updated, dojoId: ctx.dojo.id });
    return updated;
  });
  changed(invoice.id);
  return { id: invoice.id, number: invoice.number };
});

export const issueInvoiceAction = staffAction({ schema: invoiceIdSchema, permission: "invoices" }, async ({ id }, ctx) => {
  const db = await getDb();
  const invoice = await db.transaction(async (tx) => {
    const issued = await issueInvoice(tx, ctx.dojo.id, id);
    await queueInvoiceIssuedMail(tx, issued);
    return issued;
  });
  changed(invoice.id);
  return { id: invoice.id, number: invoice.number };
});

export const voidInvoiceAction = staffAction({ schema: voidInvoiceSchema, permission: "invoices" }, async ({ id, reason }, ctx) => {
  const db = await getDb();
  const invoice = await transactionThen(db, (tx, afterCommit) => voidInvoice(tx, ctx.dojo.id, id, reason, afterCommit));
  changed(invoice.id);
  return { id: invoice.id };
});

export const recordPaymentAction = staffAction({ schema: manualPaymentSchema, permission: "invoices", errorFields: { NOT_PAYABLE: "amount", INVALID_AMOUNT: "amount" } }, async (input, ctx) => {
  const db = await getDb();
  const { payment, invoice } = await transactionThen(db, (tx, afterCommit) => recordManualPayment(tx, { dojoId: ctx.dojo.id, userId: ctx.user.id }, input, afterCommit));
  changed(invoice.id);
  revalidatePath("/ledger");
  return { paymentId: payment.id, status: invoice.status };
});

export const searchMembersAction = staffAction({ schema: memberSearchSchema, permission: "invoices" }, async ({ q }, ctx) => {
  return searchMemberOptions(await getDb(), ctx.dojo.id, q);
});

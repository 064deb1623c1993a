import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoiceLines, invoices, members, type Invoice, type ShopOrder, type ShopOrderLine } from "@/db/schema";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { today } from "@/lib/dates";
import { createMember } from "@/lib/members/create";

export const WEBSHOP_CUSTOMER_NOTE = "Webshop customer (created by a shop order)";

/**
 * The member an order's invoice belongs to (every invoice has one). A signed-in member's own
 * record; for a visitor, a member record made for shop customers (inactive, no login), reused
 * when the same address orders again. A visitor is never attached to an existing real member
 * by typing their address.
 */
async function invoiceMemberOf(tx: Tx, order: ShopOrder): Promise<string> {
  if (order.memberId) return order.memberId;
  const [existing] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.dojoId, order.dojoId), sql`lower(${members.email}) = ${order.buyerEmail.toLowerCase()}`, eq(members.notes, WEBSHOP_CUSTOMER_NOTE), isNull(members.passwordHash)))
    .limit(1);
  if (existing) return existing.id;
  const [first, ...rest] = order.buyerName.trim().split(/\s+/);
  const created = await createMember(tx, order.dojoId, { firstName: first, lastName: rest.join(" ") || "-", email: order.buyerEmail, phone: order.buyerPhone, birthDate: null, address: null, notes: WEBSHOP_CUSTOMER_NOTE });
  // No login and not counted among active members.
  await tx.update(members).set({ status: "inactive" }).where(eq(members.id, created.id));
  return created.id;
}

/** The order's invoice (source "webshop"), issued so it carries the next gapless number. */
export async function createOrderInvoice(tx: Tx, order: ShopOrder, lines: ShopOrderLine[]): Promise<Invoice> {
  const memberId = await invoiceMemberOf(tx, order);
  const date = today();
  const [invoice] = await tx
    .insert(invoices)
    .values({ dojoId: order.dojoId, memberId, source: "webshop", currency: order.currency, totalMinor: order.totalMinor, issueDate: date, dueDate: date, notes: `Webshop order #${order.number}` })
    .returning();
  await tx.insert(invoiceLines).values(
    lines.map((line) => ({ dojoId: order.dojoId, invoiceId: invoice.id, position: line.position, description: line.name, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, amountMinor: line.unitPriceMinor * line.quantity })),
  );
  return issueInvoice(tx, order.dojoId, invoice.id);
}

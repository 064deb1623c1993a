import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckCircle2, Clock, XCircle } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { NotFoundError } from "@/lib/action-result";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { getOrder } from "@/lib/shop/orders";
import { confirmOrderReturn } from "@/lib/shop/settle-card-order";
import { loadShop } from "../../load-shop";
import { ClearCart } from "./clear-cart";

export const metadata = { title: "Your order" };

/**
 * Where Stripe sends the buyer back, and the confirmation of a pay-at-the-dojo order. A card
 * order still waiting is checked with Stripe here (the webhook may not have arrived yet).
 */
export default async function OrderPage({ params }: { params: Promise<{ dojo: string; id: string }> }) {
  const { dojo: slug, id } = await params;
  const shop = await loadShop(slug);
  const db = await getDb();
  const notFoundOn = (error: unknown): never => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  };
  let { order, lines } = await getOrder(db, shop.dojo.id, id).catch(notFoundOn);
  let payUrl: string | null = null;
  let checkFailed = false;
  if (order.status === "pending" && order.payment === "card" && order.stripeSessionId) {
    try {
      const outcome = await confirmOrderReturn(db, shop.dojo.id, order.id, order.stripeSessionId);
      payUrl = outcome?.payUrl ?? null;
      ({ order, lines } = await getOrder(db, shop.dojo.id, id));
    } catch (error) {
      console.error("Checking a webshop payment with Stripe failed", error);
      checkFailed = true;
    }
  }
  const money = (minor: number) => formatMoney(minor, order.currency);
  const paid = order.status === "paid" || order.status === "fulfilled";
  const placed = paid || (order.status === "pending" && order.payment === "at_dojo");

  let icon, heading, text;
  if (paid) {
    icon = <CheckCircle2 className="size-10 text-emerald-600" aria-hidden />;
    heading = "Thank you! Your order is paid.";
    text = `We sent a confirmation to ${order.buyerEmail}.`;
  } else if (placed) {
    icon = <CheckCircle2 className="size-10 text-emerald-600" aria-hidden />;
    heading = "Thank you! Your order is placed.";
    // The confirmation mail is not promised: one address gets at most one every few minutes.
    text = order.confirmedAt
      ? `The dojo has confirmed your order. Please pay ${money(order.totalMinor)} when you collect it.`
      : `The dojo will confirm it and holds your items${order.reservedUntil ? ` until ${formatDate(order.reservedUntil, shop.dojo.timeZone)}` : ""}. Please pay ${money(order.totalMinor)} when you collect it at the dojo.`;
  } else if (order.status === "cancelled") {
    icon = <XCircle className="size-10 text-stone-400" aria-hidden />;
    heading = "This order was cancelled.";
    text = order.cancelReason ?? "";
  } else {
    icon = <Clock className="size-10 text-amber-500" aria-hidden />;
    heading = "Your payment is not complete.";
    text = checkFailed ? "We could not check the payment just now. Reload this page in a moment." : payUrl ? "Nothing was charged. You can try again with the same or another card." : "Nothing was charged and the payment page has expired. You can order again from your cart.";
  }

  return (
    <div className="mx-auto max-w-xl">
      {placed && <ClearCart slug={slug} />}
      <div className="rounded-xl border border-stone-200 bg-white p-5 text-center sm:p-8">
        <div className="flex justify-center">{icon}</div>
        <h1 className="mt-3 text-xl font-semibold" data-testid="order-heading">
          {heading}
        </h1>
        <p className="mt-1 text-stone-600">{text}</p>
        <p className="mt-4 text-sm text-stone-500">Order #{order.number}</p>
        <ul className="mt-4 space-y-1 border-t border-stone-100 pt-4 text-left text-sm">
          {lines.map((l) => (
            <li key={l.position} className="flex justify-between gap-3">
              <span>
                {l.quantity} × {l.name}
              </span>
              <span className="tabular-nums">{money(l.unitPriceMinor * l.quantity)}</span>
            </li>
          ))}
          <li className="flex justify-between gap-3 border-t border-stone-100 pt-2 font-semibold">
            <span>Total</span>
            <span className="tabular-nums">{money(order.totalMinor)}</span>
          </li>
        </ul>
        <div className="mt-6 flex flex-col gap-2 sm:flex-row sm:justify-center">
          {payUrl && (
            <Button asChild size="lg">
              <a href={payUrl}>Try the payment again</a>
            </Button>
          )}
          <Button asChild variant="secondary" size="lg">
            <Link href={placed ? `/shop/${slug}` : `/shop/${slug}/cart`}>{placed ? "Back to the shop" : "Back to the cart"}</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}

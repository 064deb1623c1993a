import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckCircle2, Clock, XCircle } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { NotFoundError } from "@/lib/action-result";
import { formatDate } from "@/lib/dates";
import { moneyLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { cancelReasonCode } from "@/lib/shop/cancel-reasons";
import { getOrder } from "@/lib/shop/orders";
import { confirmOrderReturn } from "@/lib/shop/settle-card-order";
import { loadShop } from "../../load-shop";
import { shopLocale } from "../../shop-locale";
import { ClearCart } from "./clear-cart";

export async function generateMetadata({ params }: { params: Promise<{ dojo: string; id: string }> }) {
  const { dojo: slug, id } = await params;
  const shop = await loadShop(slug);
  const found = await getOrder(await getDb(), shop.dojo.id, id).catch(() => null);
  return { title: translator(await shopLocale(shop.dojo, found?.order.language), "shop.order")("title") };
}

/**
 * Where Stripe sends the buyer back, and the confirmation of a pay-at-the-dojo order. A card
 * order still waiting is checked with Stripe here (the webhook may not have arrived yet). In the
 * language the order was placed in, unless the visitor picked another.
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
  const locale = await shopLocale(shop.dojo, order.language);
  const t = translator(locale, "shop.order");
  const money = (minor: number) => formatMoney(minor, order.currency, moneyLocale(locale));
  const paid = order.status === "paid" || order.status === "fulfilled";
  const placed = paid || (order.status === "pending" && order.payment === "at_dojo");

  let icon, heading, text;
  if (paid) {
    icon = <CheckCircle2 className="size-10 text-emerald-600" aria-hidden />;
    heading = t("paidHeading");
    text = t("paidText", { email: order.buyerEmail });
  } else if (placed) {
    icon = <CheckCircle2 className="size-10 text-emerald-600" aria-hidden />;
    heading = t("placedHeading");
    // The confirmation mail is not promised: one address gets at most one every few minutes.
    const amount = money(order.totalMinor);
    text = order.confirmedAt
      ? t("confirmedText", { amount })
      : order.reservedUntil
        ? t("heldUntilText", { amount, date: formatDate(order.reservedUntil, shop.dojo.timeZone, locale) })
        : t("heldText", { amount });
  } else if (order.status === "cancelled") {
    icon = <XCircle className="size-10 text-stone-400" aria-hidden />;
    heading = t("cancelledHeading");
    // The stored reason is the dojo's English; a known one is told in the buyer's language.
    const reason = cancelReasonCode(order.cancelReason);
    text = reason ? t(`cancelReasons.${reason}`) : (order.cancelReason ?? "");
  } else {
    icon = <Clock className="size-10 text-amber-500" aria-hidden />;
    heading = t("pendingHeading");
    text = checkFailed ? t("checkFailed") : payUrl ? t("tryAgainText") : t("expiredText");
  }

  return (
    <div lang={locale} className="mx-auto max-w-xl">
      {placed && <ClearCart slug={slug} />}
      <div className="rounded-xl border border-stone-200 bg-white p-5 text-center sm:p-8">
        <div className="flex justify-center">{icon}</div>
        <h1 className="mt-3 text-xl font-semibold" data-testid="order-heading">
          {heading}
        </h1>
        <p className="mt-1 text-stone-600">{text}</p>
        <p className="mt-4 text-sm text-stone-500">{t("number", { number: order.number })}</p>
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
            <span>{t("total")}</span>
            <span className="tabular-nums">{money(order.totalMinor)}</span>
          </li>
        </ul>
        <div className="mt-6 flex flex-col gap-2 sm:flex-row sm:justify-center">
          {payUrl && (
            <Button asChild size="lg">
              <a href={payUrl}>{t("tryAgain")}</a>
            </Button>
          )}
          <Button asChild variant="secondary" size="lg">
            <Link href={placed ? `/shop/${slug}` : `/shop/${slug}/cart`}>{placed ? t("backToShop") : t("backToCart")}</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}

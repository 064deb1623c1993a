"use client";
import { useState } from "react";
import Link from "next/link";
import { CreditCard, Store } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import type { FieldErrors } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import type { PublicProduct } from "@/lib/shop/public-shop";
import { placeShopOrderAction } from "../actions";
import { cartLines } from "../cart-lines";
import { CartProblemText } from "../cart-problem";
import { useCart } from "../cart-store";

type Payment = "card" | "at_dojo";

interface Props {
  slug: string;
  products: PublicProduct[];
  currency: string;
  payments: { card: boolean; atDojo: boolean };
  buyer: { name: string; email: string; phone: string; signedIn: boolean } | null;
}

export function CheckoutForm({ slug, products, currency, payments, buyer }: Props) {
  const t = useTranslations("shop");
  const locale = useLocale() as Locale;
  const money = moneyLocale(locale);
  const { items } = useCart(slug);
  const { lines, totalMinor, ok } = cartLines(items, products);
  const choices = [...(payments.card ? (["card"] as const) : []), ...(payments.atDojo ? (["at_dojo"] as const) : [])];
  const [payment, setPayment] = useState<Payment | null>(choices.length === 1 ? choices[0] : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The server's messages are in the language they were asked in: a switch of language clears
  // them (the typed details stay) rather than leave them in the old one.
  const [messagesLocale, setMessagesLocale] = useState(locale);
  if (messagesLocale !== locale) {
    setMessagesLocale(locale);
    setErrors({});
    setFormError(null);
  }
  const [pending, setPending] = useState(false);

  if (lines.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-14 text-center">
        <p className="font-medium text-stone-800">{t("cartPage.empty")}</p>
        <Button asChild className="mt-4">
          <Link href={`/shop/${slug}`}>{t("cartPage.browse")}</Link>
        </Button>
      </div>
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (!payment) {
      setErrors({ payment: [t("errors.payment")] });
      return;
    }
    setPending(true);
    setFormError(null);
    const result = await placeShopOrderAction({
      slug,
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      phone: String(data.get("phone") ?? ""),
      payment,
      // The language of this page: the order, its mails and Stripe's page keep it.
      locale,
      items: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
    });
    if (result.ok) {
      // Stripe's payment page for a card, our order page otherwise; the button stays busy meanwhile.
      window.location.assign(result.data.redirectUrl);
      return;
    }
    setPending(false);
    setFormError(result.error);
    setErrors(result.fieldErrors ?? {});
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <FormError message={formError} />
        <section className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
          <h2 className="mb-3 font-semibold">{t("checkout.yourDetails")}</h2>
          {buyer?.signedIn && <p className="mb-3 text-sm text-stone-500">{t("checkout.signedIn")}</p>}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("checkout.name")} required error={errors.name?.[0]} className="sm:col-span-2">
              <Input name="name" autoComplete="name" defaultValue={buyer?.name} />
            </Field>
            <Field label={t("checkout.email")} required error={errors.email?.[0]} hint={t("checkout.emailHint")}>
              <Input name="email" type="email" autoComplete="email" defaultValue={buyer?.email} />
            </Field>
            <Field label={t("checkout.phone")} required error={errors.phone?.[0]}>
              <Input name="phone" type="tel" autoComplete="tel" defaultValue={buyer?.phone} />
            </Field>
          </div>
        </section>
        <section className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
          <fieldset>
            <legend className="mb-3 font-semibold">{t("checkout.payment")}</legend>
            {choices.length === 0 ? (
              <p className="text-sm text-stone-600">{t("checkout.closed")}</p>
            ) : (
              <div className="grid gap-3 sm:grid-cols-2">
                {choices.map((choice) => (
                  <label
                    key={choice}
                    className={cn(
                      "flex cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors",
                      payment === choice ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-stone-300 hover:bg-stone-50",
                    )}
                  >
                    <input type="radio" name="payment" value={choice} checked={payment === choice} onChange={() => setPayment(choice)} className="mt-1" />
                    <span>
                      <span className="flex items-center gap-2 font-medium">
                        {choice === "card" ? <CreditCard className="size-4" aria-hidden /> : <Store className="size-4" aria-hidden />}
                        {choice === "card" ? t("checkout.card") : t("checkout.atDojo")}
                      </span>
                      <span className="mt-0.5 block text-sm text-stone-500">{choice === "card" ? t("checkout.cardHint") : t("checkout.atDojoHint")}</span>
                    </span>
                  </label>
                ))}
              </div>
            )}
            {errors.payment && <p role="alert" className="mt-2 text-sm text-red-600">{errors.payment[0]}</p>}
          </fieldset>
        </section>
      </div>
      <aside className="h-fit rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
        <h2 className="mb-3 font-semibold">{t("checkout.yourOrder")}</h2>
        <ul className="space-y-2 text-sm">
          {lines.map((l) => (
            <li key={l.product.id} className="flex justify-between gap-3">
              <span className="min-w-0">
                {l.quantity} × {l.product.name}
                {l.problem && <span className="block text-red-600"><CartProblemText problem={l.problem} /></span>}
              </span>
              <span className="tabular-nums">{formatMoney(l.product.priceMinor * l.quantity, l.product.currency, money)}</span>
            </li>
          ))}
        </ul>
        <div className="mt-3 flex justify-between border-t border-stone-200 pt-3 text-lg font-semibold">
          <span>{t("cartPage.total")}</span>
          <span className="tabular-nums">{formatMoney(totalMinor, currency, money)}</span>
        </div>
        <Button type="submit" size="lg" className="mt-4 w-full" pending={pending} disabled={!ok || choices.length === 0}>
          {payment === "card" ? t("checkout.continueToPayment") : t("checkout.placeOrder")}
        </Button>
        <Link href={`/shop/${slug}/cart`} className="mt-3 block text-center text-sm text-stone-600 hover:underline">
          {t("checkout.backToCart")}
        </Link>
      </aside>
    </form>
  );
}

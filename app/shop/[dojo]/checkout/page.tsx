import { getDb } from "@/db/client";
import { getMemberSession } from "@/lib/auth/session";
import { publicProducts } from "@/lib/shop/public-shop";
import { translator } from "@/lib/i18n/messages";
import { loadShop } from "../load-shop";
import { shopLocale } from "../shop-locale";
import { CheckoutForm } from "./checkout-form";
import { fullName } from "@/lib/members/full-name";

export async function generateMetadata({ params }: { params: Promise<{ dojo: string }> }) {
  const shop = await loadShop((await params).dojo);
  return { title: translator(await shopLocale(shop.dojo), "shop.checkout")("title") };
}

export default async function CheckoutPage({ params }: { params: Promise<{ dojo: string }> }) {
  const { dojo: slug } = await params;
  const shop = await loadShop(slug);
  const products = await publicProducts(await getDb(), shop.dojo.id);
  const session = await getMemberSession();
  const t = translator(await shopLocale(shop.dojo), "shop.checkout");
  const member = session && session.dojo.id === shop.dojo.id ? session.member : null;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <CheckoutForm
        slug={slug}
        products={products}
        currency={shop.dojo.currency}
        payments={{ card: shop.payments.card, atDojo: shop.payments.atDojo }}
        buyer={member ? { name: fullName(member), email: member.email ?? "", phone: member.phone ?? "", signedIn: true } : null}
      />
    </>
  );
}

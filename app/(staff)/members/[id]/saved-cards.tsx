"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { cardName } from "@/lib/stripe/card-name";
import type { CustomerCard } from "@/lib/subscriptions/cards";
import { makeDefaultCardAction, removeCardAction } from "./stripe-actions";

// The day the payer accepted the mandate, as Stripe stamped it (UTC: the same on server and browser).
// An ISO day: the same in every language, and the card list has no dojo time zone to hand.
const mandateDay = (at: Date | string | null) => (at ? new Date(at).toISOString().slice(0, 10) : null);

export function SavedCards({ memberId, cards }: { memberId: string; cards: CustomerCard[] }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.members.member.cards");
  async function run(action: Promise<{ ok: boolean; error?: string }>, done: string) {
    const result = await action;
    if (!result.ok) {
      toast({ tone: "error", title: result.error ?? t("failed") });
      return false;
    }
    toast({ tone: "success", title: done });
    router.refresh();
    return true;
  }
  return (
    <ul className="divide-y divide-stone-100 rounded-md border border-stone-200">
      {cards.map((card) => (
        <li key={card.paymentMethodId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="saved-card">
          <div>
            <p className="font-medium text-stone-900">
              {cardName(card)} {card.isDefault && <Badge tone="green">{t("default")}</Badge>}
            </p>
            {card.kind === "sepa_debit" ? (
              <p className="text-sm text-stone-500" data-testid="sepa-mandate">
                {t("sepa.account", { last4: card.last4, bank: card.bankCode ?? t("sepa.unknownBank"), country: card.country ? ` (${card.country})` : "" })}
                {card.isDefault &&
                  (card.mandate
                    ? t("sepa.mandateOf", { date: mandateDay(card.mandate.acceptedAt) ?? t("sepa.unknownDate"), status: card.mandate.status === "active" ? "" : ` (${card.mandate.status})` })
                    : t("sepa.noMandate"))}
              </p>
            ) : (
              <p className="text-sm text-stone-500">{t("expires", { month: String(card.expMonth).padStart(2, "0"), year: card.expYear })}</p>
            )}
          </div>
          <div className="flex gap-1">
            {!card.isDefault && (
              <Button variant="ghost" size="sm" onClick={() => void run(makeDefaultCardAction({ memberId, paymentMethodId: card.paymentMethodId }), t("isDefault", { card: cardName(card) }))}>
                {t("makeDefault")}
              </Button>
            )}
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-red-700">
                  {t("remove")}
                </Button>
              }
              title={t("removeTitle", { card: cardName(card) })}
              description={card.isDefault ? t("removeDefault") : t("removeOther")}
              confirmLabel={t("removeConfirm")}
              destructive
              onConfirm={() => run(removeCardAction({ memberId, paymentMethodId: card.paymentMethodId }), t("removed"))}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

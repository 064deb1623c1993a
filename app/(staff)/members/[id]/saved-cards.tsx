"use client";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { cardName } from "@/lib/stripe/card-name";
import type { CustomerCard } from "@/lib/subscriptions/cards";
import { makeDefaultCardAction, removeCardAction } from "./stripe-actions";

export function SavedCards({ memberId, cards }: { memberId: string; cards: CustomerCard[] }) {
  const router = useRouter();
  const toast = useToast();
  async function run(action: Promise<{ ok: boolean; error?: string }>, done: string) {
    const result = await action;
    if (!result.ok) {
      toast({ tone: "error", title: result.error ?? "Something went wrong" });
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
              {cardName(card)} {card.isDefault && <Badge tone="green">Default</Badge>}
            </p>
            <p className="text-sm text-stone-500">
              Expires {String(card.expMonth).padStart(2, "0")}/{card.expYear}
            </p>
          </div>
          <div className="flex gap-1">
            {!card.isDefault && (
              <Button variant="ghost" size="sm" onClick={() => void run(makeDefaultCardAction({ memberId, paymentMethodId: card.paymentMethodId }), `${cardName(card)} is now the default`)}>
                Make default
              </Button>
            )}
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-red-700">
                  Remove
                </Button>
              }
              title={`Remove ${cardName(card)}?`}
              description={card.isDefault ? "This is the default card: subscriptions cannot be charged until another card is the default." : "The card is removed from the member's Stripe customer."}
              confirmLabel="Remove card"
              destructive
              onConfirm={() => run(removeCardAction({ memberId, paymentMethodId: card.paymentMethodId }), "Card removed")}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

"use client";
import { useCallback, useState } from "react";
import { CheckCircle2 } from "lucide-react";
import { Card, CardBody } from "@/components/ui/card";
import { CardSetupCheckout } from "@/components/stripe/card-setup-checkout";
import { PaySubscriptionInvoice } from "@/components/stripe/pay-subscription-invoice";
import { completeCardLinkSetupAction, openCardLinkSetupAction, payCardLinkInvoiceAction, settleCardLinkInvoiceAction } from "./actions";

interface CardLinkFormProps {
  token: string;
  dojoName: string;
  firstName: string;
  stripeJsUrl: string | null;
  invoice: { id: string; number: string; amount: string; paid: boolean } | null;
}

function Done({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="flex items-start gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{children}</span>
    </p>
  );
}

export function CardLinkForm({ token, dojoName, firstName, stripeJsUrl, invoice }: CardLinkFormProps) {
  const [cardSaved, setCardSaved] = useState(false);
  const [paid, setPaid] = useState(invoice?.paid ?? false);
  const open = useCallback(() => openCardLinkSetupAction({ token }), [token]);
  const complete = useCallback((sessionId: string) => completeCardLinkSetupAction({ token, sessionId }), [token]);
  const pay = useCallback(() => payCardLinkInvoiceAction({ token, invoiceId: invoice!.id }), [token, invoice]);
  const settle = useCallback(() => settleCardLinkInvoiceAction({ token, invoiceId: invoice!.id }), [token, invoice]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-brand-700">{dojoName}</p>
        <h1 className="mt-1 text-2xl font-semibold text-stone-900">Hi {firstName}</h1>
        <p className="mt-2 text-sm text-stone-600">
          {invoice && !invoice.paid
            ? `Your payment for invoice ${invoice.number} is still open. Pay it below; if your card changed, add the new one first.`
            : `Add the card ${dojoName} may charge for your membership. You enter it on Stripe's secure form; the dojo never sees the card number.`}
        </p>
      </div>
      {invoice && (
        <Card>
          <CardBody className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-base font-semibold text-stone-900">Invoice {invoice.number}</h2>
              <p className="text-lg font-semibold tabular-nums">{invoice.amount}</p>
            </div>
            {paid ? (
              <Done>Invoice {invoice.number} is paid. Thank you!</Done>
            ) : (
              <>
                <p className="text-sm text-stone-600">If your bank asks you to confirm the payment (3-D Secure), a window opens for it.</p>
                <PaySubscriptionInvoice stripeJsUrl={stripeJsUrl} label={`Pay ${invoice.amount}`} pay={pay} settle={settle} onPaid={() => setPaid(true)} />
              </>
            )}
          </CardBody>
        </Card>
      )}
      <Card>
        <CardBody className="space-y-3">
          <h2 className="text-base font-semibold text-stone-900">{invoice ? "Use another card" : "Your card"}</h2>
          {cardSaved ? (
            <Done>Your card is saved. {invoice && !paid ? "You can now pay the invoice above." : "You can close this page."}</Done>
          ) : (
            <CardSetupCheckout stripeJsUrl={stripeJsUrl} open={open} complete={complete} onSaved={() => setCardSaved(true)} startLabel={invoice ? "Add another card" : "Add card"} />
          )}
        </CardBody>
      </Card>
    </div>
  );
}

"use client";
import { useCallback, useState } from "react";
import { CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card, CardBody } from "@/components/ui/card";
import { CardSetupCheckout } from "@/components/stripe/card-setup-checkout";
import { PaySubscriptionInvoice } from "@/components/stripe/pay-subscription-invoice";
import { completeCardLinkSetupAction, openCardLinkSetupAction, payCardLinkInvoiceAction, settleCardLinkInvoiceAction } from "./actions";

interface CardLinkFormProps {
  token: string;
  dojoName: string;
  firstName: string;
  stripeJsUrl: string | null;
  /** SEPA Direct Debit is offered besides cards: the words name both. */
  sepa?: boolean;
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

export function CardLinkForm({ token, dojoName, firstName, stripeJsUrl, sepa = false, invoice }: CardLinkFormProps) {
  const t = useTranslations("cardLink");
  const [cardSaved, setCardSaved] = useState(false);
  const [savedMethod, setSavedMethod] = useState<string | null>(null);
  const [paid, setPaid] = useState(invoice?.paid ?? false);
  const open = useCallback(() => openCardLinkSetupAction({ token }), [token]);
  const complete = useCallback((sessionId: string) => completeCardLinkSetupAction({ token, sessionId }), [token]);
  const pay = useCallback(() => payCardLinkInvoiceAction({ token, invoiceId: invoice!.id }), [token, invoice]);
  const settle = useCallback(() => settleCardLinkInvoiceAction({ token, invoiceId: invoice!.id }), [token, invoice]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-brand-700">{dojoName}</p>
        <h1 className="mt-1 text-2xl font-semibold text-stone-900">{t("hi", { name: firstName })}</h1>
        <p className="mt-2 text-sm text-stone-600">
          {invoice && !invoice.paid ? t("invoiceOpen", { number: invoice.number }) : t(sepa ? "addIntroSepa" : "addIntro", { dojo: dojoName })}
        </p>
      </div>
      {invoice && (
        <Card>
          <CardBody className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-base font-semibold text-stone-900">{t("invoice", { number: invoice.number })}</h2>
              <p className="text-lg font-semibold tabular-nums">{invoice.amount}</p>
            </div>
            {paid ? (
              <Done>{t("invoicePaid", { number: invoice.number })}</Done>
            ) : (
              <>
                <p className="text-sm text-stone-600">{t("threeDs")}</p>
                <PaySubscriptionInvoice stripeJsUrl={stripeJsUrl} label={t("pay", { amount: invoice.amount })} pay={pay} settle={settle} onPaid={() => setPaid(true)} />
              </>
            )}
          </CardBody>
        </Card>
      )}
      <Card>
        <CardBody className="space-y-3">
          <h2 className="text-base font-semibold text-stone-900">{invoice ? t("anotherCard") : sepa ? t("yourMethod") : t("yourCard")}</h2>
          {cardSaved ? (
            <Done>
              {sepa && savedMethod ? t("savedMethod", { method: savedMethod }) : t("saved")} {invoice && !paid ? t("savedPayAbove") : t("savedClose")}
            </Done>
          ) : (
            <CardSetupCheckout stripeJsUrl={stripeJsUrl} open={open} complete={complete} onSaved={(method) => {
                setSavedMethod(method);
                setCardSaved(true);
              }}
              startLabel={invoice ? t("addAnother") : sepa ? t("addMethod") : t("add")}
            />
          )}
        </CardBody>
      </Card>
    </div>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import type { PaymentMethod } from "@/lib/stripe/payment-methods";
import { savePaymentMethods } from "./actions";

/** Which methods members see in Checkout. Card is always on; the others exist only for EUR accounts. */
export function PaymentMethodsCard({ offered, enabled }: { offered: PaymentMethod[]; enabled: PaymentMethod[] }) {
  const t = useTranslations("staff.settings.stripe.methods");
  const toast = useToast();
  const router = useRouter();
  const [chosen, setChosen] = useState(() => new Set(enabled));
  const [busy, setBusy] = useState(false);
  const onlyCard = offered.length === 1;
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={
          onlyCard ? t("onlyCard") : t("description")
        }
      />
      <CardBody>
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            const result = await savePaymentMethods({ methods: [...chosen] });
            setBusy(false);
            if (!result.ok) return toast({ title: result.error, tone: "error" });
            toast({ title: t("saved"), tone: "success" });
            router.refresh();
          }}
        >
          <fieldset className="space-y-2">
            <legend className="sr-only">{t("title")}</legend>
            {offered.map((method) => (
              <label key={method} className="flex items-center gap-2 text-sm text-stone-800">
                <input
                  type="checkbox"
                  name="methods"
                  value={method}
                  className="size-4 rounded border-stone-300"
                  checked={method === "card" || chosen.has(method)}
                  disabled={method === "card"}
                  onChange={(ev) => {
                    const next = new Set(chosen);
                    if (ev.target.checked) next.add(method);
                    else next.delete(method);
                    setChosen(next);
                  }}
                />
                {t(`labels.${method}`)}
              </label>
            ))}
          </fieldset>
          {!onlyCard && (
            <Button type="submit" size="sm" disabled={busy}>
              {busy ? t("saving") : t("save")}
            </Button>
          )}
        </form>
      </CardBody>
    </Card>
  );
}

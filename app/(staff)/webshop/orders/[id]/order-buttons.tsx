"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { cancelOrderAction, fulfilOrderAction } from "../../actions";

export function OrderButtons({ id, number, canFulfil, canCancel, refund }: { id: string; number: number; canFulfil: boolean; canCancel: boolean; refund: string | null }) {
  const t = useTranslations("staff.webshop.order");
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  async function fulfil() {
    setPending(true);
    const result = await fulfilOrderAction({ id });
    setPending(false);
    toast(result.ok ? { title: t("markedFulfilled"), tone: "success" } : { title: result.error, tone: "error" });
    router.refresh();
  }
  async function cancel() {
    const result = await cancelOrderAction({ id });
    if (!result.ok) {
      toast({ title: result.error, tone: "error" });
      return false;
    }
    toast({ title: refund ? t("cancelledRefunded", { amount: refund }) : t("cancelledDone"), tone: "success" });
    router.refresh();
    return true;
  }
  return (
    <>
      {canCancel && (
        <ConfirmDialog
          trigger={<Button variant="secondary">{t("cancelOrder")}</Button>}
          title={t("cancelTitle", { number })}
          description={
            refund ? t("cancelRefundDescription", { amount: refund }) : t("cancelDescription")
          }
          confirmLabel={refund ? t("cancelAndRefund", { amount: refund }) : t("cancelOrder")}
          cancelLabel={t("keep")}
          destructive
          onConfirm={cancel}
        />
      )}
      {canFulfil && (
        <Button onClick={fulfil} pending={pending}>
          {t("markFulfilled")}
        </Button>
      )}
    </>
  );
}

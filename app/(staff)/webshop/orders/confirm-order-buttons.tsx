"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { cancelOrderAction, confirmOrderAction } from "../actions";

/**
 * "Confirm" and "Cancel" for a pay-at-the-dojo order nobody has confirmed yet; both ask first.
 * Confirming issues the invoice (the next gapless number), so it is not a casual click.
 */
export function ConfirmOrderButtons({ id, number, total, heldUntil, size = "md" }: { id: string; number: number; total: string; heldUntil: string | null; size?: "sm" | "md" }) {
  const t = useTranslations("staff.webshop.order");
  const router = useRouter();
  const toast = useToast();
  async function run(action: (input: { id: string }) => Promise<ActionResult<unknown>>, success: string) {
    const result = await action({ id });
    if (!result.ok) {
      toast({ title: result.error, tone: "error" });
      return false;
    }
    toast({ title: success, tone: "success" });
    router.refresh();
    return true;
  }
  return (
    <span className="flex flex-wrap gap-2">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size={size}>
            {t("cancel")}
          </Button>
        }
        title={t("cancelTitle", { number })}
        description={t("cancelUnconfirmedDescription")}
        confirmLabel={t("cancelOrder")}
        cancelLabel={t("keep")}
        destructive
        onConfirm={() => run(cancelOrderAction, t("cancelledNumber", { number }))}
      />
      <ConfirmDialog
        trigger={<Button size={size}>{t("confirm")}</Button>}
        title={t("confirmTitle", { number })}
        description={heldUntil ? t("confirmDescriptionHeld", { total, date: heldUntil }) : t("confirmDescription", { total })}
        confirmLabel={t("confirmOrder")}
        cancelLabel={t("notNow")}
        onConfirm={() => run(confirmOrderAction, t("confirmedNumber", { number }))}
      />
    </span>
  );
}

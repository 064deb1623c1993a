"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { cancelOrderAction, fulfilOrderAction } from "../../actions";

export function OrderButtons({ id, number, canFulfil, canCancel, refund }: { id: string; number: number; canFulfil: boolean; canCancel: boolean; refund: string | null }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  async function fulfil() {
    setPending(true);
    const result = await fulfilOrderAction({ id });
    setPending(false);
    toast(result.ok ? { title: "Order marked as fulfilled", tone: "success" } : { title: result.error, tone: "error" });
    router.refresh();
  }
  async function cancel() {
    const result = await cancelOrderAction({ id });
    if (!result.ok) {
      toast({ title: result.error, tone: "error" });
      return false;
    }
    toast({ title: refund ? `Order cancelled and ${refund} refunded` : "Order cancelled", tone: "success" });
    router.refresh();
    return true;
  }
  return (
    <>
      {canCancel && (
        <ConfirmDialog
          trigger={<Button variant="secondary">Cancel order</Button>}
          title={`Cancel order #${number}?`}
          description={
            refund
              ? `${refund} is refunded to the buyer's card through Stripe, and the items go back into stock. This cannot be undone.`
              : "The items go back into stock and an open invoice is voided. This cannot be undone."
          }
          confirmLabel={refund ? `Cancel and refund ${refund}` : "Cancel order"}
          cancelLabel="Keep order"
          destructive
          onConfirm={cancel}
        />
      )}
      {canFulfil && (
        <Button onClick={fulfil} pending={pending}>
          Mark fulfilled
        </Button>
      )}
    </>
  );
}

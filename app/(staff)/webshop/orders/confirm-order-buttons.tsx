"use client";
import { useRouter } from "next/navigation";
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
            Cancel
          </Button>
        }
        title={`Cancel order #${number}?`}
        description="The items go back into stock. Nothing was invoiced or paid yet. This cannot be undone."
        confirmLabel="Cancel order"
        cancelLabel="Keep order"
        destructive
        onConfirm={() => run(cancelOrderAction, `Order #${number} cancelled`)}
      />
      <ConfirmDialog
        trigger={<Button size={size}>Confirm</Button>}
        title={`Confirm order #${number}?`}
        description={`An invoice of ${total} is issued to the buyer now, with your next invoice number, and the items stay set aside until the order is paid or cancelled${heldUntil ? ` (otherwise they go back on sale on ${heldUntil})` : ""}.`}
        confirmLabel="Confirm order"
        cancelLabel="Not now"
        onConfirm={() => run(confirmOrderAction, `Order #${number} confirmed and invoiced`)}
      />
    </span>
  );
}

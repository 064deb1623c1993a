"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { disconnectStripeAccount } from "./actions";

export function DisconnectButton() {
  const toast = useToast();
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          Disconnect
        </Button>
      }
      title="Disconnect Stripe?"
      description="The webhook endpoint is deleted in Stripe and the keys are removed from Tatami. Card payments stop until Stripe is connected again; payments already recorded stay."
      confirmLabel="Disconnect"
      destructive
      onConfirm={async () => {
        const result = await disconnectStripeAccount({});
        toast(result.ok ? { title: "Stripe was disconnected", tone: "success" } : { title: result.error, tone: "error" });
        if (result.ok) router.refresh();
        return result.ok;
      }}
    />
  );
}

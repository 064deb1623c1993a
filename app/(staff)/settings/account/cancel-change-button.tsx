"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { cancelScheduledChangeAction } from "./actions";

export function CancelChangeButton({ planName }: { planName: string }) {
  const toast = useToast();
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          Keep {planName}
        </Button>
      }
      title={`Keep the ${planName} plan?`}
      description={`The scheduled change is cancelled and your dojo stays on ${planName}, renewing at its price.`}
      confirmLabel={`Keep ${planName}`}
      onConfirm={async () => {
        const result = await cancelScheduledChangeAction({});
        toast(result.ok ? { title: `Your dojo stays on ${planName}`, tone: "success" } : { title: result.error, tone: "error" });
        if (result.ok) router.refresh();
        return result.ok;
      }}
    />
  );
}

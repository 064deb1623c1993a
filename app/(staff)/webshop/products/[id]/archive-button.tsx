"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { setProductActiveAction } from "../../actions";

/** Archiving takes a product out of the shop; orders keep their copy of it. */
export function ArchiveButton({ id, active, name }: { id: string; active: boolean; name: string }) {
  const router = useRouter();
  const toast = useToast();
  async function set(next: boolean) {
    const result = await setProductActiveAction({ id, active: next });
    if (!result.ok) {
      toast({ title: result.error, tone: "error" });
      return false;
    }
    toast({ title: next ? "Back in the shop" : "Product archived", tone: "success" });
    router.refresh();
    return true;
  }
  if (!active) {
    return (
      <Button variant="secondary" onClick={() => set(true)}>
        Restore to the shop
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Archive</Button>}
      title={`Archive “${name}”?`}
      description="It disappears from the shop and can no longer be ordered. Placed orders are not affected, and you can restore it later."
      confirmLabel="Archive"
      destructive
      onConfirm={() => set(false)}
    />
  );
}

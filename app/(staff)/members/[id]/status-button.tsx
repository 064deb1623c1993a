"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { deactivateMember, reactivateMember } from "../actions";

export function MemberStatusButton({ id, name, active }: { id: string; name: string; active: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const run = async () => {
    const result = await (active ? deactivateMember : reactivateMember)({ id });
    if (!result.ok) {
      toast({ title: result.error, tone: "error" });
      return false;
    }
    toast({ title: active ? `${name} was deactivated` : `${name} is active again`, tone: "success" });
    router.refresh();
    return true;
  };
  return active ? (
    <ConfirmDialog
      trigger={<Button variant="secondary">Deactivate</Button>}
      title={`Deactivate ${name}?`}
      description="They are logged out of the members area and can no longer log in. Their invoices and history stay, and you can reactivate them at any time."
      confirmLabel="Deactivate"
      destructive
      onConfirm={run}
    />
  ) : (
    <ConfirmDialog
      trigger={<Button variant="secondary">Reactivate</Button>}
      title={`Reactivate ${name}?`}
      description="They appear among active members again and can log into the members area with their password."
      confirmLabel="Reactivate"
      onConfirm={run}
    />
  );
}

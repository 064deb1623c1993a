"use client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { revokeStaffInvitation } from "./actions";

export function RevokeInvitationButton({ invitation }: { invitation: { id: string; name: string } }) {
  const toast = useToast();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          Revoke
        </Button>
      }
      title="Revoke this invitation?"
      description={`The link sent to ${invitation.name} stops working. You can invite them again later.`}
      confirmLabel="Revoke invitation"
      destructive
      onConfirm={async () => {
        const result = await revokeStaffInvitation({ invitationId: invitation.id });
        toast(result.ok ? { title: "Invitation revoked", tone: "success" } : { title: result.error, tone: "error" });
        return result.ok;
      }}
    />
  );
}

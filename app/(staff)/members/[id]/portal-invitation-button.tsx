"use client";
import { MailPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { sendPortalInvitationAction } from "./invitation-actions";

export function PortalInvitationButton({ id, name, email }: { id: string; name: string; email: string | null }) {
  const toast = useToast();
  const trigger = (
    <Button variant="secondary" disabled={!email} title={email ? undefined : "Add an e-mail address first"}>
      <MailPlus className="size-4" aria-hidden />
      Send members-area invitation
    </Button>
  );
  if (!email) return trigger;
  return (
    <ConfirmDialog
      trigger={trigger}
      title="Invite to the members area?"
      description={`${name} gets an e-mail at ${email} with their UID and a link to choose a password. The link works once, for 7 days.`}
      confirmLabel="Send invitation"
      onConfirm={async () => {
        const result = await sendPortalInvitationAction({ id });
        if (result.ok) toast({ title: `Invitation sent to ${result.data.email}`, tone: "success" });
        else toast({ title: result.error, tone: "error" });
        return result.ok;
      }}
    />
  );
}

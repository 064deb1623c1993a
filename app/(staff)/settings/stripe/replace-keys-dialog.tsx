"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConnectForm } from "./connect-form";

export function ReplaceKeysDialog({ currency }: { currency: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Replace Stripe keys"
      description="The keys are checked with Stripe and a new webhook endpoint replaces the current one. If the check fails, the current connection stays as it is."
      trigger={
        <Button variant="secondary" size="sm">
          Replace keys
        </Button>
      }
    >
      <ConnectForm defaultCurrency={currency} submitLabel="Check and save" onDone={() => setOpen(false)} />
    </Dialog>
  );
}

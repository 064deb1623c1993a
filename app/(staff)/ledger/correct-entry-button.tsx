"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { correctEntry } from "./actions";

/** "Correct…": books the entry's exact opposite, with a reason, after asking. */
export function CorrectEntryButton({ id, summary }: { id: string; summary: string }) {
  const router = useRouter();
  const toast = useToast();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          Correct…
        </Button>
      }
      title="Correct this entry?"
      description={
        <>
          A new entry with the opposite amount is added on the same date, cancelling <strong className="font-medium text-stone-800">{summary}</strong>. The original stays in the ledger. Add the right entry
          afterwards if one is needed.
        </>
      }
      confirmLabel="Add correction"
      destructive
      onConfirm={async () => {
        setError(undefined);
        const result = await correctEntry({ entryId: id, reason });
        if (!result.ok) {
          const fieldError = result.fieldErrors?.reason?.[0];
          if (fieldError) setError(fieldError);
          else toast({ title: result.error, tone: "error" });
          return false;
        }
        toast({ title: "Correction added", tone: "success" });
        setReason("");
        router.refresh();
        return true;
      }}
    >
      <Field label="Reason" error={error}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder="e.g. Booked twice" />
      </Field>
    </ConfirmDialog>
  );
}

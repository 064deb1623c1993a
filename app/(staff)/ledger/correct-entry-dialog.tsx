"use client";
import { useState, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { correctEntry } from "./actions";

interface CorrectEntryDialogProps {
  id: string;
  summary: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: RefObject<HTMLElement | null>;
}

/** Asks for a reason, then books the entry's exact opposite. Loaded on the first click of "Correct…". */
export function CorrectEntryDialog({ id, summary, open, onOpenChange, returnFocusTo }: CorrectEntryDialogProps) {
  const router = useRouter();
  const t = useTranslations("staff.ledger.correct");
  const toast = useToast();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title={t("title")}
      description={t.rich("description", { summary, strong: (chunks) => <strong className="font-medium text-stone-800">{chunks}</strong> })}
      confirmLabel={t("confirm")}
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
        toast({ title: t("done"), tone: "success" });
        setReason("");
        router.refresh();
        return true;
      }}
    >
      <Field label={t("reason")} error={error}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder={t("reasonPlaceholder")} />
      </Field>
    </ConfirmDialog>
  );
}

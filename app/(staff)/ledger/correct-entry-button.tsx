"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { correctEntry } from "./actions";

/** "Correct…": books the entry's exact opposite, with a reason, after asking. */
export function CorrectEntryButton({ id, summary }: { id: string; summary: string }) {
  const router = useRouter();
  const t = useTranslations("staff.ledger.correct");
  const toast = useToast();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          {t("button")}
        </Button>
      }
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

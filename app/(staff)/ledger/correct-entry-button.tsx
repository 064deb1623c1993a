"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useLazyDialog } from "@/components/ui/use-lazy-dialog";

// The dialog (Radix AlertDialog, the form) loads on the click: a page of 25 entries drew 25 of them
// on the server for nothing.
const loadDialog = () => import("./correct-entry-dialog");
const CorrectEntryDialog = dynamic(() => loadDialog().then((m) => m.CorrectEntryDialog), { ssr: false });

/** "Correct…": books the entry's exact opposite, with a reason, after asking. */
export function CorrectEntryButton({ id, summary }: { id: string; summary: string }) {
  const t = useTranslations("staff.ledger.correct");
  const dialog = useLazyDialog(loadDialog);
  return (
    <>
      <Button variant="ghost" size="sm" {...dialog.trigger}>
        {t("button")}
      </Button>
      {dialog.loaded && <CorrectEntryDialog id={id} summary={summary} open={dialog.open} onOpenChange={dialog.setOpen} returnFocusTo={dialog.returnFocusTo} />}
    </>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { setProductActiveAction } from "../../actions";

/** Archiving takes a product out of the shop; orders keep their copy of it. */
export function ArchiveButton({ id, active, name }: { id: string; active: boolean; name: string }) {
  const t = useTranslations("staff.webshop.product");
  const router = useRouter();
  const toast = useToast();
  async function set(next: boolean) {
    const result = await setProductActiveAction({ id, active: next });
    if (!result.ok) {
      toast({ title: result.error, tone: "error" });
      return false;
    }
    toast({ title: next ? t("backInShop") : t("archivedDone"), tone: "success" });
    router.refresh();
    return true;
  }
  if (!active) {
    return (
      <Button variant="secondary" onClick={() => set(true)}>
        {t("restore")}
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("archive")}</Button>}
      title={t("archiveTitle", { name })}
      description={t("archiveDescription")}
      confirmLabel={t("archive")}
      destructive
      onConfirm={() => set(false)}
    />
  );
}

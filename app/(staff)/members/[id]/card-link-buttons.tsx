"use client";
import { useState } from "react";
import { Link2, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { copyCardLinkAction, newCardLinkAction } from "./stripe-actions";

/** "Copy card link" and "New link": the member's own /card/<token> page to add a card. Sits in a flex-wrap row. */
export function CardLinkButtons({ memberId }: { memberId: string }) {
  const toast = useToast();
  const t = useTranslations("staff.members.member.cardLink");
  const [url, setUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function show(
    result: Awaited<ReturnType<typeof copyCardLinkAction>>,
    fresh: boolean,
  ) {
    if (!result.ok) {
      toast({ tone: "error", title: result.error });
      return false;
    }
    setUrl(result.data.url);
    try {
      await navigator.clipboard.writeText(result.data.url);
      toast({
        tone: "success",
        title: fresh ? t("newCopied") : t("copied"),
        description: fresh ? t("previousDead") : t("sendIt"),
      });
    } catch {
      toast({ tone: "info", title: t("copyByHand") });
    }
    return true;
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        pending={pending}
        onClick={async () => {
          setPending(true);
          await show(await copyCardLinkAction({ memberId }), false);
          setPending(false);
        }}
      >
        <Link2 className="size-4" aria-hidden />
        {t("copy")}
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm">
            <RefreshCw className="size-4" aria-hidden />
            {t("new")}
          </Button>
        }
        title={t("newTitle")}
        description={t("newDescription")}
        confirmLabel={t("newConfirm")}
        destructive
        onConfirm={async () =>
          show(await newCardLinkAction({ memberId }), true)
        }
      />
      {url && (
        <Input
          readOnly
          value={url}
          aria-label={t("label")}
          className="basis-full font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="card-link-url"
        />
      )}
    </>
  );
}

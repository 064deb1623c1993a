"use client";
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";

export function CopyUid({ uid }: { uid: string }) {
  const toast = useToast();
  const t = useTranslations("staff.members.member.copy");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(uid);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          toast({ title: t("failed"), description: t("failedHint"), tone: "error" });
        }
      }}
      className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-stone-600 hover:bg-stone-100 hover:text-stone-900"
      aria-label={copied ? t("copiedLabel") : t("label")}
    >
      {copied ? <Check className="size-4 text-emerald-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      {copied ? t("copied") : t("copy")}
    </button>
  );
}

"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";
import { setMembersMayPauseAction } from "./actions";

/** The dojo's setting: members pause and resume their own subscription in the members area. */
export function MembersMayPauseToggle({ allowed, canManage }: { allowed: boolean; canManage: boolean }) {
  const toast = useToast();
  const t = useTranslations("staff.members.plans.pause");
  const [value, setValue] = useState(allowed);
  const [pending, setPending] = useState(false);
  return (
    <label className="flex items-start gap-3 text-sm text-stone-700">
      <input
        type="checkbox"
        className="mt-0.5 size-4 accent-brand-600"
        checked={value}
        disabled={!canManage || pending}
        onChange={async (e) => {
          const next = e.target.checked;
          setPending(true);
          const result = await setMembersMayPauseAction({ allowed: next });
          setPending(false);
          if (!result.ok) return toast({ tone: "error", title: result.error });
          setValue(next);
          toast({ tone: "success", title: next ? t("allowed") : t("staffOnly") });
        }}
      />
      <span>
        <span className="font-medium text-stone-900">{t("label")}</span>
        <span className="block text-stone-500">{t("description")}</span>
      </span>
    </label>
  );
}

"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { LanguageOptions } from "@/components/i18n/language-options";
import type { Locale } from "@/lib/i18n/locales";
import { setMyLanguageAction } from "./actions";

/** The member's own language for the members area and their mails; the page re-renders in it. */
export function LanguagePicker({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  return (
    <Select
      aria-label={label}
      value={current}
      disabled={pending}
      className="h-8 w-auto py-0 pr-7 pl-2"
      data-testid="language-picker"
      onChange={(e) => {
        // The action checks it against the four; the options offer only those.
        const language = e.target.value as Locale;
        startTransition(async () => {
          const result = await setMyLanguageAction({ language });
          if (!result.ok) return toast({ tone: "error", title: result.error });
          router.refresh();
        });
      }}
    >
      <LanguageOptions />
    </Select>
  );
}

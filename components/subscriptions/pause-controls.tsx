"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { addDays, formatDate } from "@/lib/dates";

type PauseInput = { subscriptionId: string; resumeOn: string; attempt: string };
type ResumeInput = { subscriptionId: string; attempt: string };

interface PauseControlsProps {
  subscriptionId: string;
  planName: string;
  /** null: collecting. */
  paused: { resumesOn: string | null } | null;
  /** The dojo's today (YYYY-MM-DD): the earliest resume date is the day after. */
  today: string;
  /** The member's first name for staff; left out in the members area (the member pauses their own). */
  who?: string;
  pause: (input: PauseInput) => Promise<ActionResult<unknown>>;
  resume: (input: ResumeInput) => Promise<ActionResult<unknown>>;
}

/**
 * Pause (after a confirmation naming what happens) or resume a subscription; shared by the member
 * page (staff) and the members area. The server action decides who may do it.
 */
export function PauseControls({ subscriptionId, planName, paused, today, who, pause, resume }: PauseControlsProps) {
  const t = useTranslations("components.pause");
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [resumeOn, setResumeOn] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [resuming, setResuming] = useState(false);
  const tomorrow = addDays(today, 1);

  if (paused) {
    return (
      <Button
        variant="secondary"
        size="sm"
        pending={resuming}
        onClick={async () => {
          setResuming(true);
          const result = await resume({ subscriptionId, attempt: crypto.randomUUID() });
          setResuming(false);
          if (!result.ok) return toast({ tone: "error", title: result.error });
          toast({ tone: "success", title: t("resumed") });
          router.refresh();
        }}
      >
        {t("resume")}
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          {t("pause")}
        </Button>
      }
      title={t("title", { plan: planName })}
      description={who ? t("descriptionFor", { name: who }) : t("descriptionSelf")}
      confirmLabel={t("confirm")}
      onConfirm={async () => {
        const result = await pause({ subscriptionId, resumeOn, attempt });
        if (!result.ok) {
          setError(result.fieldErrors?.resumeOn?.[0] ?? result.error);
          return false;
        }
        setAttempt(crypto.randomUUID());
        setError(undefined);
        toast({ tone: "success", title: resumeOn ? t("pausedUntil", { date: formatDate(resumeOn, "UTC", locale) }) : t("pausedIndefinitely") });
        router.refresh();
        return true;
      }}
    >
      <Field label={t("resumeOn")} hint={t("resumeOnHint")} error={error}>
        <Input type="date" min={tomorrow} value={resumeOn} onChange={(e) => setResumeOn(e.target.value)} />
      </Field>
    </ConfirmDialog>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { setPortalPassword } from "../actions";

// Lowercase letters and digits without look-alikes, in groups: easy to read out or write down.
const READABLE = "23456789abcdefghjkmnpqrstuvwxyz";
function readablePassword(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(12));
  const chars = Array.from(bytes, (b) => READABLE[b % READABLE.length]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

export function PortalPasswordDialog({ id, name, uid, hasPassword }: { id: string; name: string; uid: string; hasPassword: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const t = useTranslations("staff.members.member.password");
  const { form, submit, formError, pending } = useActionForm<{ password: string }, { id: string }>({
    action: ({ password }) => setPortalPassword({ id, password }),
    defaultValues: { password: "" },
    successMessage: t("saved", { name }),
    onSuccess: () => {
      setOpen(false);
      form.reset({ password: "" });
      router.refresh();
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary">
          <KeyRound className="size-4" aria-hidden />
          {hasPassword ? t("change") : t("set")}
        </Button>
      }
      title={t("title")}
      description={
        <>
          {t.rich("description", { name, uid, code: (chunks) => <span className="font-mono font-semibold">{chunks}</span> })}
          {hasPassword && t("logsOut")}
        </>
      }
    >
      <form method="post" onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label={t("new")} error={form.formState.errors.password?.message} hint={t("newHint")}>
          <Input type="text" autoComplete="new-password" spellCheck={false} className="font-mono" {...form.register("password")} />
        </Field>
        <div className="flex flex-wrap justify-between gap-2">
          <Button type="button" variant="ghost" onClick={() => form.setValue("password", readablePassword(), { shouldDirty: true })}>
            {t("generate")}
          </Button>
          <Button type="submit" pending={pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

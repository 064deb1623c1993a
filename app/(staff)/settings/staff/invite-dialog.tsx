"use client";
import { useState } from "react";
import { Check, Copy, UserPlus } from "lucide-react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { inviteSchema, type InviteInput } from "@/lib/staff/schemas";
import { inviteStaffMember } from "./actions";
import { RoleOptions } from "./role-options";

export function InviteDialog({ disabled }: { disabled?: boolean }) {
  const t = useTranslations("staff.settings.staff.invite");
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [emailed, setEmailed] = useState<string | null>(null);
  const { form, submit, formError, pending } = useActionForm<InviteInput, { url: string; emailed: string | null }>({
    action: inviteStaffMember,
    resolver: zodResolver(inviteSchema),
    defaultValues: { role: "staff" },
    onSuccess: (data) => {
      setLink(data.url);
      setEmailed(data.emailed);
    },
  });
  const e = form.formState.errors;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setLink(null);
      form.reset();
    }
  }

  const trigger = (
    <Button disabled={disabled}>
      <UserPlus className="size-4" aria-hidden /> {t("button")}
    </Button>
  );
  // The page says why; the server refuses anyway when the plan is full. An invitation that just
  // filled the last seat still shows its link: it is only shown this once.
  if (disabled && !open) return trigger;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={link ? t("readyTitle") : t("title")}
      description={
        link
          ? emailed
            ? t("emailed", { email: emailed })
            : t("notEmailed")
          : t("description")
      }
      trigger={trigger}
    >
      {link ? (
        <div className="space-y-4">
          <CopyLink url={link} />
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t("done")}
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <FormError message={formError} />
          <Field label={t("name")} error={e.name?.message}>
            <Input autoComplete="off" {...form.register("name")} />
          </Field>
          <Field label={t("email")} error={e.email?.message} hint={t("emailHint")}>
            <Input type="email" autoComplete="off" {...form.register("email")} />
          </Field>
          <Field label={t("role")} error={e.role?.message}>
            <Select {...form.register("role")}>
              <RoleOptions />
            </Select>
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" pending={pending}>
              {t("create")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function CopyLink({ url }: { url: string }) {
  const t = useTranslations("staff.settings.staff.invite");
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium text-stone-700" htmlFor="invitation-link">
        {t("link")}
      </label>
      <div className="flex gap-2">
        <Input id="invitation-link" readOnly value={url} onFocus={(ev) => ev.currentTarget.select()} className="font-mono text-xs sm:text-xs" />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? <Check className="size-4 text-emerald-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}

"use client";
import { useState } from "react";
import { Check, Copy, UserPlus } from "lucide-react";
import { zodResolver } from "@hookform/resolvers/zod";
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
      <UserPlus className="size-4" aria-hidden /> Invite
    </Button>
  );
  // The page says why; the server refuses anyway when the plan is full. An invitation that just
  // filled the last seat still shows its link: it is only shown this once.
  if (disabled && !open) return trigger;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={link ? "Invitation ready" : "Invite a staff member"}
      description={
        link
          ? emailed
            ? `We e-mailed the link to ${emailed}. You can also pass it on yourself: it works once, for 7 days.`
            : "The e-mail could not be sent: send this link to them yourself. It works once, for 7 days."
          : "They get an e-mail with a link to set their own password."
      }
      trigger={trigger}
    >
      {link ? (
        <div className="space-y-4">
          <CopyLink url={link} />
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <FormError message={formError} />
          <Field label="Name" error={e.name?.message}>
            <Input autoComplete="off" {...form.register("name")} />
          </Field>
          <Field label="E-mail" error={e.email?.message} hint="They log in with this address.">
            <Input type="email" autoComplete="off" {...form.register("email")} />
          </Field>
          <Field label="Role" error={e.role?.message}>
            <Select {...form.register("role")}>
              <RoleOptions />
            </Select>
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Create invitation
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium text-stone-700" htmlFor="invitation-link">
        Invitation link
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
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { KeyRound } from "lucide-react";
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
  const { form, submit, formError, pending } = useActionForm<{ password: string }, { id: string }>({
    action: ({ password }) => setPortalPassword({ id, password }),
    defaultValues: { password: "" },
    successMessage: `Portal password set for ${name}`,
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
          {hasPassword ? "Change portal password" : "Set portal password"}
        </Button>
      }
      title="Portal password"
      description={
        <>
          {name} logs into the members area with UID <span className="font-mono font-semibold">{uid}</span> and this password.
          {hasPassword && " Setting a new one logs them out everywhere."}
        </>
      }
    >
      <form method="post" onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label="New password" error={form.formState.errors.password?.message} hint="At least 10 characters. Tell it to the member; it is not shown again.">
          <Input type="text" autoComplete="new-password" spellCheck={false} className="font-mono" {...form.register("password")} />
        </Field>
        <div className="flex flex-wrap justify-between gap-2">
          <Button type="button" variant="ghost" onClick={() => form.setValue("password", readablePassword(), { shouldDirty: true })}>
            Generate one
          </Button>
          <Button type="submit" pending={pending}>
            Set password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

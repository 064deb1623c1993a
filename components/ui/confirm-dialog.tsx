"use client";
import { useState, type ReactNode, type RefObject } from "react";
import { AlertDialog as A } from "radix-ui";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { returnFocus } from "./dialog";

interface ConfirmDialogProps {
  /** Opens the dialog; without one, the caller opens it through `open` (a question the server asked). */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** The button that closes the dialog without doing anything ("Keep order" where "Cancel" would be ambiguous). */
  cancelLabel?: string;
  destructive?: boolean;
  /** Resolve true to close the dialog; false keeps it open (e.g. the action failed). */
  onConfirm: () => Promise<boolean> | boolean;
  children?: ReactNode;
  /** Without a `trigger` (a dialog whose code loads on the opener's click): where focus goes back on close. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/** Asks before anything destructive or irreversible. */
export function ConfirmDialog({ trigger, open: controlledOpen, onOpenChange, title, description, confirmLabel, cancelLabel, destructive, onConfirm, children, returnFocusTo }: ConfirmDialogProps) {
  const t = useTranslations("ui");
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  };
  const [pending, setPending] = useState(false);
  return (
    <A.Root open={open} onOpenChange={setOpen}>
      {trigger && <A.Trigger asChild>{trigger}</A.Trigger>}
      <A.Portal>
        {/* Above a dialog it may be asked from (e.g. Replace keys), which then dims behind it. */}
        <A.Overlay className="fixed inset-0 z-[60] bg-stone-900/40" />
        <A.Content onCloseAutoFocus={returnFocusTo ? (event) => returnFocus(event, returnFocusTo) : undefined} className="fixed top-1/2 left-1/2 z-[70] w-[calc(100vw-1.5rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl">
          <A.Title className="text-lg font-semibold">{title}</A.Title>
          <A.Description className="mt-2 text-sm text-stone-600">{description}</A.Description>
          {children && <div className="mt-4">{children}</div>}
          <div className="mt-6 flex justify-end gap-2">
            <A.Cancel asChild>
              <Button variant="secondary">{cancelLabel ?? t("cancel")}</Button>
            </A.Cancel>
            <Button
              variant={destructive ? "danger" : "primary"}
              pending={pending}
              onClick={async () => {
                setPending(true);
                try {
                  if (await onConfirm()) setOpen(false);
                } finally {
                  setPending(false);
                }
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}

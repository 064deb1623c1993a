"use client";
import type { ReactNode, RefObject } from "react";
import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

interface DialogProps {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger?: ReactNode;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  wide?: boolean;
  /** Without a `trigger` (a dialog whose code loads on the opener's click): where focus goes back on close. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/** A modal dialog; on phones it fills the width and scrolls. */
export function Dialog({ open, onOpenChange, trigger, title, description, children, wide, returnFocusTo }: DialogProps) {
  const t = useTranslations("ui");
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <D.Trigger asChild>{trigger}</D.Trigger>}
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-stone-900/40 data-[state=open]:animate-in" />
        <D.Content
          onCloseAutoFocus={returnFocusTo ? (event) => returnFocus(event, returnFocusTo) : undefined}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 max-h-[92dvh] w-[calc(100vw-1.5rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-5 shadow-xl focus:outline-none",
            wide ? "max-w-3xl" : "max-w-lg",
          )}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <D.Title className="text-lg font-semibold text-stone-900">{title}</D.Title>
              {description ? <D.Description className="mt-1 text-sm text-stone-500">{description}</D.Description> : <D.Description className="sr-only">{title}</D.Description>}
            </div>
            <D.Close className="rounded-md p-1 text-stone-500 hover:bg-stone-100" aria-label={t("close")}>
              <X className="size-5" />
            </D.Close>
          </div>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

export const DialogClose = D.Close;

/** Radix returns focus to its own Trigger; a dialog opened by a button outside Radix sends it back there. */
export function returnFocus(event: Event, to: RefObject<HTMLElement | null>) {
  event.preventDefault();
  to.current?.focus();
}

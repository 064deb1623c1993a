"use client";
import { useRef, useState } from "react";

/**
 * The opener of a dialog whose code (Radix, Stripe's checkout hook) is loaded on the first click
 * through `next/dynamic`, so a page's first load carries only the button. Radix's Trigger lives in
 * that code, so the button says itself what it opens (aria-haspopup, aria-expanded) and the dialog
 * sends focus back to it on close (`returnFocusTo` of Dialog and ConfirmDialog). Hovering or
 * focusing the button starts the download, so the dialog is usually there by the click.
 */
export function useLazyDialog(preload: () => Promise<unknown>) {
  const ref = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const warm = () => void preload().catch(() => {}); // a failed preload is retried by the click's own import
  const trigger = {
    ref,
    "aria-haspopup": "dialog" as const,
    "aria-expanded": open,
    onPointerEnter: warm,
    onFocus: warm,
    onClick: () => {
      setLoaded(true);
      setOpen(true);
    },
  };
  return { trigger, open, setOpen, loaded, returnFocusTo: ref };
}

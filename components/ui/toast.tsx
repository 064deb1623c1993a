"use client";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

// Plain React rather than Radix Toast: the provider sits in the root layout, so whatever it pulls
// in is first-load JavaScript of every page, the public shop and card-link pages too (issue 18).
// Each toast is a polite live region (role="status"), gone after five seconds or on its button.
// Only keyboard focus holds it: a pointer merely passing over (on its way to the button the toast
// happens to cover) must not keep it there for good.
// The provider sits above every page's language, so a toast brings its own words, in the language
// of the page that raised it.

type Tone = "success" | "error" | "info";
interface ToastItem {
  id: number;
  title: string;
  description?: string;
  tone: Tone;
  dismissLabel: string;
  regionLabel: string;
}

type ToastInput = Pick<ToastItem, "title" | "description" | "tone">;

const DURATION_MS = 5000;

const ToastContext = createContext<(t: Omit<ToastItem, "id">) => void>(() => {});

export function useToast() {
  const push = useContext(ToastContext);
  const t = useTranslations("ui.toast");
  return useCallback((toast: ToastInput) => push({ ...toast, dismissLabel: t("dismiss"), regionLabel: t("region") }), [push, t]);
}

let nextId = 1;

function Toast({ item, onClose }: { item: ToastItem; onClose: () => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(onClose, DURATION_MS);
    return () => clearTimeout(timer);
  }, [paused, onClose]);
  return (
    <li
      role="status"
      aria-live="polite"
      aria-atomic
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn("relative rounded-lg border bg-white p-4 pr-9 shadow-lg", item.tone === "error" ? "border-red-200" : item.tone === "success" ? "border-emerald-200" : "border-stone-200")}
    >
      <div className={cn("text-sm font-semibold", item.tone === "error" ? "text-red-700" : item.tone === "success" ? "text-emerald-700" : "text-stone-900")}>{item.title}</div>
      {item.description && <div className="mt-1 text-sm text-stone-600">{item.description}</div>}
      <button type="button" onClick={onClose} aria-label={item.dismissLabel} className="absolute top-2 right-2 rounded px-1.5 text-stone-400 hover:text-stone-700">
        ×
      </button>
    </li>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const push = useCallback((t: Omit<ToastItem, "id">) => setItems((list) => [...list, { ...t, id: nextId++ }]), []);
  const close = useCallback((id: number) => setItems((list) => list.filter((i) => i.id !== id)), []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <section aria-label={items.at(-1)?.regionLabel}>
        <ol className="fixed right-0 bottom-0 z-[100] flex w-full max-w-sm flex-col gap-2 p-4 outline-none empty:hidden">
          {items.map((item) => (
            <ToastItemWithClose key={item.id} item={item} close={close} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItemWithClose({ item, close }: { item: ToastItem; close: (id: number) => void }) {
  const onClose = useCallback(() => close(item.id), [close, item.id]);
  return <Toast item={item} onClose={onClose} />;
}

"use client";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { Toast as T } from "radix-ui";
import { cn } from "@/lib/cn";

type Tone = "success" | "error" | "info";
interface ToastItem {
  id: number;
  title: string;
  description?: string;
  tone: Tone;
}

const ToastContext = createContext<(t: Omit<ToastItem, "id">) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const push = useCallback((t: Omit<ToastItem, "id">) => setItems((list) => [...list, { ...t, id: nextId++ }]), []);
  return (
    <ToastContext.Provider value={push}>
      <T.Provider swipeDirection="right" duration={5000}>
        {children}
        {items.map((item) => (
          <T.Root
            key={item.id}
            onOpenChange={(open) => !open && setItems((list) => list.filter((i) => i.id !== item.id))}
            className={cn(
              "rounded-lg border bg-white p-4 shadow-lg",
              item.tone === "error" ? "border-red-200" : item.tone === "success" ? "border-emerald-200" : "border-stone-200",
            )}
          >
            <T.Title className={cn("text-sm font-semibold", item.tone === "error" ? "text-red-700" : item.tone === "success" ? "text-emerald-700" : "text-stone-900")}>
              {item.title}
            </T.Title>
            {item.description && <T.Description className="mt-1 text-sm text-stone-600">{item.description}</T.Description>}
          </T.Root>
        ))}
        <T.Viewport className="fixed right-0 bottom-0 z-[100] flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
      </T.Provider>
    </ToastContext.Provider>
  );
}

"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Re-reads the page's server data when the person comes back to the tab, and every `everyMs`
 * while it is visible: a payment made elsewhere (the member in the members area, a webhook, a
 * colleague at another desk) shows without a reload. Skipped while a dialog is open, so nothing
 * changes under someone's hands; client state (typed text, open menus) survives a refresh anyway.
 */
export function KeepFresh({ everyMs = 15_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== "visible" || document.querySelector('[role="dialog"]')) return;
      router.refresh();
    };
    const timer = setInterval(refresh, everyMs);
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [everyMs, router]);
  return null;
}

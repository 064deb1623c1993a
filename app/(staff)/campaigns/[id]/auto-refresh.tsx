"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-reads the page every few seconds while the campaign is being sent. */
export function AutoRefresh({ active, everyMs = 1500 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}

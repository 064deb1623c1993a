"use client";
import { useRouter } from "next/navigation";

/**
 * For actions that answer `{ redirectTo }` after a login or session change: go there without
 * keeping the form in history, and re-render server components under the new session.
 */
export function useFollowRedirect() {
  const router = useRouter();
  return (data: { redirectTo: string }) => {
    router.replace(data.redirectTo);
    router.refresh();
  };
}

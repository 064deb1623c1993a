"use client";
import { useEffect, useRef, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { confirmMemberCheckoutAction } from "./card-actions";

type Notice = { tone: "success" | "error" | "info"; text: string };

const TONES = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  error: "border-red-200 bg-red-50 text-red-700",
  info: "border-stone-200 bg-stone-50 text-stone-700",
} as const;

/**
 * When Stripe sent the member back here (`?checkout_session=cs_…`, after a payment method that
 * leaves the page), the server checks the session with Stripe and this says how it went.
 */
export function CheckoutReturn() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const t = useTranslations("portal.pay");
  const sessionId = params.get("checkout_session");
  const [notice, setNotice] = useState<Notice | null>(null);
  const handled = useRef<string | null>(null);

  useEffect(() => {
    if (!sessionId || handled.current === sessionId) return;
    handled.current = sessionId;
    void confirmMemberCheckoutAction({ sessionId }).then((result) => {
      if (!result.ok) setNotice({ tone: "error", text: result.error });
      else if (result.data.outcome === "paid") setNotice({ tone: "success", text: t("returnPaid") });
      else if (result.data.outcome === "refunded" && result.data.refund) setNotice({ tone: "info", text: t("returnRefunded", { why: result.data.refund.why, amount: result.data.refund.amount }) });
      else if (result.data.outcome === "processing") setNotice({ tone: "info", text: t("returnProcessing") });
      else setNotice({ tone: "error", text: t("returnNotCompleted") });
      router.replace(pathname, { scroll: false });
      router.refresh();
    });
  }, [sessionId, pathname, router, t]);

  if (!notice) return sessionId ? <p role="status" className="text-sm text-stone-600">{t("checking")}</p> : null;
  return (
    <div role={notice.tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${TONES[notice.tone]}`}>
      {notice.text}
    </div>
  );
}

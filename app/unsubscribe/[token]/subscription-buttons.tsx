"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/forms/form-error";
import { resubscribeAction, unsubscribeAction } from "./actions";

export function SubscriptionButton({ token, subscribed }: { token: string; subscribed: boolean }) {
  const t = useTranslations("unsubscribe");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button
        variant={subscribed ? "primary" : "secondary"}
        pending={pending}
        onClick={async () => {
          setPending(true);
          const result = await (subscribed ? unsubscribeAction : resubscribeAction)({ token });
          setPending(false);
          if (result.ok) router.refresh();
          else setError(result.error);
        }}
      >
        {subscribed ? t("unsubscribe") : t("resubscribe")}
      </Button>
    </div>
  );
}

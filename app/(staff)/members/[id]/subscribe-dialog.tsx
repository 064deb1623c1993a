"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Repeat } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { formatMoney } from "@/lib/money";
import { intervalLabel } from "@/lib/subscriptions/labels";
import { subscribeAction } from "./stripe-actions";

interface PlanOption {
  id: string;
  name: string;
  amountMinor: number;
  currency: string;
  interval: string;
  intervalCount: number;
}

const OUTCOME: Record<string, string> = {
  action_required: "The bank asks the member to confirm the first payment. They got an e-mail with a link; the subscription starts once they confirm.",
  failed: "The first payment was declined. The member got an e-mail to pay with another card; the invoice stays open until then.",
};

/** Subscribe the member to a plan: their default card is charged at once. */
export function SubscribeDialog({ memberId, plans, hasCard }: { memberId: string; plans: PlanOption[]; hasCard: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [planId, setPlanId] = useState(plans[0]?.id ?? "");
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const plan = plans.find((p) => p.id === planId);

  async function subscribe() {
    setError(null);
    setPending(true);
    const result = await subscribeAction({ memberId, planId, attempt });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setAttempt(crypto.randomUUID());
    const note = OUTCOME[result.data.firstPayment];
    toast({ tone: note ? "info" : "success", title: note ? "Subscription created, payment pending" : "Subscribed and first payment received", description: note });
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setError(null);
        setOpen(next);
      }}
      trigger={
        <Button size="sm" disabled={!hasCard} title={hasCard ? undefined : "Add a card first"}>
          <Repeat className="size-4" aria-hidden />
          Subscribe
        </Button>
      }
      title="Subscribe to a plan"
      description="The member's default card is charged now and then every period. Each payment becomes a paid invoice."
    >
      {plans.length === 0 ? (
        <p className="text-sm text-stone-600">
          No plans yet. Create one (or import your Stripe prices) under{" "}
          <Link href="/members/plans" className="text-brand-700 hover:underline">
            Members → Plans
          </Link>
          .
        </p>
      ) : (
        <div className="space-y-4">
          <FormError message={error} />
          <Field label="Plan">
            <Select value={planId} onChange={(e) => setPlanId(e.target.value)}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {formatMoney(p.amountMinor, p.currency)} {intervalLabel(p.interval, p.intervalCount)}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex justify-end">
            <Button onClick={() => void subscribe()} pending={pending} disabled={!plan}>
              Subscribe and charge {plan ? formatMoney(plan.amountMinor, plan.currency) : ""}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

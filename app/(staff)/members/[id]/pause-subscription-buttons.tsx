"use client";
import { PauseControls } from "@/components/subscriptions/pause-controls";
import { pauseSubscriptionAction, resumeSubscriptionAction } from "./stripe-actions";

/** Staff pause or resume a member's subscription from the member page. */
export function PauseSubscriptionButtons(props: { memberId: string; firstName: string; subscriptionId: string; planName: string; paused: { resumesOn: string | null } | null; today: string }) {
  const { memberId, firstName, ...rest } = props;
  return (
    <PauseControls
      {...rest}
      who={firstName}
      pause={(input) => pauseSubscriptionAction({ ...input, memberId })}
      resume={(input) => resumeSubscriptionAction({ ...input, memberId })}
    />
  );
}

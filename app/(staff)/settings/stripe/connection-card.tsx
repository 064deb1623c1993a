import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { StripeConnectionView, WebhookState } from "@/lib/stripe/status";
import { DisconnectButton } from "./disconnect-button";
import { ReplaceKeysDialog } from "./replace-keys-dialog";
import { formatDateTime } from "@/lib/dates";

const WEBHOOK_BADGES: Record<WebhookState["state"], { label: string; tone: "green" | "amber" | "red" | "neutral" }> = {
  enabled: { label: "Active", tone: "green" },
  disabled: { label: "Disabled", tone: "red" },
  missing: { label: "Missing", tone: "red" },
  elsewhere: { label: "Wrong address", tone: "red" },
  "key-rejected": { label: "Key rejected", tone: "red" },
  unreachable: { label: "Unknown", tone: "neutral" },
};

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-stone-900">{children}</dd>
    </div>
  );
}

export function ConnectionCard({ connection, webhook, timeZone }: { connection: StripeConnectionView; webhook: WebhookState ; timeZone: string }) {
  const badge = WEBHOOK_BADGES[webhook.state];
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            Stripe is connected
            {connection.livemode ? <Badge tone="green">Live mode</Badge> : <Badge tone="amber">Test mode</Badge>}
          </span>
        }
        description={connection.livemode ? "Card payments charge real cards." : "Test mode: only Stripe's test cards work and no money moves."}
        actions={
          <>
            <ReplaceKeysDialog currency={connection.currency} />
            <DisconnectButton />
          </>
        }
      />
      <CardBody>
        <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-2">
          <Item label="Account">
            {connection.accountName ?? "Unnamed account"}
            <span className="block font-mono text-xs font-normal text-stone-500">{connection.accountId}</span>
          </Item>
          <Item label="Currency">{connection.currency}</Item>
          <Item label="Publishable key">
            <span className="font-mono text-xs break-all">{connection.publishableKey}</span>
          </Item>
          <Item label="Secret key">
            <span className="font-mono text-xs">{connection.secretKeyMasked}</span>
          </Item>
          <Item label="Webhook">
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={badge.tone}>{badge.label}</Badge>
            </span>
            <span className="mt-1 block font-mono text-xs font-normal break-all text-stone-600">{connection.webhookUrl ?? "—"}</span>
            {webhook.state !== "enabled" && <span className="mt-1 block text-xs font-normal text-red-700">{webhook.message}</span>}
          </Item>
          <Item label="Last event received">{connection.lastEventAt ? formatDateTime(connection.lastEventAt, timeZone) : "None yet"}</Item>
          <Item label="Connected">{formatDateTime(connection.connectedAt, timeZone)}</Item>
        </dl>
      </CardBody>
    </Card>
  );
}

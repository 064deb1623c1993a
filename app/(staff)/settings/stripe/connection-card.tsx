import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { StripeConnectionView, WebhookState } from "@/lib/stripe/status";
import { DisconnectButton } from "./disconnect-button";
import { ReplaceKeysDialog } from "./replace-keys-dialog";
import { formatDateTime } from "@/lib/dates";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";

// `label` names the badge's words in messages/staff/<locale>/settings.json (stripe.connection.webhookStates).
const WEBHOOK_BADGES = {
  enabled: { label: "enabled", tone: "green" },
  disabled: { label: "disabled", tone: "red" },
  missing: { label: "missing", tone: "red" },
  elsewhere: { label: "elsewhere", tone: "red" },
  "key-rejected": { label: "keyRejected", tone: "red" },
  unreachable: { label: "unreachable", tone: "neutral" },
} as const satisfies Record<WebhookState["state"], { label: string; tone: "green" | "amber" | "red" | "neutral" }>;

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-stone-900">{children}</dd>
    </div>
  );
}

export function ConnectionCard({ connection, webhook, timeZone, locale }: { connection: StripeConnectionView; webhook: WebhookState; timeZone: string; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.settings.stripe.connection");
  const badge = WEBHOOK_BADGES[webhook.state];
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t("title")}
            {connection.livemode ? <Badge tone="green">{t("live")}</Badge> : <Badge tone="amber">{t("test")}</Badge>}
          </span>
        }
        description={connection.livemode ? t("liveDescription") : t("testDescription")}
        actions={
          <>
            <ReplaceKeysDialog currency={connection.currency} />
            <DisconnectButton />
          </>
        }
      />
      <CardBody>
        <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-2">
          <Item label={t("account")}>
            {connection.accountName ?? t("unnamed")}
            <span className="block font-mono text-xs font-normal text-stone-500">{connection.accountId}</span>
          </Item>
          <Item label={t("currency")}>{connection.currency}</Item>
          <Item label={t("publishableKey")}>
            <span className="font-mono text-xs break-all">{connection.publishableKey}</span>
          </Item>
          <Item label={t("secretKey")}>
            <span className="font-mono text-xs">{connection.secretKeyMasked}</span>
          </Item>
          <Item label={t("webhook")}>
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={badge.tone}>{t(`webhookStates.${badge.label}`)}</Badge>
            </span>
            <span className="mt-1 block font-mono text-xs font-normal break-all text-stone-600">{connection.webhookUrl ?? "—"}</span>
            {webhook.state !== "enabled" && <span className="mt-1 block text-xs font-normal text-red-700">{webhook.message}</span>}
          </Item>
          <Item label={t("lastEvent")}>{connection.lastEventAt ? formatDateTime(connection.lastEventAt, timeZone, locale) : t("noEvent")}</Item>
          <Item label={t("connectedAt")}>{formatDateTime(connection.connectedAt, timeZone, locale)}</Item>
        </dl>
      </CardBody>
    </Card>
  );
}

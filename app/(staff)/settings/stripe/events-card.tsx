import type { StripeEvent } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { RECENT_EVENTS_LIMIT } from "@/lib/stripe/status";
import { ReconcileButton } from "./reconcile-button";
import { formatDateTime } from "@/lib/dates";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";

type EventRow = Pick<StripeEvent, "id" | "eventId" | "type" | "status" | "error" | "receivedAt">;

const STATUS_TONES = { processed: "green", ignored: "neutral", failed: "red" } as const;

export function EventsCard({ events, timeZone, locale }: { events: EventRow[]; timeZone: string; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.settings.stripe.events");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description", { n: RECENT_EVENTS_LIMIT })} actions={<ReconcileButton />} />
      {events.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyDescription")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("event")}</Th>
              <Th>{t("status")}</Th>
              <Th className="hidden sm:table-cell">{t("error")}</Th>
              <Th className="hidden text-right sm:table-cell">{t("received")}</Th>
            </tr>
          </thead>
          <tbody>
            {events.map((ev) => {
              return (
                <tr key={ev.id}>
                  <Td>
                    <span className="block font-medium text-stone-900">{ev.type}</span>
                    <span className="block font-mono text-xs break-all text-stone-500">{ev.eventId}</span>
                    <span className="block text-xs text-stone-600 tabular-nums sm:hidden">{formatDateTime(ev.receivedAt, timeZone, locale)}</span>
                    {ev.error && <span className="mt-1 block text-xs text-red-700 sm:hidden">{ev.error}</span>}
                  </Td>
                  <Td>
                    <Badge tone={STATUS_TONES[ev.status]}>{t(`statuses.${ev.status}`)}</Badge>
                  </Td>
                  <Td className="hidden max-w-xs text-xs break-words text-red-700 sm:table-cell">{ev.error ?? ""}</Td>
                  <Td className="hidden text-right text-xs whitespace-nowrap text-stone-600 tabular-nums sm:table-cell">{formatDateTime(ev.receivedAt, timeZone, locale)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

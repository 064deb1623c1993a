import type { StripeEvent } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { RECENT_EVENTS_LIMIT } from "@/lib/stripe/status";
import { ReconcileButton } from "./reconcile-button";
import { formatDateTime } from "@/lib/dates";

type EventRow = Pick<StripeEvent, "id" | "eventId" | "type" | "status" | "error" | "receivedAt">;

const STATUS_BADGES = {
  processed: { label: "Processed", tone: "green" },
  ignored: { label: "Ignored", tone: "neutral" },
  failed: { label: "Failed", tone: "red" },
} as const;

export function EventsCard({ events, timeZone }: { events: EventRow[] ; timeZone: string }) {
  return (
    <Card>
      <CardHeader title="Recent events" description={`The last ${RECENT_EVENTS_LIMIT} webhook events from Stripe, newest first. Failed events are retried by Stripe.`} actions={<ReconcileButton />} />
      {events.length === 0 ? (
        <EmptyState title="No events yet" description="Events appear here when Stripe reports payments and refunds." />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Event</Th>
              <Th>Status</Th>
              <Th className="hidden sm:table-cell">Error</Th>
              <Th className="hidden text-right sm:table-cell">Received</Th>
            </tr>
          </thead>
          <tbody>
            {events.map((ev) => {
              const badge = STATUS_BADGES[ev.status];
              return (
                <tr key={ev.id}>
                  <Td>
                    <span className="block font-medium text-stone-900">{ev.type}</span>
                    <span className="block font-mono text-xs break-all text-stone-500">{ev.eventId}</span>
                    <span className="block text-xs text-stone-600 tabular-nums sm:hidden">{formatDateTime(ev.receivedAt, timeZone)}</span>
                    {ev.error && <span className="mt-1 block text-xs text-red-700 sm:hidden">{ev.error}</span>}
                  </Td>
                  <Td>
                    <Badge tone={badge.tone}>{badge.label}</Badge>
                  </Td>
                  <Td className="hidden max-w-xs text-xs break-words text-red-700 sm:table-cell">{ev.error ?? ""}</Td>
                  <Td className="hidden text-right text-xs whitespace-nowrap text-stone-600 tabular-nums sm:table-cell">{formatDateTime(ev.receivedAt, timeZone)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

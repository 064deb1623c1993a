import { ExternalLink } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { PlatformInvoice } from "@/lib/account-plans/history";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { moneyLocale } from "@/lib/i18n/locales";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";

// Stripe's invoice statuses we name (messages: account.history.statuses); another shows as Stripe writes it.
const STATUS_TONES: Record<string, BadgeTone> = { paid: "green", open: "amber", void: "neutral", uncollectible: "red" };

/** The dojo's own invoices from Tatami, read from the platform Stripe account. */
export function BillingHistory({ invoices, timeZone, locale }: { invoices: PlatformInvoice[] | null; timeZone: string; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.settings.account.history");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      {invoices === null ? (
        <p role="alert" className="px-4 py-4 text-sm text-amber-800 sm:px-5">
          {t("unreachable")}
        </p>
      ) : invoices.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyDescription")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("date")}</Th>
              <Th className="hidden sm:table-cell">{t("number")}</Th>
              <Th className="text-right">{t("amount")}</Th>
              <Th>{t("status")}</Th>
              <Th>
                <span className="sr-only">{t("invoice")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => {
              const tone = STATUS_TONES[invoice.status];
              return (
                <tr key={invoice.id}>
                  <Td className="whitespace-nowrap">{formatDate(invoice.date, timeZone, locale)}</Td>
                  <Td className="hidden font-mono text-xs sm:table-cell">{invoice.number ?? "—"}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(invoice.amount, invoice.currency, moneyLocale(locale))}</Td>
                  <Td>
                    <Badge tone={tone ?? "neutral"}>{tone ? t(`statuses.${invoice.status as "paid"}`) : invoice.status}</Badge>
                  </Td>
                  <Td className="text-right">
                    {invoice.hostedUrl && (
                      <a href={invoice.hostedUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-brand-700 hover:underline">
                        {t("view")} <ExternalLink className="size-3.5" aria-hidden />
                      </a>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

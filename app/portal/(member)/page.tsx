import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMemberPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { translator, type Translate } from "@/lib/i18n/messages";
import {
  listMemberInvoices,
  memberInvoiceTotals,
  type PortalInvoice,
} from "@/lib/portal/invoices";
import { portalScope } from "@/lib/portal/family-scope";
import { cardAvailability } from "@/lib/payments/card/card-availability";
import { InvoiceStatusBadge } from "./invoice-status";
import { PayCardButton } from "./pay-card-button";
import { payLabel } from "./pay-label";
import { MemberSubscriptionsCard } from "./subscriptions-card";
import { hasFeature } from "@/lib/account-plans/features";
import { fullName } from "@/lib/members/full-name";
import { portalLocale, portalTitle } from "./portal-locale";

export const generateMetadata = () => portalTitle("home.title");

export default async function PortalHomePage() {
  const session = await requireMemberPage();
  const { dojo, member } = session;
  const locale = portalLocale(session);
  const t = translator(locale, "portal.home");
  const db = await getDb();
  const scope = await portalScope(db, dojo.id, member.id);
  const [invoices, totals, card] = await Promise.all([
    listMemberInvoices(db, scope),
    memberInvoiceTotals(db, scope),
    cardAvailability(db, dojo),
  ]);
  // Members pay open invoices by card right from the list when the dojo takes cards.
  // A child whose family someone else pays for reads only (lib/portal/family-scope.ts).
  const stripeJsUrl =
    card.connected && scope.canPay ? card.stripeJsUrl : undefined;
  const payButtonLabel = payLabel(
    translator(locale, "portal.pay"),
    card.methods,
    false,
  );
  const memberNames = new Map(scope.family?.members.map((m) => [m.id, m.name]));
  // What is due soonest (or overdue) comes first.
  const open = invoices
    .filter((i) => i.status === "open")
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const paid = invoices.filter((i) => i.status === "paid");
  // A dojo bills in its own currency; any other currency (a dojo that changed it) gets its own line.
  const currencies = totals.size ? [...totals.keys()] : [dojo.currency];

  return (
    <IntlProvider locale={locale} namespaces={["portal", "components"]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">
          {t("hello", { name: member.firstName })}
        </h1>
        {scope.family && (
          <p className="text-sm text-stone-600" data-testid="portal-family">
            {scope.memberIds.length > 1
              ? t("familyPayer", {
                  family: scope.family.name,
                  names: new Intl.ListFormat(locale, {
                    type: "conjunction",
                  }).format(scope.family.members.map((m) => m.name)),
                })
              : scope.canPay
                ? t("familyMember", { family: scope.family.name })
                : t("familyChild", {
                    family: scope.family.name,
                    payer: scope.family.payerName,
                  })}
          </p>
        )}

        <section aria-label={t("totals")} className="grid grid-cols-2 gap-3">
          {(["open", "paid"] as const).map((kind) => (
            <Card key={kind} className="p-4">
              <p className="text-sm text-stone-500">
                {kind === "open" ? t("toPay") : t("paid")}
              </p>
              {currencies.map((c) => {
                const t = totals.get(c);
                const amount =
                  kind === "open" ? (t?.openMinor ?? 0) : (t?.paidMinor ?? 0);
                return (
                  <p
                    key={c}
                    className={`mt-1 text-xl font-semibold tabular-nums ${kind === "open" && amount > 0 ? "text-amber-700" : "text-stone-900"}`}
                  >
                    {formatMoney(amount, c, moneyLocale(locale))}
                  </p>
                );
              })}
            </Card>
          ))}
        </section>

        {card.connected && hasFeature(dojo.plan, "subscriptions") && (
          <MemberSubscriptionsCard
            scope={scope}
            timeZone={dojo.timeZone}
            locale={locale}
            stripeJsUrl={card.stripeJsUrl}
            mayPause={dojo.membersMayPause}
          />
        )}

        <Card>
          <CardHeader title={t("openInvoices")} />
          {open.length ? (
            <InvoiceList
              t={t}
              locale={locale}
              timeZone={dojo.timeZone}
              invoices={open}
              stripeJsUrl={stripeJsUrl}
              payLabel={payButtonLabel}
              payerId={member.id}
              names={memberNames}
            />
          ) : (
            <EmptyState
              title={t("nothingToPay")}
              description={t("noOpenInvoices")}
            />
          )}
        </Card>

        <Card>
          <CardHeader title={t("paidInvoices")} />
          {paid.length ? (
            <InvoiceList
              t={t}
              locale={locale}
              timeZone={dojo.timeZone}
              invoices={paid}
              payerId={member.id}
              names={memberNames}
            />
          ) : (
            <EmptyState title={t("noPaidInvoices")} />
          )}
        </Card>

        <Card>
          <CardHeader title={t("myDetails")} description={t("myDetailsHint")} />
          <CardBody>
            <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
              <Detail
                label={t("name")}
                value={fullName(member)}
                empty={t("notGiven")}
              />
              <Detail
                label={t("uid")}
                value={
                  <span className="font-mono tracking-widest">
                    {member.uid}
                  </span>
                }
                empty={t("notGiven")}
              />
              <Detail
                label={t("email")}
                value={member.email}
                empty={t("notGiven")}
              />
              <Detail
                label={t("phone")}
                value={member.phone}
                empty={t("notGiven")}
              />
            </dl>
          </CardBody>
        </Card>
      </div>
    </IntlProvider>
  );
}

function Detail({
  label,
  value,
  empty,
}: {
  label: string;
  value: React.ReactNode;
  empty: string;
}) {
  return (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-stone-900">
        {value || <span className="font-normal text-stone-400">{empty}</span>}
      </dd>
    </div>
  );
}

function InvoiceList({
  t,
  locale,
  invoices,
  timeZone,
  stripeJsUrl,
  payLabel,
  payerId,
  names,
}: {
  t: Translate;
  locale: Locale;
  invoices: PortalInvoice[];
  timeZone: string;
  stripeJsUrl?: string | null;
  payLabel?: string;
  payerId: string;
  names: Map<string, string>;
}) {
  return (
    <ul className="divide-y divide-stone-100">
      {invoices.map((invoice) => (
        <li key={invoice.id}>
          <Link
            href={`/portal/invoices/${invoice.id}`}
            className="flex items-center gap-3 px-4 py-3 hover:bg-stone-50 sm:px-5"
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium text-stone-900 tabular-nums">
                <span className="sr-only">{t("invoice")} </span>
                {invoice.number}
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-500">
                <InvoiceStatusBadge invoice={invoice} locale={locale} />
                <span>
                  {invoice.status === "paid" && invoice.paidAt
                    ? t("paidOn", {
                        date: formatDate(invoice.paidAt, timeZone, locale),
                      })
                    : t("dueOn", {
                        date: formatDate(invoice.dueDate, "UTC", locale),
                      })}
                </span>
                {invoice.familyId ? (
                  <span>{t("familyInvoice")}</span>
                ) : (
                  invoice.memberId !== payerId &&
                  names.has(invoice.memberId) && (
                    <span>
                      {t("forMember", {
                        name: names.get(invoice.memberId) ?? "",
                      })}
                    </span>
                  )
                )}
              </p>
            </div>
            <div className="text-right">
              <p className="font-semibold tabular-nums">
                {formatMoney(
                  invoice.status === "open"
                    ? invoice.totalMinor - invoice.paidMinor
                    : invoice.totalMinor,
                  invoice.currency,
                  moneyLocale(locale),
                )}
              </p>
              {invoice.status === "open" && invoice.paidMinor > 0 && (
                <p className="text-xs text-stone-500 tabular-nums">
                  {t("ofTotal", {
                    total: formatMoney(
                      invoice.totalMinor,
                      invoice.currency,
                      moneyLocale(locale),
                    ),
                  })}
                </p>
              )}
            </div>
            <ChevronRight
              className="size-4 shrink-0 text-stone-400"
              aria-hidden
            />
          </Link>
          {stripeJsUrl !== undefined &&
            invoice.status === "open" &&
            invoice.source !== "subscription" &&
            invoice.memberId === payerId && (
              <div className="px-4 pb-3 sm:px-5">
                <PayCardButton
                  invoice={{
                    ...invoice,
                    openMinor: invoice.totalMinor - invoice.paidMinor,
                  }}
                  stripeJsUrl={stripeJsUrl}
                  label={payLabel}
                  size="sm"
                />
              </div>
            )}
        </li>
      ))}
    </ul>
  );
}

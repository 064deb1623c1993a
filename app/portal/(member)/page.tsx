import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMemberPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { listMemberInvoices, memberInvoiceTotals, type PortalInvoice } from "@/lib/portal/invoices";
import { cardAvailability } from "@/lib/payments/card/card-availability";
import { InvoiceStatusBadge } from "./invoice-status";
import { PayCardButton } from "./pay-card-button";
import { MemberSubscriptionsCard } from "./subscriptions-card";
import { hasFeature } from "@/lib/account-plans/features";
import { fullName } from "@/lib/members/full-name";

export const metadata = { title: "Members area" };

export default async function PortalHomePage() {
  const { dojo, member } = await requireMemberPage();
  const db = await getDb();
  const scope = { dojoId: dojo.id, memberId: member.id };
  const [invoices, totals, card] = await Promise.all([listMemberInvoices(db, scope), memberInvoiceTotals(db, scope), cardAvailability(db, dojo)]);
  // Members pay open invoices by card right from the list when the dojo takes cards.
  const stripeJsUrl = card.connected ? card.stripeJsUrl : undefined;
  // What is due soonest (or overdue) comes first.
  const open = invoices.filter((i) => i.status === "open").sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const paid = invoices.filter((i) => i.status === "paid");
  // A dojo bills in its own currency; any other currency (a dojo that changed it) gets its own line.
  const currencies = totals.size ? [...totals.keys()] : [dojo.currency];

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Hello, {member.firstName}</h1>

      <section aria-label="Totals" className="grid grid-cols-2 gap-3">
        {(["open", "paid"] as const).map((kind) => (
          <Card key={kind} className="p-4">
            <p className="text-sm text-stone-500">{kind === "open" ? "To pay" : "Paid"}</p>
            {currencies.map((c) => {
              const t = totals.get(c);
              const amount = kind === "open" ? (t?.openMinor ?? 0) : (t?.paidMinor ?? 0);
              return (
                <p key={c} className={`mt-1 text-xl font-semibold tabular-nums ${kind === "open" && amount > 0 ? "text-amber-700" : "text-stone-900"}`}>
                  {formatMoney(amount, c)}
                </p>
              );
            })}
          </Card>
        ))}
      </section>

      {card.connected && hasFeature(dojo.plan, "subscriptions") && <MemberSubscriptionsCard dojoId={dojo.id} timeZone={dojo.timeZone} memberId={member.id} stripeJsUrl={card.stripeJsUrl} />}

      <Card>
        <CardHeader title="Open invoices" />
        {open.length ? <InvoiceList timeZone={dojo.timeZone} invoices={open} stripeJsUrl={stripeJsUrl} /> : <EmptyState title="Nothing to pay" description="You have no open invoices." />}
      </Card>

      <Card>
        <CardHeader title="Paid invoices" />
        {paid.length ? <InvoiceList timeZone={dojo.timeZone} invoices={paid} /> : <EmptyState title="No paid invoices yet" />}
      </Card>

      <Card>
        <CardHeader title="My details" description="Something wrong? Ask your dojo to correct it." />
        <CardBody>
          <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
            <Detail label="Name" value={fullName(member)} />
            <Detail label="Member UID" value={<span className="font-mono tracking-widest">{member.uid}</span>} />
            <Detail label="E-mail" value={member.email} />
            <Detail label="Phone" value={member.phone} />
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}

function Detail({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-stone-900">{value || <span className="font-normal text-stone-400">Not given</span>}</dd>
    </div>
  );
}

function InvoiceList({ invoices, timeZone, stripeJsUrl }: { invoices: PortalInvoice[]; timeZone: string; stripeJsUrl?: string | null }) {
  return (
    <ul className="divide-y divide-stone-100">
      {invoices.map((invoice) => (
        <li key={invoice.id}>
          <Link href={`/portal/invoices/${invoice.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-stone-50 sm:px-5">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-stone-900 tabular-nums">
                <span className="sr-only">Invoice </span>
                {invoice.number}
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-500">
                <InvoiceStatusBadge invoice={invoice} />
                <span>{invoice.status === "paid" && invoice.paidAt ? `Paid ${formatDate(invoice.paidAt, timeZone)}` : `Due ${formatDate(invoice.dueDate)}`}</span>
              </p>
            </div>
            <div className="text-right">
              <p className="font-semibold tabular-nums">{formatMoney(invoice.status === "open" ? invoice.totalMinor - invoice.paidMinor : invoice.totalMinor, invoice.currency)}</p>
              {invoice.status === "open" && invoice.paidMinor > 0 && (
                <p className="text-xs text-stone-500 tabular-nums">of {formatMoney(invoice.totalMinor, invoice.currency)}</p>
              )}
            </div>
            <ChevronRight className="size-4 shrink-0 text-stone-400" aria-hidden />
          </Link>
          {stripeJsUrl !== undefined && invoice.status === "open" && invoice.source !== "subscription" && (
            <div className="px-4 pb-3 sm:px-5">
              <PayCardButton invoice={{ ...invoice, openMinor: invoice.totalMinor - invoice.paidMinor }} stripeJsUrl={stripeJsUrl} size="sm" />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { clientIp } from "@/lib/auth/client-ip";
import { throttleMessage } from "@/lib/auth/throttle";
import { formatMoney } from "@/lib/money";
import { cardAvailability } from "@/lib/payments/card/card-availability";
import { openCardLink } from "@/lib/subscriptions/card-link-access";
import { memberSubscriptionInvoice } from "@/lib/subscriptions/pay-open-invoice";
import { CardLinkForm } from "./card-link-form";

export const metadata: Metadata = { title: "Add your card", robots: { index: false, follow: false } };

function Problem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardBody className="space-y-2">
        <h1 className="text-lg font-semibold text-stone-900">{title}</h1>
        <div className="text-sm text-stone-600">{children}</div>
      </CardBody>
    </Card>
  );
}

/** A member's own card link (`/card/<token>`): add a card for subscriptions, pay or confirm an unpaid one. */
export default async function CardLinkPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ invoice?: string | string[] }> }) {
  const { token } = await params;
  const { invoice: invoiceParam } = await searchParams;
  const db = await getDb();
  const access = await openCardLink(db, token, await clientIp());
  if (!access.ok) {
    return access.reason === "throttled" ? (
      <Problem title="Please wait a moment">{throttleMessage(access.retryAfterMinutes)}</Problem>
    ) : (
      <Problem title="This card link does not work">
        <p>The link may be incomplete, or your dojo has replaced it with a newer one. Please ask your dojo for a new link, or check that you copied the whole address from the e-mail.</p>
      </Problem>
    );
  }
  const { dojo, member } = access.link;
  const { connected, stripeJsUrl } = await cardAvailability(db, dojo);
  if (!connected) {
    return (
      <Problem title={dojo.name}>
        <p>{dojo.name} does not take cards online at the moment. Please contact the dojo.</p>
      </Problem>
    );
  }
  const invoiceId = typeof invoiceParam === "string" ? invoiceParam : null;
  const invoice = invoiceId ? await memberSubscriptionInvoice(db, dojo.id, member.id, invoiceId).catch(() => null) : null;
  return (
    <CardLinkForm
      token={token}
      dojoName={dojo.name}
      firstName={member.firstName}
      stripeJsUrl={stripeJsUrl}
      invoice={
        invoice && invoice.status !== "void"
          ? { id: invoice.id, number: invoice.number ?? "", amount: formatMoney(invoice.totalMinor - invoice.paidMinor, invoice.currency), paid: invoice.status === "paid" }
          : null
      }
    />
  );
}

import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { unsubscribeTarget } from "@/lib/mail/unsubscribe";
import { SubscriptionButton } from "./subscription-buttons";

export const metadata = { title: "E-mail preferences", robots: { index: false } };

// A page with a button, not an instant unsubscribe on GET: mail scanners open links by themselves.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await unsubscribeTarget(await getDb(), decodeURIComponent(token));
  if (!target) {
    return (
      <Card>
        <CardBody className="space-y-3 p-6">
          <h1 className="text-xl font-semibold">Link not valid</h1>
          <p className="text-sm text-stone-600">Check that you opened the whole link from the e-mail, or ask your dojo to remove you from its e-mails.</p>
        </CardBody>
      </Card>
    );
  }
  const subscribed = !target.optedOutAt;
  return (
    <Card>
      <CardBody className="space-y-4 p-6">
        <h1 className="text-xl font-semibold">{subscribed ? `E-mails from ${target.dojoName}` : "You are unsubscribed"}</h1>
        <p className="text-sm text-stone-600">
          {subscribed
            ? `Stop receiving news and campaign e-mails from ${target.dojoName}${target.email ? ` at ${target.email}` : ""}? Invoices, receipts and other mail about your account still reach you.`
            : `${target.dojoName} will not send you campaign e-mails any more. Invoices, receipts and other mail about your account still reach you.`}
        </p>
        <SubscriptionButton token={decodeURIComponent(token)} subscribed={subscribed} />
      </CardBody>
    </Card>
  );
}

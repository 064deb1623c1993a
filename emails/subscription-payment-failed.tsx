import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";

export interface SubscriptionPaymentFailedProps {
  dojoName: string;
  memberFirstName: string;
  /** Already formatted, e.g. "€40.00". */
  amount: string;
  invoiceNumber: string;
  /** The bank's reason when Stripe gave one, e.g. "Your card was declined." */
  reason?: string | null;
  /** The member's card link page with this invoice: update the card and pay. */
  payUrl: string;
}

const styles = noticeStyles;

/** A subscription renewal (or first payment) was declined: pay it with another card. */
export function SubscriptionPaymentFailed({ dojoName, memberFirstName, amount, invoiceNumber, reason, payUrl }: SubscriptionPaymentFailedProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Your payment of ${amount} to ${dojoName} did not go through`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Your subscription payment did not go through
          </Heading>
          <Text>Hello {memberFirstName},</Text>
          <Text>
            we could not charge {amount} for invoice {invoiceNumber} to your saved card.{reason ? ` The bank said: ${reason}` : ""}
          </Text>
          <Text>Please update your card and pay the invoice here:</Text>
          <Button href={payUrl} style={styles.button}>
            Update card and pay
          </Button>
          <Text style={styles.small}>Or open this address: {payUrl}</Text>
          <Hr />
          <Text style={styles.small}>{dojoName} · Your card details are entered on Stripe&apos;s secure page and never stored by the dojo.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default SubscriptionPaymentFailed;

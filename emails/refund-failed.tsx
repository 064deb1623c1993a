import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";

export interface RefundFailedProps {
  dojoName: string;
  memberName: string;
  /** Already formatted, e.g. "€25.00". */
  amount: string;
  invoiceNumber: string;
  /** Why, in words: "the card has expired or was cancelled". */
  reason: string;
  /** The invoice in the dashboard. */
  url: string;
}

const styles = noticeStyles;

/** Tells the dojo's owners that a card refund did not reach the member and was booked back. */
export function RefundFailed({ dojoName, memberName, amount, invoiceNumber, reason, url }: RefundFailedProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`A refund of ${amount} to ${memberName} failed`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            A refund did not go through
          </Heading>
          <Text>
            The refund of {amount} to {memberName} for invoice {invoiceNumber} failed at Stripe: {reason}. The money stayed in your Stripe account, so Tatami booked the
            refund back in Costs &amp; revenues and the amount counts as not refunded again.
          </Text>
          <Text>{memberName} has not received the money. Pay it back another way (cash or bank transfer), or refund it again once the card is fixed.</Text>
          <Button href={url} style={styles.button}>
            Open the invoice
          </Button>
          <Text style={styles.small}>Or open this address: {url}</Text>
          <Hr />
          <Text style={styles.small}>{dojoName} · Sent to the dojo&apos;s owners by Tatami.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default RefundFailed;

import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";

export interface PaymentReceiptProps {
  dojoName: string;
  memberName: string;
  invoiceNumber: string;
  /** Already formatted in the invoice's currency, e.g. "€50.00" or "¥5,000". */
  amount: string;
  /** Already formatted, e.g. "14 March 2026". */
  paidOn: string;
  /** "Visa •••• 4242" when Stripe told us the card; omitted otherwise. */
  card?: string | null;
  /** Whether the invoice is now fully paid. */
  settled: boolean;
  /** "€10.00" still open after a part payment. */
  stillOpen?: string | null;
}

const styles = {
  body: { backgroundColor: "#f5f5f4", fontFamily: "Inter, Helvetica, Arial, sans-serif", color: "#1c1917", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "520px" },
  heading: { fontSize: "20px", fontWeight: 600, margin: "0 0 16px" },
  label: { color: "#78716c", fontSize: "13px", margin: "0" },
  value: { fontSize: "15px", fontWeight: 600, margin: "0 0 12px" },
  small: { color: "#78716c", fontSize: "12px" },
};

/** The receipt a member gets after paying an invoice by card. */
export function PaymentReceipt({ dojoName, memberName, invoiceNumber, amount, paidOn, card, settled, stillOpen }: PaymentReceiptProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Payment of ${amount} received for invoice ${invoiceNumber}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Payment received
          </Heading>
          <Text>Hello {memberName},</Text>
          <Text>
            thank you: {dojoName} received your card payment for invoice {invoiceNumber}.
          </Text>
          <Section>
            <Text style={styles.label}>Amount</Text>
            <Text style={styles.value}>{amount}</Text>
            <Text style={styles.label}>Invoice</Text>
            <Text style={styles.value}>{invoiceNumber}</Text>
            <Text style={styles.label}>Date</Text>
            <Text style={styles.value}>{paidOn}</Text>
            {card ? (
              <>
                <Text style={styles.label}>Card</Text>
                <Text style={styles.value}>{card}</Text>
              </>
            ) : null}
          </Section>
          <Text>{settled ? "The invoice is now paid in full." : `${stillOpen ?? "An amount"} is still open on this invoice.`} The invoice with this payment is attached as a PDF.</Text>
          <Hr />
          <Text style={styles.small}>
            {dojoName} · This receipt was sent because you paid in the members area or at the desk. Keep it for your records.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export default PaymentReceipt;

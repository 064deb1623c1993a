import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";

export interface AutomaticRefundProps {
  dojoName: string;
  payerName: string;
  /** "invoice 2026-0004" or "order #12". */
  paidFor: string;
  /** Already formatted, e.g. "€50.00". */
  amount: string;
  /** Already formatted, e.g. "3 Mar 2026". */
  refundedOn: string;
  /** Why it went back, as the invoice shows it: "Paid twice". */
  why: string;
}

/** Sent to whoever paid when Tatami refunded a card payment it could not record (paid twice, after a void, ...). */
export function AutomaticRefund({ dojoName, payerName, paidFor, amount, refundedOn, why }: AutomaticRefundProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${amount} refunded for ${paidFor}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Your payment was refunded
          </Heading>
          <Text>Hello {payerName},</Text>
          <Text>
            {dojoName} received a card payment for {paidFor} that was not needed, so it was refunded automatically to the same card. Depending on your bank it appears on your
            statement within 5 to 10 business days.
          </Text>
          <Section>
            <Text style={styles.label}>Refunded</Text>
            <Text style={styles.value}>{amount}</Text>
            <Text style={styles.label}>Why</Text>
            <Text style={styles.value}>{why}</Text>
            <Text style={styles.label}>Date</Text>
            <Text style={styles.value}>{refundedOn}</Text>
          </Section>
          <Hr />
          <Text style={styles.small}>{dojoName} · Nothing more is owed for this payment. Questions? Please contact the dojo.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default AutomaticRefund;

import { Body, Column, Container, Head, Heading, Hr, Html, Preview, Row, Section, Text } from "@react-email/components";

export interface ShopOrderMailLine {
  name: string;
  quantity: number;
  /** Already formatted line total, e.g. "€50.00". */
  amount: string;
}

export interface ShopOrderConfirmationProps {
  dojoName: string;
  buyerName: string;
  orderNumber: number;
  lines: ShopOrderMailLine[];
  total: string;
  /** "card": paid now; "at_dojo": to be paid when collecting. */
  payment: "card" | "at_dojo";
  invoiceNumber?: string | null;
  /** Pay at the dojo: the day the items stop being held unless the dojo has confirmed the order. */
  heldUntil?: string | null;
}

const styles = {
  body: { backgroundColor: "#f5f5f4", fontFamily: "Inter, Helvetica, Arial, sans-serif", color: "#1c1917", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "520px" },
  heading: { fontSize: "20px", fontWeight: 600, margin: "0 0 16px" },
  line: { fontSize: "14px", margin: "0 0 6px" },
  right: { fontSize: "14px", margin: "0 0 6px", textAlign: "right" as const },
  total: { fontSize: "15px", fontWeight: 600, margin: "8px 0 0" },
  small: { color: "#78716c", fontSize: "12px" },
};

/** Sent to the buyer when a webshop order is paid by card, or placed to pay at the dojo. */
export function ShopOrderConfirmation({ dojoName, buyerName, orderNumber, lines, total, payment, invoiceNumber, heldUntil }: ShopOrderConfirmationProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Your order #${orderNumber} at ${dojoName}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Thank you for your order
          </Heading>
          <Text>Hello {buyerName},</Text>
          <Text>
            {payment === "card"
              ? `${dojoName} received your card payment for order #${orderNumber}.`
              : `${dojoName} received your order #${orderNumber}. Please pay when you collect it at the dojo.`}
          </Text>
          {heldUntil ? <Text>The dojo holds your items until {heldUntil} and will confirm your order.</Text> : null}
          <Section>
            {lines.map((line, i) => (
              <Row key={i}>
                <Column>
                  <Text style={styles.line}>
                    {line.quantity} × {line.name}
                  </Text>
                </Column>
                <Column>
                  <Text style={styles.right}>{line.amount}</Text>
                </Column>
              </Row>
            ))}
            <Hr />
            <Row>
              <Column>
                <Text style={styles.total}>{payment === "card" ? "Paid" : "To pay at the dojo"}</Text>
              </Column>
              <Column>
                <Text style={{ ...styles.total, textAlign: "right" }}>{total}</Text>
              </Column>
            </Row>
          </Section>
          {invoiceNumber ? <Text>Invoice: {invoiceNumber}</Text> : null}
          <Hr />
          <Text style={styles.small}>{dojoName} · You get this e-mail because you ordered in the dojo&apos;s webshop.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default ShopOrderConfirmation;

import { Body, Column, Container, Head, Heading, Hr, Html, Preview, Row, Section, Text } from "@react-email/components";
import { scoped, type MailText } from "./translate";

export interface ShopOrderMailLine {
  name: string;
  quantity: number;
  /** Already formatted line total, e.g. "€50.00". */
  amount: string;
}

export interface ShopOrderConfirmationProps {
  /** The buyer's language: the member's when a member ordered, else the dojo's default. */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
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
export function ShopOrderConfirmation({ locale, text, dojoName, buyerName, orderNumber, lines, total, payment, invoiceNumber, heldUntil }: ShopOrderConfirmationProps) {
  const t = scoped(text, "orderConfirmation");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { number: orderNumber, dojo: dojoName })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading")}
          </Heading>
          <Text>{common("hello", { name: buyerName })}</Text>
          <Text>
            {payment === "card" ? t("paidByCard", { dojo: dojoName, number: orderNumber }) : t("payAtDojo", { dojo: dojoName, number: orderNumber })}
          </Text>
          {heldUntil ? <Text>{t("heldUntil", { date: heldUntil })}</Text> : null}
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
                <Text style={styles.total}>{payment === "card" ? t("paid") : t("toPay")}</Text>
              </Column>
              <Column>
                <Text style={{ ...styles.total, textAlign: "right" }}>{total}</Text>
              </Column>
            </Row>
          </Section>
          {invoiceNumber ? <Text>{t("invoice", { number: invoiceNumber })}</Text> : null}
          <Hr />
          <Text style={styles.small}>{t("footer", { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default ShopOrderConfirmation;

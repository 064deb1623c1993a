import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { scoped, type MailText } from "./translate";

export interface PaymentReceiptProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
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
export function PaymentReceipt({ locale, text, dojoName, memberName, invoiceNumber, amount, paidOn, card, settled, stillOpen }: PaymentReceiptProps) {
  const t = scoped(text, "receipt");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { amount, number: invoiceNumber })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading")}
          </Heading>
          <Text>{common("hello", { name: memberName })}</Text>
          <Text>{t("body", { dojo: dojoName, number: invoiceNumber })}</Text>
          <Section>
            <Text style={styles.label}>{common("amount")}</Text>
            <Text style={styles.value}>{amount}</Text>
            <Text style={styles.label}>{common("invoice")}</Text>
            <Text style={styles.value}>{invoiceNumber}</Text>
            <Text style={styles.label}>{common("date")}</Text>
            <Text style={styles.value}>{paidOn}</Text>
            {card ? (
              <>
                <Text style={styles.label}>{common("card")}</Text>
                <Text style={styles.value}>{card}</Text>
              </>
            ) : null}
          </Section>
          <Text>
            {settled ? t("settled") : t("stillOpen", { amount: stillOpen ?? "" })} {t("attached")}
          </Text>
          <Hr />
          <Text style={styles.small}>{t("footer", { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default PaymentReceipt;

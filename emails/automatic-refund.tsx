import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";
import { scoped, type MailText } from "./translate";

export interface AutomaticRefundProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
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
export function AutomaticRefund({ locale, text, dojoName, payerName, paidFor, amount, refundedOn, why }: AutomaticRefundProps) {
  const t = scoped(text, "automaticRefund");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { amount, paidFor })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading")}
          </Heading>
          <Text>{common("hello", { name: payerName })}</Text>
          <Text>{t("body", { dojo: dojoName, paidFor })}</Text>
          <Section>
            <Text style={styles.label}>{t("refunded")}</Text>
            <Text style={styles.value}>{amount}</Text>
            <Text style={styles.label}>{t("why")}</Text>
            <Text style={styles.value}>{why}</Text>
            <Text style={styles.label}>{common("date")}</Text>
            <Text style={styles.value}>{refundedOn}</Text>
          </Section>
          <Hr />
          <Text style={styles.small}>{t("footer", { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default AutomaticRefund;

import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";
import { scoped, type MailText } from "./translate";

export interface InvoiceIssuedProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  memberName: string;
  invoiceNumber: string;
  /** Already formatted in the invoice's currency. */
  amount: string;
  /** Already formatted, e.g. "14 March 2026". */
  dueDate: string;
  /** The members area, where the invoice can be seen and paid. */
  portalUrl: string;
}

/** Sent when staff issue an invoice to a member who has an e-mail address. */
export function InvoiceIssued({ locale, text, dojoName, memberName, invoiceNumber, amount, dueDate, portalUrl }: InvoiceIssuedProps) {
  const t = scoped(text, "invoiceIssued");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { number: invoiceNumber, dojo: dojoName, amount, dueDate })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading", { number: invoiceNumber })}
          </Heading>
          <Text>{common("hello", { name: memberName })}</Text>
          <Text>{t("body", { dojo: dojoName })}</Text>
          <Section>
            <Text style={styles.label}>{common("amount")}</Text>
            <Text style={styles.value}>{amount}</Text>
            <Text style={styles.label}>{t("due")}</Text>
            <Text style={styles.value}>{dueDate}</Text>
          </Section>
          <Text>{t("attached")}</Text>
          <Button href={portalUrl} style={styles.button}>
            {t("button")}
          </Button>
          <Hr />
          <Text style={styles.small}>{t("footer", { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default InvoiceIssued;

import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";
import { scoped, type MailText } from "./translate";

export interface PaymentAuthenticationNeededProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  memberFirstName: string;
  /** Already formatted, e.g. "€40.00". */
  amount: string;
  invoiceNumber: string;
  /** The member's card link page with this invoice, where the bank's check runs. */
  authenticateUrl: string;
}

const styles = noticeStyles;

/** PSD2/SCA: the bank wants the card holder to confirm a subscription payment. */
export function PaymentAuthenticationNeeded({ locale, text, dojoName, memberFirstName, amount, invoiceNumber, authenticateUrl }: PaymentAuthenticationNeededProps) {
  const t = scoped(text, "authenticationNeeded");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { amount, dojo: dojoName })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading")}
          </Heading>
          <Text>{common("hello", { name: memberFirstName })}</Text>
          <Text>{t("body", { amount, number: invoiceNumber, dojo: dojoName })}</Text>
          <Button href={authenticateUrl} style={styles.button}>
            {t("button")}
          </Button>
          <Text style={styles.small}>{common("orOpen", { url: authenticateUrl })}</Text>
          <Hr />
          <Text style={styles.small}>{t("footer", { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default PaymentAuthenticationNeeded;

import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";
import { scoped, type MailText } from "./translate";

export interface RefundFailedProps {
  /** The staff's language (lib/i18n/staff-mail-locale.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
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
export function RefundFailed({ locale, text, dojoName, memberName, amount, invoiceNumber, reason, url }: RefundFailedProps) {
  const t = scoped(text, "refundFailed");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { amount, name: memberName })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading")}
          </Heading>
          <Text>{t("body", { amount, name: memberName, number: invoiceNumber, reason })}</Text>
          <Text>{t("next", { name: memberName })}</Text>
          <Button href={url} style={styles.button}>
            {t("button")}
          </Button>
          <Text style={styles.small}>{common("orOpen", { url })}</Text>
          <Hr />
          <Text style={styles.small}>{t("footer", { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default RefundFailed;

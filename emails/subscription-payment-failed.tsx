import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";
import { scoped, type MailText } from "./translate";

export interface SubscriptionPaymentFailedProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  memberFirstName: string;
  /** Already formatted, e.g. "€40.00". */
  amount: string;
  invoiceNumber: string;
  /** The bank's reason when Stripe gave one, e.g. "Your card was declined." */
  reason?: string | null;
  /** The member's card link page with this invoice: update the card and pay. */
  payUrl: string;
}

const styles = noticeStyles;

/** A subscription renewal (or first payment) was declined: pay it with another card. */
export function SubscriptionPaymentFailed({ locale, text, dojoName, memberFirstName, amount, invoiceNumber, reason, payUrl }: SubscriptionPaymentFailedProps) {
  const t = scoped(text, "paymentFailed");
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
          <Text>
            {t("body", { amount, number: invoiceNumber })}
            {reason ? ` ${t("bankSaid", { reason })}` : null}
          </Text>
          <Text>{t("update")}</Text>
          <Button href={payUrl} style={styles.button}>
            {t("button")}
          </Button>
          <Text style={styles.small}>{common("orOpen", { url: payUrl })}</Text>
          <Hr />
          <Text style={styles.small}>{t("footer", { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default SubscriptionPaymentFailed;

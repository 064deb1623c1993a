import { Body, Container, Head, Heading, Html, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";
import { scoped, type MailText } from "./translate";

export interface ShopOrderNotificationProps {
  /** The staff's language (lib/i18n/staff-mail-locale.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  orderNumber: number;
  buyer: string;
  total: string;
  paid: boolean;
  /** Link to the order in the dashboard. */
  url: string;
}

/** Tells the dojo's owner that a webshop order came in. */
export function ShopOrderNotification({ locale, text, dojoName, orderNumber, buyer, total, paid, url }: ShopOrderNotificationProps) {
  const t = scoped(text, "orderNotification");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { number: orderNumber })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading", { number: orderNumber })}
          </Heading>
          <Text>
            {t("body", { buyer, total, dojo: dojoName })} {paid ? t("paid") : t("atDojo")}
          </Text>
          <Text>{t("open", { url })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default ShopOrderNotification;

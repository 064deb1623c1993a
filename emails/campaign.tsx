import { Body, Container, Head, Hr, Html, Link, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";
import { scoped, type MailText } from "./translate";

export interface CampaignMailProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  /** Already rendered and safe: lib/mail/render-campaign.ts escapes every merge value. */
  bodyHtml: string;
  preview: string;
  unsubscribeUrl: string;
}

/** A campaign mail: the staff's Markdown body, then who sent it and how to stop receiving them. */
export function CampaignMail({ locale, text, dojoName, bodyHtml, preview, unsubscribeUrl }: CampaignMailProps) {
  const t = scoped(text, "campaign");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <div style={{ fontSize: "15px", lineHeight: "1.6" }} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          <Hr />
          <Text style={styles.small}>
            {t.rich("footer", {
              dojo: dojoName,
              link: (chunks) => (
                <Link href={unsubscribeUrl} style={styles.small}>
                  {chunks}
                </Link>
              ),
            })}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export default CampaignMail;

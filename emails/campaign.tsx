import { Body, Container, Head, Hr, Html, Link, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";

export interface CampaignMailProps {
  dojoName: string;
  /** Already rendered and safe: lib/mail/render-campaign.ts escapes every merge value. */
  bodyHtml: string;
  preview: string;
  unsubscribeUrl: string;
}

/** A campaign mail: the staff's Markdown body, then who sent it and how to stop receiving them. */
export function CampaignMail({ dojoName, bodyHtml, preview, unsubscribeUrl }: CampaignMailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <div style={{ fontSize: "15px", lineHeight: "1.6" }} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          <Hr />
          <Text style={styles.small}>
            You receive this because you are a member of {dojoName}.{" "}
            <Link href={unsubscribeUrl} style={styles.small}>
              Unsubscribe
            </Link>{" "}
            from these e-mails (invoices and receipts still reach you).
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export default CampaignMail;

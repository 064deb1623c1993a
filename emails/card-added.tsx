import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";

export interface CardAddedProps {
  dojoName: string;
  memberFirstName: string;
  /** "Visa •••• 4242" */
  card: string;
}

const styles = noticeStyles;

/** Confirms a card was saved for the member's future payments (card link, desk or members area). */
export function CardAdded({ dojoName, memberFirstName, card }: CardAddedProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${card} is saved for your payments to ${dojoName}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Your card is saved
          </Heading>
          <Text>Hello {memberFirstName},</Text>
          <Text>
            {card} is now the card {dojoName} charges for your subscription payments. If you did not add it, please contact the dojo.
          </Text>
          <Hr />
          <Text style={styles.small}>{dojoName} · Card details are kept by Stripe, never by the dojo.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default CardAdded;

import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";

export interface CardAddedProps {
  dojoName: string;
  memberFirstName: string;
  /** "Visa •••• 4242" */
  card: string;
}

const styles = {
  body: { backgroundColor: "#f5f5f4", fontFamily: "Inter, Helvetica, Arial, sans-serif", color: "#1c1917", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "520px" },
  heading: { fontSize: "20px", fontWeight: 600, margin: "0 0 16px" },
  small: { color: "#78716c", fontSize: "12px" },
};

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

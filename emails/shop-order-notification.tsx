import { Body, Container, Head, Heading, Html, Preview, Text } from "@react-email/components";

export interface ShopOrderNotificationProps {
  dojoName: string;
  orderNumber: number;
  buyer: string;
  total: string;
  paid: boolean;
  /** Link to the order in the dashboard. */
  url: string;
}

/** Tells the dojo's owner that a webshop order came in. */
export function ShopOrderNotification({ dojoName, orderNumber, buyer, total, paid, url }: ShopOrderNotificationProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`New webshop order #${orderNumber}`}</Preview>
      <Body style={{ backgroundColor: "#f5f5f4", fontFamily: "Inter, Helvetica, Arial, sans-serif", color: "#1c1917", padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "520px" }}>
          <Heading as="h1" style={{ fontSize: "20px", fontWeight: 600 }}>
            New order #{orderNumber}
          </Heading>
          <Text>
            {buyer} ordered for {total} in the {dojoName} webshop. {paid ? "It is paid by card." : "They will pay at the dojo."}
          </Text>
          <Text>Open the order: {url}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default ShopOrderNotification;

// The look of the short notices about cards and subscription payments (one place, three mails).
export const noticeStyles = {
  body: { backgroundColor: "#f5f5f4", fontFamily: "Inter, Helvetica, Arial, sans-serif", color: "#1c1917", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "520px" },
  heading: { fontSize: "20px", fontWeight: 600, margin: "0 0 16px" },
  button: { backgroundColor: "#1c1917", color: "#ffffff", borderRadius: "6px", padding: "12px 20px", fontWeight: 600, textDecoration: "none" },
  small: { color: "#78716c", fontSize: "12px" },
};

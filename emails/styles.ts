// Shared look of every mail (react-email inlines these styles).
export const mailStyles = {
  body: { backgroundColor: "#f5f5f4", fontFamily: "Inter, Helvetica, Arial, sans-serif", color: "#1c1917", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "520px" },
  heading: { fontSize: "20px", fontWeight: 600, margin: "0 0 16px" },
  label: { color: "#78716c", fontSize: "13px", margin: "0" },
  value: { fontSize: "15px", fontWeight: 600, margin: "0 0 12px" },
  small: { color: "#78716c", fontSize: "12px" },
  button: { backgroundColor: "#b45309", color: "#ffffff", borderRadius: "6px", padding: "12px 20px", fontWeight: 600, textDecoration: "none", display: "inline-block" },
  link: { color: "#b45309" },
};

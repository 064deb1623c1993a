export * from "./dojos";
export * from "./staff";
export * from "./members";
export * from "./invoices";
export * from "./payments";
export * from "./ledger";
export * from "./login-attempts";
export * from "./stripe";

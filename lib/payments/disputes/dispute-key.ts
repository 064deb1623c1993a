// Client-safe. A lost dispute's ledger entry is keyed by Stripe's dispute id (du_…, dp_… for some
// payment methods) in the column refunds use, so the ledger tells the two apart by the key.
export const isDisputeKey = (key: string | null | undefined): boolean => !!key && /^(du|dp)_/.test(key);

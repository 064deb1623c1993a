import type { ReactNode } from "react";

// A mail's words come from messages/<locale>.json through the translator its composer passes in
// (lib/i18n/messages.ts), for the "emails" namespace: templates stay plain React, knowing no file.
export interface MailText {
  (key: string, values?: Record<string, string | number>): string;
  rich(key: string, values: Record<string, string | number | ((chunks: ReactNode) => ReactNode)>): ReactNode;
}

/** The same translator, for one mail's part of the namespace ("receipt", "common"). */
export function scoped(text: MailText, part: string): MailText {
  const t = ((key, values) => text(`${part}.${key}`, values)) as MailText;
  t.rich = (key, values) => text.rich(`${part}.${key}`, values);
  return t;
}

import type en from "@/messages/en.json";
import type { Locale } from "./locales";
import type { StaffMessages } from "./staff-messages";

// Message keys used with useTranslations/getTranslations are checked against the English files.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en & { staff: StaffMessages };
  }
}

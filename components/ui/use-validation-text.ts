import { useTranslations } from "next-intl";
import { validationText } from "@/lib/validation/message-key";

/** Shows a field error in the page's language: a schema's message (a validation key) translated, any other text as it is. */
export function useValidationText(): (message: string) => string {
  const t = useTranslations("validation");
  return (message) => validationText(message, t);
}

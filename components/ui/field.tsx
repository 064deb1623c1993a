import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { useValidationText } from "./use-validation-text";

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** Marks the label (a red *; "required" for screen readers) where a form mixes required and optional fields. */
  required?: boolean;
  children: ReactElement<{ id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string; "aria-required"?: boolean }>;
}

/** A label, the control, and the control's error right below it, wired for screen readers. */
export function Field({ label, error, hint, className, required, children }: FieldProps) {
  const t = useTranslations("ui");
  const shown = useValidationText();
  const id = useId();
  const messageId = `${id}-message`;
  const control = isValidElement(children)
    ? cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": error || hint ? messageId : undefined, "aria-required": required || undefined })
    : children;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        {label}
        {required && (
          <span className="text-red-600" title={t("required")}>
            <span aria-hidden> *</span>
            <span className="sr-only"> ({t("required")})</span>
          </span>
        )}
      </label>
      {control}
      {error ? (
        <p id={messageId} role="alert" className="text-sm text-red-600">
          {shown(error)}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

"use client";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { useToast } from "@/components/ui/toast";

interface Options<V extends FieldValues, T> {
  action: (values: V) => Promise<ActionResult<T>>;
  defaultValues?: DefaultValues<V>;
  resolver?: Resolver<V>;
  onSuccess?: (data: T) => void;
  successMessage?: string;
}

/**
 * react-hook-form wired to a server action's result: field errors land on their fields,
 * the general error in a toast and in `formError` (shown at the top of the form).
 */
export function useActionForm<V extends FieldValues, T>({ action, defaultValues, resolver, onSuccess, successMessage }: Options<V, T>) {
  const form = useForm<V>({ defaultValues, resolver });
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (result.ok) {
      if (successMessage) toast({ title: successMessage, tone: "success" });
      onSuccess?.(result.data);
      return;
    }
    setFormError(result.error);
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (key !== "_form") form.setError(key as Path<V>, { message: messages[0] });
    }
  });
  return { form, submit, formError, pending: form.formState.isSubmitting };
}

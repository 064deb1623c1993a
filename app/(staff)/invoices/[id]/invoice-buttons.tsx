"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Ban, FileDown, Pencil, Printer, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { InvoiceStatus } from "@/db/schema";
import { issueInvoiceAction, voidInvoiceAction } from "../actions";

interface InvoiceButtonsProps {
  invoiceId: string;
  status: InvoiceStatus;
  /** Money was received: voiding would need a refund first. */
  hasPayments: boolean;
}

/** Issue, edit, void, print and download the PDF; "Record payment" lives in PayButtons. */
export function InvoiceButtons({ invoiceId, status, hasPayments }: InvoiceButtonsProps) {
  const router = useRouter();
  const t = useTranslations("staff.invoices.buttons");
  const toast = useToast();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const canVoid = (status === "draft" || status === "open") && !hasPayments;

  return (
    <>
      {status === "draft" && (
        <>
          <Button asChild variant="secondary">
            <Link href={`/invoices/${invoiceId}/edit`}>
              <Pencil className="size-4" aria-hidden />
              {t("edit")}
            </Link>
          </Button>
          <ConfirmDialog
            trigger={
              <Button>
                <Send className="size-4" aria-hidden />
                {t("issue")}
              </Button>
            }
            title={t("issueTitle")}
            description={t("issueDescription")}
            confirmLabel={t("issueConfirm")}
            onConfirm={async () => {
              const result = await issueInvoiceAction({ id: invoiceId });
              if (!result.ok) {
                toast({ title: result.error, tone: "error" });
                return false;
              }
              toast({ title: t("issued", { number: result.data.number ?? "" }), tone: "success" });
              router.refresh();
              return true;
            }}
          />
        </>
      )}
      <Button asChild variant="secondary">
        <Link href={`/invoices/${invoiceId}/print`} target="_blank">
          <Printer className="size-4" aria-hidden />
          {t("print")}
        </Link>
      </Button>
      <Button asChild variant="secondary">
        {/* A route handler, not a page: a plain link so the browser downloads the file. */}
        <a href={`/invoices/${invoiceId}/pdf`} download>
          <FileDown className="size-4" aria-hidden />
          {t("pdf")}
        </a>
      </Button>
      {canVoid && (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" className="text-red-700">
              <Ban className="size-4" aria-hidden />
              {t("void")}
            </Button>
          }
          title={t("voidTitle")}
          description={t("voidDescription")}
          confirmLabel={t("voidConfirm")}
          destructive
          onConfirm={async () => {
            const result = await voidInvoiceAction({ id: invoiceId, reason });
            if (!result.ok) {
              setReasonError(result.fieldErrors?.reason?.[0]);
              if (!result.fieldErrors?.reason) toast({ title: result.error, tone: "error" });
              return false;
            }
            toast({ title: t("voided"), tone: "success" });
            router.refresh();
            return true;
          }}
        >
          <Field label={t("reason")} error={reasonError} hint={t("reasonHint")}>
            <Textarea
              rows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(undefined);
              }}
            />
          </Field>
        </ConfirmDialog>
      )}
    </>
  );
}

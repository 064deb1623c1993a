"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Ban, FileDown, Pencil, Printer, Send } from "lucide-react";
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
              Edit
            </Link>
          </Button>
          <ConfirmDialog
            trigger={
              <Button>
                <Send className="size-4" aria-hidden />
                Issue
              </Button>
            }
            title="Issue this invoice?"
            description="It gets the next invoice number and can no longer be edited. You can still void it."
            confirmLabel="Issue invoice"
            onConfirm={async () => {
              const result = await issueInvoiceAction({ id: invoiceId });
              if (!result.ok) {
                toast({ title: result.error, tone: "error" });
                return false;
              }
              toast({ title: `Invoice ${result.data.number} issued`, tone: "success" });
              router.refresh();
              return true;
            }}
          />
        </>
      )}
      <Button asChild variant="secondary">
        <Link href={`/invoices/${invoiceId}/print`} target="_blank">
          <Printer className="size-4" aria-hidden />
          Print
        </Link>
      </Button>
      <Button asChild variant="secondary">
        {/* A route handler, not a page: a plain link so the browser downloads the file. */}
        <a href={`/invoices/${invoiceId}/pdf`} download>
          <FileDown className="size-4" aria-hidden />
          PDF
        </a>
      </Button>
      {canVoid && (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" className="text-red-700">
              <Ban className="size-4" aria-hidden />
              Void
            </Button>
          }
          title="Void this invoice?"
          description="A void invoice keeps its number for your records but is no longer owed. This cannot be undone."
          confirmLabel="Void invoice"
          destructive
          onConfirm={async () => {
            const result = await voidInvoiceAction({ id: invoiceId, reason });
            if (!result.ok) {
              setReasonError(result.fieldErrors?.reason?.[0]);
              if (!result.fieldErrors?.reason) toast({ title: result.error, tone: "error" });
              return false;
            }
            toast({ title: "Invoice voided", tone: "success" });
            router.refresh();
            return true;
          }}
        >
          <Field label="Reason" error={reasonError} hint="Required, e.g. “Duplicate of 2026-0041”.">
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

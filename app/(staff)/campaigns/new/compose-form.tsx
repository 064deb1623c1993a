"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Eye, Send, FlaskConical } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { FormError } from "@/components/forms/form-error";
import type { ActionResult } from "@/lib/action-result";
import type { RecipientSummary } from "@/lib/campaigns/recipients";
import type { MemberOption } from "@/lib/invoices/member-options";
import { mergeCodeError, type MergeCode } from "@/lib/mail/merge-codes";
import { MemberPicker } from "../../invoices/member-picker";
import { countRecipientsAction, previewCampaignAction, sendCampaignAction, testSendCampaignAction } from "../actions";
import { MergeCodePicker } from "./merge-code-picker";
import { RecipientsPicker, toFilter, type RecipientsState } from "./recipients-picker";

type Errors = Partial<Record<"subject" | "body" | "recipients" | "memberId", string>>;

function errorsOf(result: ActionResult<unknown>): Errors {
  if (result.ok) return {};
  const out: Errors = {};
  for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
    const field = key.startsWith("recipients") ? "recipients" : key;
    if (field === "subject" || field === "body" || field === "recipients" || field === "memberId") out[field] ??= messages[0];
  }
  return out;
}

export function ComposeForm({ userEmail, plans }: { userEmail: string; plans: { id: string; name: string }[] }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.campaigns.compose");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState(`${t("greeting")} {firstname},\n\n`);
  const [recipients, setRecipients] = useState<RecipientsState>({ kind: "all", status: "active", noCard: false, openInvoices: false, familyPayers: false, subscribedTo: "", picked: [] });
  const [summary, setSummary] = useState<RecipientSummary | null>(null);
  const [previewAs, setPreviewAs] = useState<MemberOption | null>(null);
  const [preview, setPreview] = useState<{ subject: string; html: string; text: string; to: string | null } | null>(null);
  const [previewPart, setPreviewPart] = useState<"html" | "text">("html");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "test" | null>(null);
  const lastField = useRef<"subject" | "body">("body");
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // The count before sending, kept up to date as the recipients change.
  useEffect(() => {
    let current = true;
    const filter = toFilter(recipients);
    if (filter.kind === "picked" && filter.memberIds.length === 0) return;
    const timer = setTimeout(async () => {
      const result = await countRecipientsAction({ recipients: filter });
      if (current && result.ok) setSummary(result.data);
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [recipients]);

  // Unknown codes are flagged while typing, not only when sending.
  const subjectCodeError = mergeCodeError(subject);
  const bodyCodeError = mergeCodeError(body);
  const shown: Errors = { ...errors, subject: subjectCodeError ?? errors.subject, body: bodyCodeError ?? errors.body };

  function insert(code: MergeCode) {
    const token = `{${code}}`;
    const isSubject = lastField.current === "subject";
    const el = isSubject ? subjectRef.current : bodyRef.current;
    const value = isSubject ? subject : body;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    (isSubject ? setSubject : setBody)(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const nobodyPicked = recipients.kind === "picked" && recipients.picked.length === 0;
  const counted: RecipientSummary | null = nobodyPicked ? { sendable: 0, first: null, skipped: [] } : summary;
  const sendable = counted?.sendable ?? 0;
  const previewMember = previewAs ?? counted?.first ?? null;

  function fail(result: ActionResult<unknown>) {
    if (result.ok) return;
    setErrors(errorsOf(result));
    setFormError(result.error);
  }


  async function showPreview() {
    if (!previewMember) {
      setErrors({ ...errors, memberId: t("chooseMember") });
      return;
    }
    setBusy("preview");
    setFormError(null);
    const result = await previewCampaignAction({ subject, body, memberId: previewMember.id });
    setBusy(null);
    if (result.ok) {
      setErrors({});
      setPreview(result.data);
    } else fail(result);
  }

  async function testSend() {
    setBusy("test");
    setFormError(null);
    const result = await testSendCampaignAction({ subject, body, memberId: previewMember?.id });
    setBusy(null);
    if (result.ok) {
      setErrors({});
      toast({ title: t("testSent", { email: result.data.to }), tone: "success" });
    } else fail(result);
  }

  async function send(): Promise<boolean> {
    setFormError(null);
    const result = await sendCampaignAction({ subject, body, recipients: toFilter(recipients) });
    if (!result.ok) {
      fail(result);
      return false;
    }
    toast({ title: t("queued"), tone: "success" });
    router.push(`/campaigns/${result.data.id}`);
    return true;
  }

  const canSend = sendable > 0 && !subjectCodeError && !bodyCodeError && subject.trim() !== "" && body.trim() !== "";

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("message")} description={t("markdown")} />
          <CardBody className="space-y-4">
            <FormError message={formError} />
            <Field label={t("subject")} error={shown.subject}>
              <Input ref={subjectRef} value={subject} maxLength={200} onFocus={() => (lastField.current = "subject")} onChange={(e) => setSubject(e.target.value)} placeholder={t("subjectPlaceholder")} />
            </Field>
            <MergeCodePicker onInsert={insert} />
            <Field label={t("body")} error={shown.body}>
              <Textarea ref={bodyRef} value={body} rows={12} onFocus={() => (lastField.current = "body")} onChange={(e) => setBody(e.target.value)} className="font-mono text-sm sm:text-sm" />
            </Field>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title={t("recipients")} />
          <CardBody className="space-y-4">
            <RecipientsPicker value={recipients} onChange={setRecipients} error={shown.recipients} plans={plans} />
            <div className="rounded-md bg-stone-50 p-3 text-sm" aria-live="polite">
              {counted === null ? (
                <p className="text-stone-500">{t("counting")}</p>
              ) : (
                <>
                  <p className="font-medium text-stone-900" data-testid="recipient-count">
                    {t("willReceive", { count: sendable })}
                  </p>
                  {counted.skipped.length > 0 && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-stone-600">{t("skipped", { count: counted.skipped.length })}</summary>
                      <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto">
                        {counted.skipped.map((s) => (
                          <li key={s.memberId} className="flex flex-wrap justify-between gap-x-3 text-stone-600">
                            <span className="text-stone-900">{s.name}</span>
                            <span className="text-xs">{s.reason}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </>
              )}
            </div>
          </CardBody>
        </Card>
      </div>

      <div className="space-y-6 xl:sticky xl:top-6">
        <Card>
          <CardHeader title={t("preview")} description={t("previewDescription")} />
          <CardBody className="space-y-3">
            <Field label={t("previewAs")} error={shown.memberId}>
              <MemberPicker value={previewMember} onChange={(m) => setPreviewAs(m)} />
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={showPreview} pending={busy === "preview"}>
                <Eye className="size-4" aria-hidden /> {t("preview")}
              </Button>
              <Button type="button" variant="secondary" onClick={testSend} pending={busy === "test"} title={t("testSendTitle", { email: userEmail })}>
                <FlaskConical className="size-4" aria-hidden /> {t("testSend")}
              </Button>
            </div>
            {preview && (
              <div className="overflow-hidden rounded-md border border-stone-200">
                <div className="border-b border-stone-200 bg-stone-50 px-3 py-2 text-sm">
                  <p className="truncate text-stone-500">{t("to", { to: preview.to ?? t("noEmail") })}</p>
                  <p className="font-medium break-words text-stone-900" data-testid="preview-subject">
                    {preview.subject}
                  </p>
                </div>
                <div className="flex border-b border-stone-200 text-sm" role="group" aria-label={t("part")}>
                  {(["html", "text"] as const).map((part) => (
                    <button
                      key={part}
                      type="button"
                      aria-pressed={previewPart === part}
                      onClick={() => setPreviewPart(part)}
                      className={previewPart === part ? "border-b-2 border-brand-600 px-3 py-1.5 font-medium text-stone-900" : "px-3 py-1.5 text-stone-500 hover:text-stone-800"}
                    >
                      {part === "html" ? t("asShown") : t("plainText")}
                    </button>
                  ))}
                </div>
                {previewPart === "html" ? (
                  /* sandbox without permissions: no scripts, no navigation of this page. */
                  <iframe title={t("previewFrame")} sandbox="" srcDoc={preview.html} className="h-[28rem] w-full bg-white" />
                ) : (
                  <pre data-testid="preview-text" className="h-[28rem] overflow-auto bg-white p-3 font-mono text-xs break-words whitespace-pre-wrap text-stone-800">
                    {preview.text}
                  </pre>
                )}
              </div>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardBody className="space-y-3">
            <ConfirmDialog
              trigger={
                <Button type="button" className="w-full" disabled={!canSend}>
                  <Send className="size-4" aria-hidden /> {t("send", { count: sendable })}
                </Button>
              }
              title={t("sendTitle", { count: sendable })}
              description={t("sendDescription")}
              confirmLabel={t("sendNow")}
              onConfirm={send}
            />
            <p className="text-xs text-stone-500">{t("skippedNote")}</p>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

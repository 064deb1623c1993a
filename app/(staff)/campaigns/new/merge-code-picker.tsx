"use client";
import { useTranslations } from "next-intl";
import { isUrlCode, MERGE_CODE_EXAMPLES, MERGE_CODES, type MergeCode } from "@/lib/mail/merge-codes";

/** Buttons that insert a merge code where the cursor is in the subject or the body. */
export function MergeCodePicker({ onInsert }: { onInsert: (code: MergeCode) => void }) {
  const t = useTranslations("staff.campaigns.mergeCodes");
  // Names and addresses are examples as they are; the links become buttons named in the reader's words.
  const example = (code: MergeCode) => (isUrlCode(code) ? t(`example.${code}`) : MERGE_CODE_EXAMPLES[code]);
  return (
    <div>
      <p className="mb-1.5 text-sm font-medium text-stone-700">{t("insert")}</p>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("group")}>
        {(Object.keys(MERGE_CODES) as MergeCode[]).map((code) => (
          <button
            key={code}
            type="button"
            title={t(`label.${code}`)}
            // Keep the focus (and the caret) in the field being edited.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onInsert(code)}
            className="rounded-md border border-stone-300 bg-stone-50 px-2 py-1 font-mono text-xs text-stone-700 hover:border-brand-500 hover:bg-brand-50"
          >
            {`{${code}}`}
          </button>
        ))}
      </div>
      <details className="mt-1.5 text-xs text-stone-600">
        <summary className="cursor-pointer text-stone-500 hover:text-stone-800">{t("explain")}</summary>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 rounded-md bg-stone-50 p-3 sm:grid-cols-[max-content_1fr]" data-testid="merge-code-help">
          {(Object.keys(MERGE_CODES) as MergeCode[]).map((code) => (
            <div key={code} className="contents">
              <dt className="mt-1 font-mono text-stone-800 sm:mt-0">{`{${code}}`}</dt>
              <dd>
                {t.rich("help", { label: t(`label.${code}`), value: example(code), example: (chunks) => <span className="text-stone-900">{chunks}</span> })}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2">
          {t.rich("linkHelp", {
            example: `[${t("linkText")}]({stripecardlink})`,
            mergeCode: "{stripecardlink}",
            code: (chunks) => <code className="font-mono text-stone-800">{chunks}</code>,
          })}
        </p>
      </details>
    </div>
  );
}

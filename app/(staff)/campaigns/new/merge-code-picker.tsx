"use client";
import { MERGE_CODE_EXAMPLES, MERGE_CODES, type MergeCode } from "@/lib/mail/merge-codes";

/** Buttons that insert a merge code where the cursor is in the subject or the body. */
export function MergeCodePicker({ onInsert }: { onInsert: (code: MergeCode) => void }) {
  return (
    <div>
      <p className="mb-1.5 text-sm font-medium text-stone-700">Insert a merge code</p>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Merge codes">
        {(Object.keys(MERGE_CODES) as MergeCode[]).map((code) => (
          <button
            key={code}
            type="button"
            title={MERGE_CODES[code]}
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
        <summary className="cursor-pointer text-stone-500 hover:text-stone-800">Each recipient gets their own value. What each code becomes…</summary>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 rounded-md bg-stone-50 p-3 sm:grid-cols-[max-content_1fr]" data-testid="merge-code-help">
          {(Object.keys(MERGE_CODES) as MergeCode[]).map((code) => (
            <div key={code} className="contents">
              <dt className="mt-1 font-mono text-stone-800 sm:mt-0">{`{${code}}`}</dt>
              <dd>
                {MERGE_CODES[code]}, e.g. <span className="text-stone-900">{MERGE_CODE_EXAMPLES[code]}</span>
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2">
          For a link in your own words write <code className="font-mono text-stone-800">[add your card here]({"{stripecardlink}"})</code>. {"{stripecardlink}"} is each member’s personal link to save a card for future payments.
        </p>
      </details>
    </div>
  );
}

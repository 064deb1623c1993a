"use client";
import { MERGE_CODES, type MergeCode } from "@/lib/mail/merge-codes";

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
      <p className="mt-1.5 text-xs text-stone-500">Each recipient gets their own value; {"{stripecardlink}"} is their personal link to add a card.</p>
    </div>
  );
}

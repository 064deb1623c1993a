"use client";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { RecipientFilter } from "@/db/schema";
import { Select } from "@/components/ui/input";
import type { MemberOption } from "@/lib/invoices/member-options";
import { MemberPicker } from "../../invoices/member-picker";

export type RecipientsState = {
  kind: RecipientFilter["kind"];
  status: "active" | "inactive" | "all";
  noCard: boolean;
  openInvoices: boolean;
  familyPayers: boolean;
  /** "" for no condition, "any", or a plan id. */
  subscribedTo: string;
  picked: MemberOption[];
};

export function toFilter(s: RecipientsState): RecipientFilter {
  if (s.kind === "all") return { kind: "all" };
  if (s.kind === "filter") return { kind: "filter", status: s.status, noCard: s.noCard, openInvoices: s.openInvoices, familyPayers: s.familyPayers, subscribedTo: s.subscribedTo || null };
  return { kind: "picked", memberIds: s.picked.map((m) => m.id) };
}

const KINDS: RecipientFilter["kind"][] = ["all", "filter", "picked"];

export function RecipientsPicker({ value, onChange, error, plans }: { value: RecipientsState; onChange: (next: RecipientsState) => void; error?: string; plans: { id: string; name: string }[] }) {
  const set = (patch: Partial<RecipientsState>) => onChange({ ...value, ...patch });
  const t = useTranslations("staff.campaigns.recipients");
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">{t("legend")}</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-4">
        {KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input type="radio" name="recipient-kind" value={kind} checked={value.kind === kind} onChange={() => set({ kind })} className="size-4 accent-brand-600" />
            {t(kind)}
          </label>
        ))}
      </div>
      {value.kind === "filter" && (
        <div className="grid gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-3">
          <label className="space-y-1 text-sm">
            <span className="block font-medium text-stone-700">{t("status")}</span>
            <Select value={value.status} onChange={(e) => set({ status: e.target.value as RecipientsState["status"] })}>
              <option value="active">{t("active")}</option>
              <option value="inactive">{t("inactive")}</option>
              <option value="all">{t("both")}</option>
            </Select>
          </label>
          <label className="flex items-center gap-2 text-sm sm:pt-6">
            <input type="checkbox" checked={value.noCard} onChange={(e) => set({ noCard: e.target.checked })} className="size-4 accent-brand-600" />
            {t("noCard")}
          </label>
          <label className="flex items-center gap-2 text-sm sm:pt-6">
            <input type="checkbox" checked={value.openInvoices} onChange={(e) => set({ openInvoices: e.target.checked })} className="size-4 accent-brand-600" />
            {t("openInvoices")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={value.familyPayers} onChange={(e) => set({ familyPayers: e.target.checked })} className="size-4 accent-brand-600" />
            {t("familyPayers")}
          </label>
          <label className="space-y-1 text-sm sm:col-span-3">
            <span className="block font-medium text-stone-700">{t("subscription")}</span>
            <Select value={value.subscribedTo} onChange={(e) => set({ subscribedTo: e.target.value })}>
              <option value="">{t("anyMember")}</option>
              <option value="any">{t("anyPlan")}</option>
              <option value="paused">{t("paused")}</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {t("subscribedTo", { plan: p.name })}
                </option>
              ))}
            </Select>
          </label>
        </div>
      )}
      {value.kind === "picked" && (
        <div className="space-y-2">
          <MemberPicker
            value={null}
            aria-invalid={error ? true : undefined}
            onChange={(m) => {
              if (m && !value.picked.some((p) => p.id === m.id)) set({ picked: [...value.picked, m] });
            }}
          />
          {value.picked.length > 0 && (
            <ul className="flex flex-wrap gap-1.5" aria-label={t("pickedList")}>
              {value.picked.map((m) => (
                <li key={m.id} className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-1 pr-1 pl-3 text-sm">
                  {m.name}
                  <button type="button" aria-label={t("remove", { name: m.name })} className="rounded-full p-0.5 text-stone-500 hover:bg-stone-200" onClick={() => set({ picked: value.picked.filter((p) => p.id !== m.id) })}>
                    <X className="size-3.5" />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}

"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import type { MemberOption } from "@/lib/invoices/member-options";
import { cn } from "@/lib/cn";
import { searchMembersAction } from "./actions";

interface MemberPickerProps {
  id?: string;
  value: MemberOption | null;
  onChange: (member: MemberOption | null) => void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

/**
 * A combobox over the dojo's members: it asks the server for a few matches as you type, so it
 * works the same with 20 members or 20,000.
 */
export function MemberPicker({ id, value, onChange, ...aria }: MemberPickerProps) {
  const listId = useId();
  const t = useTranslations("staff.invoices.picker");
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<MemberOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const request = useRef(0);

  useEffect(() => {
    if (!open) return;
    const mine = ++request.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      const result = await searchMembersAction({ q: query });
      if (mine !== request.current) return;
      setLoading(false);
      if (result.ok) {
        setOptions(result.data);
        setError(null);
        setActive(0);
      } else setError(result.error);
    }, 200);
    return () => clearTimeout(timer);
  }, [query, open]);

  function choose(member: MemberOption) {
    onChange(member);
    setOpen(false);
    setQuery("");
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter" && open && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  }

  if (value) {
    return (
      <div className="flex h-10 items-center justify-between gap-2 rounded-md border border-stone-300 bg-white px-3 text-sm shadow-xs">
        <span className="truncate">
          <span className="font-medium">{value.name}</span> <span className="text-stone-500">· {value.uid}</span>
          {value.status === "inactive" && <span className="ml-1 text-stone-500">{t("inactive")}</span>}
        </span>
        <button
          id={id}
          type="button"
          className="shrink-0 rounded p-1 text-stone-500 hover:bg-stone-100"
          aria-label={t("change", { name: value.name })}
          onClick={() => {
            onChange(null);
            setOpen(true);
            setTimeout(() => inputRef.current?.focus());
          }}
        >
          <X className="size-4" />
        </button>
      </div>
    );
  }

  return (
    <div className="relative">
      <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
      <Input
        {...aria}
        ref={inputRef}
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        className="pl-9"
        placeholder={t("placeholder")}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg">
          {error ? (
            <li className="px-3 py-2 text-red-600">{error}</li>
          ) : options.length === 0 ? (
            <li className="px-3 py-2 text-stone-500">{loading ? t("searching") : t("none")}</li>
          ) : (
            options.map((m, i) => (
              <li
                key={m.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={cn("flex cursor-pointer justify-between gap-2 px-3 py-2", i === active ? "bg-brand-50 text-brand-900" : "hover:bg-stone-50")}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(m);
                }}
              >
                <span className="truncate">
                  {m.name}
                  {m.status === "inactive" && <span className="ml-1 text-stone-500">{t("inactive")}</span>}
                </span>
                <span className="shrink-0 font-mono text-xs text-stone-500">{m.uid}</span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}

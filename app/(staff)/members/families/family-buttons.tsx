"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { addFamilyMemberAction, deleteFamilyAction, removeFamilyMemberAction, setFamilyDiscountAction } from "./actions";
import type { MemberOption } from "./family-form";

/** Runs an action with a toast for its outcome; true when it worked. */
function useRun() {
  const router = useRouter();
  const toast = useToast();
  return async <T,>(result: Promise<ActionResult<T>>, success: string) => {
    const done = await result;
    if (!done.ok) {
      toast({ tone: "error", title: done.error });
      return false;
    }
    toast({ tone: "success", title: success });
    router.refresh();
    return true;
  };
}

export function AddFamilyMember({ familyId, options }: { familyId: string; options: MemberOption[] }) {
  const run = useRun();
  const [memberId, setMemberId] = useState("");
  const [pending, setPending] = useState(false);
  const t = useTranslations("staff.members.families");
  if (options.length === 0) return <p className="text-sm text-stone-500">{t("buttons.allInFamilies")}</p>;
  return (
    <form
      className="flex flex-col gap-2 sm:flex-row"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        if (await run(addFamilyMemberAction({ familyId, memberId }), t("buttons.memberAdded"))) setMemberId("");
        setPending(false);
      }}
    >
      <Select aria-label={t("buttons.memberToAdd")} value={memberId} onChange={(e) => setMemberId(e.target.value)} className="sm:max-w-xs">
        <option value="">{t("form.chooseMember")}</option>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" pending={pending} disabled={!memberId}>
        {t("buttons.add")}
      </Button>
    </form>
  );
}

export function RemoveFamilyMember({ familyId, memberId, name }: { familyId: string; memberId: string; name: string }) {
  const run = useRun();
  const t = useTranslations("staff.members.families.buttons");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          {t("remove")}
        </Button>
      }
      title={t("removeTitle", { name })}
      description={t("removeDescription")}
      confirmLabel={t("remove")}
      onConfirm={() => run(removeFamilyMemberAction({ familyId, memberId }), t("removed", { name }))}
    />
  );
}

export function DeleteFamily({ familyId, name }: { familyId: string; name: string }) {
  const run = useRun();
  const router = useRouter();
  const t = useTranslations("staff.members.families.buttons");
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("delete")}</Button>}
      title={t("deleteTitle", { name })}
      description={t("deleteDescription")}
      confirmLabel={t("deleteConfirm")}
      destructive
      onConfirm={async () => {
        const ok = await run(deleteFamilyAction({ familyId }), t("deleted"));
        if (ok) router.push("/members/families");
        return ok;
      }}
    />
  );
}

export function FamilyDiscountForm({ percent }: { percent: number }) {
  const run = useRun();
  const [value, setValue] = useState(String(percent));
  const [pending, setPending] = useState(false);
  const t = useTranslations("staff.members.families.buttons");
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm text-stone-700"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        await run(setFamilyDiscountAction({ percent: Number(value) }), t("discountSaved"));
        setPending(false);
      }}
    >
      <label htmlFor="family-discount">{t("discount")}</label>
      <Input id="family-discount" inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} className="w-20" />
      <span>%</span>
      <Button type="submit" variant="secondary" size="sm" pending={pending}>
        {t("save")}
      </Button>
    </form>
  );
}

"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { changeRole, setActive } from "./actions";
import { RoleOptions } from "./role-options";

interface StaffRowButtonsProps {
  staff: { id: string; name: string; role: Role; active: boolean };
}

export function StaffRowButtons({ staff }: StaffRowButtonsProps) {
  const t = useTranslations("staff.settings.staff.row");
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const [role, setRole] = useState(staff.role);

  async function onRoleChange(next: Role) {
    setRole(next);
    setSaving(true);
    const result = await changeRole({ staffId: staff.id, role: next });
    setSaving(false);
    if (!result.ok) setRole(staff.role);
    toast(result.ok ? { title: t("roleChanged", { name: staff.name }), tone: "success" } : { title: result.error, tone: "error" });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${staff.id}`}>
        {t("roleOf", { name: staff.name })}
      </label>
      <Select
        id={`role-${staff.id}`}
        value={role}
        disabled={saving || !staff.active}
        className="w-full sm:w-auto"
        onChange={(ev) => onRoleChange(ev.target.value as Role)}
      >
        <RoleOptions />
      </Select>
      {staff.active ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" size="sm">
              {t("deactivate")}
            </Button>
          }
          title={t("deactivateTitle", { name: staff.name })}
          description={t("deactivateDescription")}
          confirmLabel={t("deactivate")}
          destructive
          onConfirm={async () => {
            const result = await setActive({ staffId: staff.id, active: false });
            toast(result.ok ? { title: t("deactivated", { name: staff.name }), tone: "success" } : { title: result.error, tone: "error" });
            return result.ok;
          }}
        />
      ) : (
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            const result = await setActive({ staffId: staff.id, active: true });
            toast(result.ok ? { title: t("reactivated", { name: staff.name }), tone: "success" } : { title: result.error, tone: "error" });
          }}
        >
          {t("reactivate")}
        </Button>
      )}
    </div>
  );
}

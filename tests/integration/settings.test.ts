import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import SettingsLayout from "@/app/(staff)/settings/layout";
import SettingsPage from "@/app/(staff)/settings/page";
import AccountSettingsPage from "@/app/(staff)/settings/account/page";
import StaffSettingsPage from "@/app/(staff)/settings/staff/page";
import StaffLayout from "@/app/(staff)/layout";
import MyAccountPage from "@/app/(staff)/account/page";
import { changeName, changePassword } from "@/app/(staff)/account/actions";
import { getStaffSession } from "@/lib/auth/session";
import type { Role } from "@/db/schema";
import { signedInDojo, TEST_PASSWORD } from "../support/factories";
import { isForbidden, redirectsTo } from "../support/next";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));

describe("settings access", () => {
  it("the owner sees every section, and the plan with what it includes", async () => {
    await signedInDojo({ plan: "pro" });
    await expect(SettingsPage()).rejects.toSatisfy(redirectsTo("/settings/account"));
    const account = renderToStaticMarkup(await AccountSettingsPage());
    expect(account).toContain("Your plan");
    expect(account).toContain("Pro");
    expect(account).toContain("E-mail campaigns");
    expect(account).toContain("Staff users: 1 active, of 5 included.");
    expect(account).not.toMatch(/coming soon/i);
    await expect(StaffSettingsPage()).resolves.toBeTruthy();
  });

  it("a manager gets no account, staff or payment settings: /settings sends them to their own account", async () => {
    await signedInDojo({ role: "manager" });
    await expect(SettingsLayout({ children: null })).resolves.toBeTruthy();
    await expect(SettingsPage()).rejects.toSatisfy(redirectsTo("/account"));
    await expect(AccountSettingsPage()).rejects.toSatisfy(isForbidden);
    await expect(StaffSettingsPage()).rejects.toSatisfy(isForbidden);
  });

  it("the staff role is refused the settings (the refusal page says whom to ask) and cannot use its actions", async () => {
    await signedInDojo({ role: "staff" });
    await expect(SettingsLayout({ children: null })).rejects.toSatisfy(isForbidden);
    await expect(SettingsPage()).rejects.toSatisfy(isForbidden);
    await expect(AccountSettingsPage()).rejects.toSatisfy(isForbidden);
    await expect(StaffSettingsPage()).rejects.toSatisfy(isForbidden);
  });
});

describe("my account", () => {
  // The staff layout hands its menu to the app shell.
  const menuLabels = async () => ((await StaffLayout({ children: null })).props as { nav: { label: string }[] }).nav.map((item) => item.label);

  it.each<Role>(["owner", "manager", "staff"])("a %s opens it from the menu and changes their own name and password", async (role) => {
    const { user } = await signedInDojo({ role });
    const nav = await menuLabels();
    expect(nav).toContain("My account");
    expect(nav.includes("Settings")).toBe(role === "owner");
    await expect(MyAccountPage()).resolves.toBeTruthy();

    expect(await changeName({ name: `Renamed ${role}` })).toEqual({ ok: true, data: null });
    expect((await getStaffSession())?.user).toMatchObject({ id: user.id, name: `Renamed ${role}` });
    const changed = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: "my own new password", confirmPassword: "my own new password" });
    expect(changed).toEqual({ ok: true, data: { redirectTo: "/login" } });
  });
});

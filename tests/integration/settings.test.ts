import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import SettingsLayout from "@/app/(staff)/settings/layout";
import SettingsPage from "@/app/(staff)/settings/page";
import AccountSettingsPage from "@/app/(staff)/settings/account/page";
import StaffSettingsPage from "@/app/(staff)/settings/staff/page";
import ProfileSettingsPage from "@/app/(staff)/settings/profile/page";
import { changeName } from "@/app/(staff)/settings/profile/actions";
import { signedInDojo } from "../support/factories";
import { isNotFound, redirectsTo } from "../support/next";

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
    await expect(ProfileSettingsPage()).resolves.toBeTruthy();
  });

  it("a manager sees only their own account", async () => {
    await signedInDojo({ role: "manager" });
    await expect(SettingsLayout({ children: null })).resolves.toBeTruthy();
    await expect(SettingsPage()).rejects.toSatisfy(redirectsTo("/settings/profile"));
    await expect(AccountSettingsPage()).rejects.toSatisfy(isNotFound);
    await expect(StaffSettingsPage()).rejects.toSatisfy(isNotFound);
    await expect(ProfileSettingsPage()).resolves.toBeTruthy();
    expect(await changeName({ name: "Manager Name" })).toEqual({ ok: true, data: null });
  });

  it("the staff role gets 'not found' for settings and cannot use its actions", async () => {
    await signedInDojo({ role: "staff" });
    await expect(SettingsLayout({ children: null })).rejects.toSatisfy(isNotFound);
    await expect(SettingsPage()).rejects.toSatisfy(isNotFound);
    await expect(ProfileSettingsPage()).rejects.toSatisfy(isNotFound);
    expect(await changeName({ name: "Staff Name" })).toEqual({ ok: false, error: "Your role does not allow this." });
  });
});

import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import SettingsLayout from "@/app/(staff)/settings/layout";
import SettingsPage from "@/app/(staff)/settings/page";
import AccountSettingsPage from "@/app/(staff)/settings/account/page";
import StaffSettingsPage from "@/app/(staff)/settings/staff/page";
import ProfileSettingsPage from "@/app/(staff)/settings/profile/page";
import { changeName } from "@/app/(staff)/settings/profile/actions";
import { signedInDojo } from "../support/factories";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));

// notFound() and redirect() end a page by throwing an error with a digest Next.js understands.
const digestOf = (e: unknown) => (e as { digest?: string }).digest ?? "";
const notFound = (e: unknown) => digestOf(e).includes("404");
const redirectsTo = (path: string) => (e: unknown) => digestOf(e).includes(`;${path};`);

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
    await expect(AccountSettingsPage()).rejects.toSatisfy(notFound);
    await expect(StaffSettingsPage()).rejects.toSatisfy(notFound);
    await expect(ProfileSettingsPage()).resolves.toBeTruthy();
    expect(await changeName({ name: "Manager Name" })).toEqual({ ok: true, data: null });
  });

  it("the staff role gets 'not found' for settings and cannot use its actions", async () => {
    await signedInDojo({ role: "staff" });
    await expect(SettingsLayout({ children: null })).rejects.toSatisfy(notFound);
    await expect(SettingsPage()).rejects.toSatisfy(notFound);
    await expect(ProfileSettingsPage()).rejects.toSatisfy(notFound);
    expect(await changeName({ name: "Staff Name" })).toEqual({ ok: false, error: "Your role does not allow this." });
  });
});

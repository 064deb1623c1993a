import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { staffUsers } from "@/db/schema";
import SettingsLayout from "@/app/(staff)/settings/layout";
import SettingsPage from "@/app/(staff)/settings/page";
import AccountSettingsPage from "@/app/(staff)/settings/account/page";
import StaffSettingsPage from "@/app/(staff)/settings/staff/page";
import StripeSettingsPage from "@/app/(staff)/settings/stripe/page";
import ProfileSettingsPage from "@/app/(staff)/settings/profile/page";
import StaffLayout from "@/app/(staff)/layout";
import { StaffShell } from "@/app/(staff)/staff-shell";
import MyAccountPage from "@/app/(staff)/account/page";
import { changeName, changePassword } from "@/app/(staff)/account/actions";
import { getStaffSession } from "@/lib/auth/session";
import type { Role } from "@/db/schema";
import { signedInDojo, TEST_PASSWORD } from "../support/factories";
import { isForbidden, redirectsTo } from "../support/next";
import { renderStaffPage } from "../support/render-staff";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));

describe("settings access", () => {
  it("the owner sees every section, and the plan with what it includes", async () => {
    await signedInDojo({ plan: "pro" });
    await expect(SettingsPage()).rejects.toSatisfy(redirectsTo("/settings/account"));
    const account = await renderStaffPage(AccountSettingsPage(), "/", "settings");
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
  // The staff layout hands its menu to the app shell, inside the dashboard's language.
  const menuLabels = async () => (StaffShell((await StaffLayout({ children: null })).props).props.children.props as { nav: { label: string }[] }).nav.map((item) => item.label);

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

describe("the settings in Dutch", () => {
  const speakDutch = async (staffId: string) => (await getDb()).update(staffUsers).set({ language: "nl" }).where(eq(staffUsers.id, staffId));

  it("a Dutch owner reads the tabs, the plan comparison with Dutch money, the Stripe tab and the staff list in Dutch", async () => {
    const { user } = await signedInDojo({ plan: "pro" });
    await speakDutch(user.id);

    const frame = await renderStaffPage(SettingsLayout({ children: null }), "/", "settings");
    expect(frame).toContain("Instellingen");
    expect(frame).toContain("Dojoprofiel");
    expect(frame).toContain("Medewerkers");

    const account = await renderStaffPage(AccountSettingsPage(), "/", "settings");
    expect(account).toContain("Abonnementen vergelijken");
    expect(account).toContain("Medewerkers: 1 actief, van 5 inbegrepen.");
    expect(account).toContain("E-mailcampagnes");
    // Money as the Dutch write it: the sign first, a decimal comma, a thousands dot.
    expect(account).toContain("€\u00a019,00");
    expect(account).toContain("€\u00a0390,00");
    expect(account).toContain("2.000");
    expect(account).not.toContain("Compare plans");
    expect(account).not.toContain("€19.00");

    // Pro has no Stripe payments: the tab explains the upgrade, in Dutch.
    const stripe = await renderStaffPage(StripeSettingsPage(), "/", "settings");
    expect(stripe).toContain("Kaartbetalingen met Stripe: onderdeel van het Ultimate-abonnement");
    expect(stripe).toContain("Upgraden naar Ultimate");

    const staff = await renderStaffPage(StaffSettingsPage(), "/", "settings");
    expect(staff).toContain("Openstaande uitnodigingen");
    expect(staff).toContain("1 van 5 medewerkers op het Pro-abonnement");
    expect(staff).toContain("Eigenaar");

    const profile = await renderStaffPage(ProfileSettingsPage(), "/", "settings");
    expect(profile).toContain("Naam van de dojo");
    expect(profile).toContain("Profiel opslaan");
  });

  it("a Dutch owner of an Ultimate dojo without Stripe is asked to connect it in Dutch", async () => {
    const { user } = await signedInDojo({ plan: "ultimate" });
    await speakDutch(user.id);
    const stripe = await renderStaffPage(StripeSettingsPage(), "/", "settings");
    expect(stripe).toContain("Stripe koppelen");
    expect(stripe).toContain("Begint met pk_test_ of pk_live_.");
    expect(stripe).not.toContain("Connect Stripe");
  });
});

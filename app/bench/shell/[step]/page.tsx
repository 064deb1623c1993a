import { notFound } from "next/navigation";
import { StaffShell } from "@/app/(staff)/staff-shell";
import { requireStaffPage } from "@/lib/auth/session";
import { staffLocale } from "@/lib/i18n/staff-session";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The staff shell a piece at a time, for bench/staff-shell.ts: "session" reads the signed-in staff
// member as every staff page does (cookie, one query, language) and draws nothing; "shell" draws
// the staff layout around an empty page. Exists only when the bench starts the app with BENCH_ROUTES=on.
export default async function BenchShellPage({ params }: { params: Promise<{ step: string }> }) {
  if (env().BENCH_ROUTES !== "on") notFound();
  const { step } = await params;
  if (step !== "session" && step !== "shell") notFound();
  const session = await requireStaffPage();
  const locale = await staffLocale();
  const page = <main data-bench={step} />;
  if (step === "session") return page;
  return (
    <StaffShell session={session} locale={locale}>
      {page}
    </StaffShell>
  );
}

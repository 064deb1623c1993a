import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { LoginForm } from "@/components/forms/login-form";
import { getMemberSession } from "@/lib/auth/session";
import { logInMember } from "./actions";

export const metadata = { title: "Members area" };

export default async function PortalLoginPage() {
  if (await getMemberSession()) redirect("/portal");
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">Members area</h1>
          <p className="mt-1 text-sm text-stone-500">See your invoices and pay them. Your dojo gives you your UID and password.</p>
        </div>
        <LoginForm idField="uid" action={logInMember} />
        <p className="text-center text-sm text-stone-500">
          Dojo staff?{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/login">
            Staff log in
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}

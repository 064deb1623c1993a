import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { LoginForm } from "@/components/forms/login-form";
import { logIn } from "./actions";

export const metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { welcome } = await searchParams;
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        {welcome === "1" && (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
            Your dojo is ready. Log in with your e-mail and the password you chose.
          </p>
        )}
        <div>
          <h1 className="text-xl font-semibold">Staff log in</h1>
          <p className="mt-1 text-sm text-stone-500">
            Students log in to the <Link className="text-brand-700 hover:underline" href="/portal/login">members area</Link>.
          </p>
        </div>
        <LoginForm idField="email" action={logIn} />
        <p className="text-center text-sm text-stone-500">
          New here?{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/signup">
            Sign up your dojo
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}

import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { LoginForm } from "@/components/forms/login-form";
import { logIn } from "./actions";

export const metadata = { title: "Log in" };

export default function LoginPage() {
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
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

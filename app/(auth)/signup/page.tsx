import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { SignupForm } from "./signup-form";

export const metadata = { title: "Sign up your dojo" };

export default function SignupPage() {
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">Sign up your dojo</h1>
          <p className="mt-1 text-sm text-stone-500">Members, invoices and payments in one place.</p>
        </div>
        <SignupForm />
        <p className="text-center text-sm text-stone-500">
          Already have an account?{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/login">
            Log in
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}

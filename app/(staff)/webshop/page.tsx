import { redirect } from "next/navigation";

export default function WebshopPage() {
  redirect("/webshop/products");
}

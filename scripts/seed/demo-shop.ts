import type { Db } from "@/db/client";
import { shopProducts } from "@/db/schema";
import { saveShopSettings } from "@/lib/shop/settings";

// The demo dojo's webshop: open, paying at the dojo (card payments need Stripe connected first).
export async function seedDemoShop(db: Db, dojo: { id: string; currency: string }) {
  await saveShopSettings(db, dojo.id, { enabled: true, title: "Demo Dojo shop", intro: "Gear for training and gifts for the family. Pick up your order at the front desk.", cardPayments: false, payAtDojo: true });
  const products = [
    { name: "Judo gi, white", category: "Clothing", priceMinor: 4500, stock: 12, description: "Single weave cotton gi with belt loops. Sizes 110 to 200: tell us yours at pick-up." },
    { name: "Black belt", category: "Belts", priceMinor: 1800, stock: 2, description: "Cotton belt, 4 cm wide." },
    { name: "Boxing gloves 12 oz", category: "Equipment", priceMinor: 3990, stock: 0, description: "Synthetic leather, velcro closure." },
    { name: "Dojo T-shirt", category: "Clothing", priceMinor: 2000, stock: null, description: "Organic cotton with the dojo logo." },
    { name: "Mouth guard", category: "Equipment", priceMinor: 850, stock: 25, description: "Boil-and-bite, with case." },
    { name: "Training bag", category: "Equipment", priceMinor: 3500, stock: 5, description: "Fits a gi, a towel and a water bottle." },
  ];
  await db.insert(shopProducts).values(products.map((p) => ({ ...p, dojoId: dojo.id, currency: dojo.currency })));
}

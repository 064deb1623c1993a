import { describe, expect, it } from "vitest";
import { parseForm } from "./form";

describe("parseForm", () => {
  it("decodes nested brackets, indexed arrays and appended arrays", () => {
    const body = [
      "mode=payment",
      "line_items[0][price]=price_1",
      "line_items[0][quantity]=2",
      "line_items[1][price_data][currency]=eur",
      "line_items[1][price_data][product_data][name]=Gi+%26+belt",
      "metadata[order]=42",
      "expand[]=payment_intent",
      "expand[]=customer",
      "payment_method_types[0]=card",
    ].join("&");
    expect(parseForm(body)).toEqual({
      mode: "payment",
      line_items: [
        { price: "price_1", quantity: "2" },
        { price_data: { currency: "eur", product_data: { name: "Gi & belt" } } },
      ],
      metadata: { order: "42" },
      expand: ["payment_intent", "customer"],
      payment_method_types: ["card"],
    });
  });

  it("keeps index order for sparse or unordered indices and empty values for unsetting", () => {
    expect(parseForm("a[10]=x&a[2]=y&metadata[k]=&description=")).toEqual({ a: ["y", "x"], metadata: { k: "" }, description: "" });
  });

  it("treats an object with non-numeric keys as a hash", () => {
    expect(parseForm("recurring[interval]=month&recurring[interval_count]=3")).toEqual({ recurring: { interval: "month", interval_count: "3" } });
  });
});

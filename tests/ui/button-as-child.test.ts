import { createElement, createRef } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Button } from "@/components/ui/button";
import { Slot } from "@/components/ui/slot";

// Button's asChild (components/ui/slot.tsx, in place of Radix's Slot): its classes, props and
// ref go onto the child, merged as Radix merged them.
describe("Button asChild", () => {
  it("renders the child element with Button's classes and the child's own", () => {
    const html = renderToStaticMarkup(createElement(Button, { asChild: true, variant: "secondary", className: "w-full" }, createElement("a", { href: "/shop", className: "mine" }, "Shop")));
    expect(html).toMatch(/^<a href="\/shop" class="[^"]*inline-flex[^"]*border-stone-300[^"]*w-full mine">Shop<\/a>$/);
  });

  it("joins aria-describedby, merges styles (the child's win) and runs the child's handler before the slot's", () => {
    const order: string[] = [];
    const slotClick = vi.fn(() => order.push("slot"));
    const childClick = vi.fn(() => order.push("child"));
    const el = Slot({ "aria-describedby": "a", style: { color: "red", margin: 1 }, onClick: slotClick, children: createElement("a", { "aria-describedby": "b", style: { color: "blue" }, onClick: childClick }) }) as { props: Record<string, unknown> };
    expect(el.props["aria-describedby"]).toBe("b a");
    expect(el.props.style).toEqual({ color: "blue", margin: 1 });
    (el.props.onClick as () => void)();
    expect(order).toEqual(["child", "slot"]);
  });

  it("gives the node to both Button's ref and the child's", () => {
    const outer = createRef<HTMLElement>();
    const inner = createRef<HTMLElement>();
    const el = Slot({ ref: outer, children: createElement("a", { ref: inner }) }) as { props: { ref: (n: unknown) => void } };
    const node = { tag: "a" };
    el.props.ref(node);
    expect(outer.current).toBe(node);
    expect(inner.current).toBe(node);
  });

  it("refuses more than one child, as Radix did", () => {
    expect(() => Slot({ children: [createElement("a", { key: 1 }), createElement("a", { key: 2 })] })).toThrow(/single element/);
  });
});

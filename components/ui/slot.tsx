import { Children, Fragment, cloneElement, isValidElement, use, type ReactElement, type ReactNode, type Ref } from "react";

// Button's `asChild`: its props and ref go onto its one child element (a link, usually). Radix's
// Slot did this for 1.4 kB gzip on every public page with a button; this keeps what Button needs
// of it, the same way: the child's handlers run before Button's, styles merge (the child's win),
// class names and aria-describedby join, refs compose. No Slottable (Button never uses it).

type Props = Record<string, unknown>;

function mergeProps(slotProps: Props, childProps: Props): Props {
  const override: Props = { ...childProps };
  for (const name in childProps) {
    const slotValue = slotProps[name];
    const childValue = childProps[name];
    if (/^on[A-Z]/.test(name)) {
      if (typeof slotValue === "function" && typeof childValue === "function") {
        override[name] = (...args: unknown[]) => {
          const result = childValue(...args);
          slotValue(...args);
          return result;
        };
      } else if (slotValue) override[name] = slotValue;
    } else if (name === "style") override[name] = { ...(slotValue as object), ...(childValue as object) };
    else if (name === "className") override[name] = [slotValue, childValue].filter(Boolean).join(" ");
    else if (name === "aria-describedby") override[name] = [childValue, slotValue].filter(Boolean).join(" ") || undefined;
  }
  return { ...slotProps, ...override };
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") return ref(value);
  if (ref) (ref as { current: T | null }).current = value;
}

function composeRefs<T>(a: Ref<T> | undefined, b: Ref<T> | undefined): Ref<T> | undefined {
  if (!a || !b) return a ?? b;
  return (node: T | null) => {
    const cleanups = [setRef(a, node), setRef(b, node)];
    if (cleanups.some((c) => typeof c === "function")) {
      return () => {
        if (typeof cleanups[0] === "function") cleanups[0]();
        else setRef(a, null);
        if (typeof cleanups[1] === "function") cleanups[1]();
        else setRef(b, null);
      };
    }
  };
}

const LAZY = Symbol.for("react.lazy");
interface Lazy { $$typeof: symbol; _payload: PromiseLike<ReactNode> }
const isLazy = (node: unknown): node is Lazy =>
  typeof node === "object" && node !== null && (node as Lazy).$$typeof === LAZY && typeof (node as Lazy)._payload?.then === "function";

export function Slot({ children, ref, ...slotProps }: Props & { children?: ReactNode; ref?: Ref<unknown> }) {
  // A child handed over from a server component may still be a lazy reference.
  let child: unknown = children;
  while (isLazy(child)) child = use(child._payload as Promise<ReactNode>);
  if (!isValidElement(child) || Children.count(child) !== 1) {
    if (child || child === 0) throw new Error("Button with asChild expects a single element child.");
    return null;
  }
  const element = child as ReactElement<Props & { ref?: Ref<unknown> }>;
  const merged = mergeProps(slotProps, element.props ?? {});
  if (element.type !== Fragment) merged.ref = composeRefs(ref, element.props.ref);
  return cloneElement(element, merged);
}

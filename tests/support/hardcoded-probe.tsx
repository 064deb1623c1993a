// What tests/hardcoded-strings.test.ts must find (and the symbols and class names it must not).
export function Probe({ paid }: { paid: boolean }) {
  return (
    <div className="text-sm" data-state="open">
      <p>Hello there</p>
      <input aria-label="Search members" />
      <span>{paid ? "Paid" : "Open"}</span>
      <span> · </span>
    </div>
  );
}

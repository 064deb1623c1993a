// Where a CPU profile's time went (bench/cpu-profile-hook.cjs): busy time, then self time by
// package and by function. Run: npx tsx bench/cpu-profile-top.ts <file.cpuprofile> [requests]
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const [file, requests] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));

const pkg = (url: string) => {
  if (!url) return "(native / V8)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith("node:")) return "node core";
  if (url.includes("/.next/")) return "app (.next chunks)";
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
};
const sum = (entries: Iterable<[string, number]>) => {
  const totals = new Map<string, number>();
  for (const [key, us] of entries) totals.set(key, (totals.get(key) ?? 0) + us);
  return [...totals].sort((a, b) => b[1] - a[1]);
};
const wall = (profile.endTime - profile.startTime) / 1000;
const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, us]) => a + us, 0) / 1000;
const per = (ms: number) => (requests ? ` = ${(ms / Number(requests)).toFixed(2)} ms per request` : "");
console.log(`${file}: ${wall.toFixed(0)} ms profiled, busy ${(wall - idle).toFixed(0)} ms${per(wall - idle)}`);
const busy = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName !== "(idle)");
console.log("\nSelf time by package (ms):");
for (const [name, us] of sum(busy.map(([id, us]) => [byId.get(id)!.callFrame.functionName.startsWith("(") ? byId.get(id)!.callFrame.functionName : pkg(byId.get(id)!.callFrame.url), us])).slice(0, 15)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)}${per(us / 1000).replace(" ms per request", "")}  ${name}`);
console.log("\nSelf time by function (ms):");
for (const [name, us] of sum(busy.map(([id, us]) => { const f = byId.get(id)!.callFrame; return [`${f.functionName || "(anonymous)"} ${pkg(f.url)}:${f.lineNumber}`, us]; })).slice(0, 25)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)}  ${name}`);

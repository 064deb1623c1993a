import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The id `next build` gave a server action, so a test can call it the way a crafted request would. */
export function serverActionId(exportedName: string, filename: string): string {
  const manifests: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "server-reference-manifest.json") manifests.push(full);
    }
  };
  walk(".next/server");
  for (const file of manifests) {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
    for (const [id, entry] of Object.entries(manifest.node)) {
      if (entry.exportedName === exportedName && entry.filename === filename) return id;
    }
  }
  throw new Error(`Server action ${exportedName} not found in the build (run npm run build)`);
}

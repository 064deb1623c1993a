import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { renderCampaignBody } from "@/lib/mail/render-campaign";

// React escapes every text it renders; markup only gets through where the code asks for raw
// HTML. This keeps the list of those places short and known: a new one must be added here,
// with the reason it is safe.
const KNOWN_RAW_HTML = {
  // The campaign body: Markdown rendered with every merge value HTML-escaped (tests/integration/campaigns.test.ts).
  "emails/campaign.tsx": "dangerouslySetInnerHTML",
  // The mail preview, in an iframe with an empty sandbox: no scripts, no same-origin access.
  "app/(staff)/campaigns/new/compose-form.tsx": 'sandbox=""',
};

describe("raw HTML sinks", () => {
  it("exist only where they are known to be safe", () => {
    const found = execFileSync("grep", ["-rlE", "dangerouslySetInnerHTML|srcDoc|innerHTML\\s*=", "app", "components", "emails", "lib"], { encoding: "utf8" }).trim().split("\n").sort();
    expect(found).toEqual(Object.keys(KNOWN_RAW_HTML).sort());
    for (const [file, guard] of Object.entries(KNOWN_RAW_HTML)) expect(execFileSync("cat", [file], { encoding: "utf8" })).toContain(guard);
  });

  it("the campaign body keeps script, handlers and javascript: links inert", () => {
    // Member values come from members (hostile); the link codes are URLs Tatami makes.
    const values = { firstname: `<img src=x onerror="alert(1)">`, lastname: "", fullname: "", uid: "", email: "", dojoname: "", portallink: "https://tatami.test/portal/login", stripecardlink: "", familyname: `<svg onload="alert(5)">` };
    const html = renderCampaignBody(`Hi {firstname} {familyname}! <script>alert(2)</script> [portal]({portallink}) [trap](javascript:alert(3)) <a href="javascript:alert(4)">x</a>`, values);
    expect(html).not.toMatch(/<script|<img|<svg|href="javascript:/i);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain('<a href="https://tatami.test/portal/login"');
  });
});

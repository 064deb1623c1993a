import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { beforeAll, describe, expect, inject, it } from "vitest";

const emulatorUrl = inject("emulatorUrl");

type InboxJson = { object: "list"; data: { id: string; to: string[]; subject: string; html: string | null; text: string | null; tags?: unknown }[] };

async function inbox(to: string): Promise<InboxJson["data"]> {
  const res = await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as InboxJson).data;
}

async function setRate(apiKey: string, rateLimitPerSecond: number): Promise<void> {
  const res = await fetch(`${emulatorUrl}/_control/resend`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ apiKey, rateLimitPerSecond }),
  });
  expect(res.status).toBe(200);
}

/** A client with its own key (a Resend "team"), unthrottled unless a test says otherwise. */
async function client(rateLimitPerSecond = 0): Promise<Resend> {
  const key = `re_test_${randomUUID().replaceAll("-", "")}`;
  await setRate(key, rateLimitPerSecond);
  return new Resend(key);
}

function address(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

function mail(to: string, subject = "Hello") {
  return { from: "Tatami <noreply@tatami.test>", to, subject, html: `<p>${subject}</p>`, text: subject };
}

beforeAll(() => {
  // The SDK reads RESEND_BASE_URL when a client is constructed; global setup points it here.
  expect(process.env.RESEND_BASE_URL).toBe(`${emulatorUrl}/resend`);
});

describe("Resend emulator through the resend SDK", () => {
  it("keeps attachments (base64 from a Buffer) and refuses them in a batch", async () => {
    const resend = await client();
    const to = address("attach");
    const pdf = Buffer.from("%PDF-1.4 a small file");
    const { error } = await resend.emails.send({ ...mail(to, "Invoice 1"), attachments: [{ filename: "invoice-1.pdf", content: pdf }] });
    expect(error).toBeNull();
    const res = await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(to)}`);
    const [stored] = ((await res.json()) as { data: { id: string; attachments: { filename: string; content_type: string; size: number; content: string }[] }[] }).data;
    expect(stored.attachments).toEqual([{ filename: "invoice-1.pdf", content_type: "application/pdf", size: pdf.length, content: pdf.toString("base64") }]);
    const file = await fetch(`${emulatorUrl}/_inbox/${stored.id}/attachments/0`);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf);
    expect(await (await fetch(`${emulatorUrl}/_inbox?to=${encodeURIComponent(to)}`)).text()).toContain(`href="/_inbox/${stored.id}/attachments/0"`);

    const noName = await resend.emails.send({ ...mail(to), attachments: [{ content: pdf }] });
    expect(noName.error).toMatchObject({ name: "missing_required_field" });
    const notBase64 = await resend.emails.send({ ...mail(to), attachments: [{ filename: "x.pdf", content: "not base64!" }] });
    expect(notBase64.error?.message).toContain("base64");
    const batch = await resend.batch.send([{ ...mail(to), attachments: [{ filename: "x.pdf", content: pdf }] }] as never);
    expect(batch.error?.message).toContain("not supported with the batch endpoint");
  });

  it("sends a mail into the inbox, retrievable by id and filtered by recipient", async () => {
    const resend = await client();
    const to = address("member");
    const other = address("other");
    const { data, error } = await resend.emails.send({
      ...mail(to, "Your invoice"),
      cc: [other],
      replyTo: "dojo@tatami.test",
      headers: { "X-Entity-Ref-ID": "inv_1" },
      tags: [{ name: "kind", value: "invoice" }],
    });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const [stored] = await inbox(to);
    expect(stored).toMatchObject({ id: data!.id, to: [to], subject: "Your invoice", html: "<p>Your invoice</p>", text: "Your invoice" });
    expect((await inbox(other)).map((m) => m.id)).toEqual([data!.id]);
    expect(await inbox(address("nobody"))).toEqual([]);

    const got = await resend.emails.get(data!.id);
    expect(got.data).toMatchObject({ object: "email", id: data!.id, reply_to: ["dojo@tatami.test"], tags: [{ name: "kind", value: "invoice" }] });
    // Another key is another Resend team: it cannot read this mail.
    const stranger = await client();
    expect((await stranger.emails.get(data!.id)).error).toMatchObject({ name: "not_found", statusCode: 404 });
  });

  it("lists newest first and clears only the filtered recipient", async () => {
    const resend = await client();
    const to = address("order");
    const keep = address("keep");
    await resend.emails.send(mail(to, "first"));
    await resend.emails.send(mail(to, "second"));
    await resend.emails.send(mail(keep, "kept"));
    expect((await inbox(to)).map((m) => m.subject)).toEqual(["second", "first"]);

    const res = await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(to)}`, { method: "DELETE" });
    expect(await res.json()).toEqual({ deleted: 2 });
    expect(await inbox(to)).toEqual([]);
    expect(await inbox(keep)).toHaveLength(1);
  });

  it("accepts a batch of 100 and refuses 101 without sending any", async () => {
    const resend = await client();
    const to = address("batch");
    const hundred = Array.from({ length: 100 }, (_, i) => mail(to, `batch ${i}`));
    const ok = await resend.batch.send(hundred);
    expect(ok.error).toBeNull();
    expect(ok.data?.data).toHaveLength(100);
    expect(await inbox(to)).toHaveLength(100);

    const tooMany = address("too-many");
    const refused = await resend.batch.send(Array.from({ length: 101 }, () => mail(tooMany)));
    expect(refused.data).toBeNull();
    expect(refused.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(await inbox(tooMany)).toEqual([]);
  });

  it("keeps each batch mail's own headers (List-Unsubscribe) and replays a keyed batch", async () => {
    const resend = await client();
    const to = address("headers");
    const batch = [1, 2].map((i) => ({ ...mail(to, `h${i}`), headers: { "List-Unsubscribe": `<https://app.test/u/${i}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }));
    const key = `campaign-x-batch-${randomUUID()}`;
    const first = await resend.batch.send(batch, { idempotencyKey: key });
    const replay = await resend.batch.send(batch, { idempotencyKey: key });
    expect(replay.data).toEqual(first.data);
    const stored = (await inbox(to)) as unknown as { subject: string; headers: Record<string, string> }[];
    expect(stored).toHaveLength(2);
    expect(stored.find((m) => m.subject === "h2")?.headers).toEqual({ "List-Unsubscribe": "<https://app.test/u/2>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("refuses a strict batch with one invalid mail, and sends the rest in permissive mode", async () => {
    const resend = await client();
    const to = address("mixed");
    const batch = [mail(to, "good"), { ...mail(to), from: "not an address" }];
    const strict = await resend.batch.send(batch);
    expect(strict.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(await inbox(to)).toEqual([]);

    const permissive = await resend.batch.send(batch, { batchValidation: "permissive" });
    expect(permissive.data?.data).toHaveLength(1);
    expect(permissive.data?.errors).toEqual([{ index: 1, message: expect.stringContaining("Invalid `from` field") }]);
    expect((await inbox(to)).map((m) => m.subject)).toEqual(["good"]);
  });

  it("replays an idempotent send and refuses the same key with another payload", async () => {
    const resend = await client();
    const to = address("idem");
    const key = `welcome/${randomUUID()}`;
    const first = await resend.emails.send(mail(to, "Welcome"), { idempotencyKey: key });
    const again = await resend.emails.send(mail(to, "Welcome"), { idempotencyKey: key });
    expect(again.data?.id).toBe(first.data?.id);
    expect(await inbox(to)).toHaveLength(1);

    const changed = await resend.emails.send(mail(to, "Welcome back"), { idempotencyKey: key });
    expect(changed.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });

    const batchKey = `batch/${randomUUID()}`;
    const batch = [mail(to, "a"), mail(to, "b")];
    const b1 = await resend.batch.send(batch, { idempotencyKey: batchKey });
    const b2 = await resend.batch.send(batch, { idempotencyKey: batchKey });
    expect(b2.data).toEqual(b1.data);
    expect(await inbox(to)).toHaveLength(3);

    const tooLong = await resend.emails.send(mail(to), { idempotencyKey: "k".repeat(257) });
    expect(tooLong.error).toMatchObject({ statusCode: 400, name: "invalid_idempotency_key" });
  });

  it("answers 429 with retry-after past the configured rate, and lets the caller through after waiting", async () => {
    const resend = await client(2);
    const to = address("rate");
    const results = await Promise.all([1, 2, 3].map((i) => resend.emails.send(mail(to, `r${i}`))));
    const limited = results.filter((r) => r.error);
    expect(limited).toHaveLength(1);
    expect(limited[0].error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    const retryAfter = Number(limited[0].headers?.["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited[0].headers?.["ratelimit-limit"]).toBe("2");
    expect(await inbox(to)).toHaveLength(2);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    expect((await resend.emails.send(mail(to, "after wait"))).error).toBeNull();
  });

  it("answers 429 to the next N requests of a key on request (fault control), then sends again", async () => {
    const key = `re_test_${randomUUID().replaceAll("-", "")}`;
    await setRate(key, 0);
    const resend = new Resend(key);
    const res = await fetch(`${emulatorUrl}/_control/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: key, rateLimitNext: 2 }) });
    expect(res.status).toBe(200);
    const to = address("forced");
    const first = await resend.batch.send([mail(to, "f1")]);
    const second = await resend.emails.send(mail(to, "f2"));
    expect(first.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(first.headers?.["retry-after"]).toBe("1");
    expect(second.error).toMatchObject({ statusCode: 429 });
    expect(await inbox(to)).toEqual([]);
    expect((await resend.emails.send(mail(to, "f3"))).error).toBeNull();
    expect((await inbox(to)).map((m) => m.subject)).toEqual(["f3"]);
  });

  it("takes a key down for N seconds of its own clock (outage control): 503, 500 or 429 with the seconds left", async () => {
    const key = `re_test_${randomUUID().replaceAll("-", "")}`;
    await setRate(key, 0);
    const resend = new Resend(key);
    const control = (body: object) => fetch(`${emulatorUrl}/_control/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: key, ...body }) });
    const start = Date.parse("2026-03-01T09:00:00Z");
    const to = address("outage");
    expect((await control({ clockMs: start, outage: { seconds: 30, status: 503 } })).status).toBe(200);
    const down = await resend.emails.send(mail(to, "during"));
    // Not JSON: the SDK reports what the HTTP status says.
    expect(down.error).toMatchObject({ statusCode: 503, name: "application_error" });
    // Other keys are not affected.
    expect((await (await client()).emails.send(mail(address("other"), "elsewhere"))).error).toBeNull();

    await control({ clockMs: start + 29_000 });
    expect((await resend.emails.send(mail(to, "still down"))).error).toMatchObject({ statusCode: 503 });
    const state = await (await fetch(`${emulatorUrl}/_control/resend?apiKey=${key}`)).json();
    expect(state).toMatchObject({ clock: "2026-03-01T09:00:29.000Z", outage: { status: 503, until: "2026-03-01T09:00:30.000Z" } });
    await control({ clockMs: start + 30_000 });
    expect((await resend.emails.send(mail(to, "after"))).error).toBeNull();
    expect((await inbox(to)).map((m) => m.subject)).toEqual(["after"]);

    await control({ outage: { seconds: 10, status: 500 } });
    expect((await resend.emails.send(mail(to, "x"))).error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    await control({ outage: { seconds: 10, status: 429 } });
    await control({ clockMs: start + 33_500 });
    const throttled = await resend.emails.send(mail(to, "y"));
    expect(throttled.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(throttled.headers?.["retry-after"]).toBe("7");
    // `outage: null` ends it at once; `clockMs: null` returns the key to real time.
    await control({ outage: null, clockMs: null });
    expect((await resend.emails.send(mail(to, "back"))).error).toBeNull();
    expect(Date.parse((await (await fetch(`${emulatorUrl}/_control/resend?apiKey=${key}`)).json()).clock)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("runs a key's rate limit and idempotency window on its clock", async () => {
    const key = `re_test_${randomUUID().replaceAll("-", "")}`;
    await setRate(key, 2);
    const resend = new Resend(key);
    const setClock = (clockMs: number) => fetch(`${emulatorUrl}/_control/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: key, clockMs }) });
    const start = Date.parse("2026-03-01T09:00:00Z");
    await setClock(start);
    const to = address("clock");
    const sends = [];
    for (let i = 1; i <= 3; i++) sends.push(await resend.emails.send(mail(to, `c${i}`)));
    expect(sends.map((r) => r.error?.statusCode ?? 200)).toEqual([200, 200, 429]);
    // The clock stands still: still limited however long the test takes, until it is moved on.
    expect((await resend.emails.send(mail(to, "c3"))).error).toMatchObject({ statusCode: 429 });
    await setClock(start + 1_000);
    const keyed = await resend.emails.send(mail(to, "keyed"), { idempotencyKey: "clock-key" });
    expect(keyed.error).toBeNull();
    await setClock(start + 2_000);
    expect((await resend.emails.send(mail(to, "keyed"), { idempotencyKey: "clock-key" })).data).toEqual(keyed.data);
    // A day later Resend has forgotten the key: the same request sends again.
    await setClock(start + 1_000 + 24 * 3_600_000 + 1);
    expect((await resend.emails.send(mail(to, "keyed"), { idempotencyKey: "clock-key" })).data?.id).not.toBe(keyed.data?.id);
  });

  it("refuses control settings it cannot apply", async () => {
    const post = (body: object) => fetch(`${emulatorUrl}/_control/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await post({ outage: { seconds: 5 } })).status).toBe(400);
    expect((await post({ apiKey: "re_x", outage: { seconds: 5, status: 404 } })).status).toBe(400);
    expect((await post({ apiKey: "re_x", outage: { seconds: -1 } })).status).toBe(400);
    expect((await post({ apiKey: "re_x", clockMs: "soon" })).status).toBe(400);
    expect((await post({})).status).toBe(400);
  });

  it("validates like Resend: missing fields, bad key", async () => {
    const resend = await client();
    const noSubject = await resend.emails.send({ from: "a@tatami.test", to: "b@example.test", html: "<p>x</p>" } as never);
    expect(noSubject.error).toMatchObject({ statusCode: 422, name: "missing_required_field", message: "Missing `subject` field." });
    const noBody = await resend.emails.send({ from: "a@tatami.test", to: "b@example.test", subject: "x" } as never);
    expect(noBody.error).toMatchObject({ statusCode: 422, name: "missing_required_field" });

    const badKey = new Resend("not-a-resend-key");
    expect((await badKey.emails.send(mail(address("x")))).error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
  });

  it("shows mail on the inbox page with its HTML sandboxed and its text part", async () => {
    const resend = await client();
    const to = address("page");
    const { data } = await resend.emails.send(mail(to, "Belt exam <Saturday>"));
    const page = await (await fetch(`${emulatorUrl}/_inbox?to=${encodeURIComponent(to)}&id=${data!.id}`)).text();
    expect(page).toContain("Belt exam &lt;Saturday&gt;");
    expect(page).toMatch(/<iframe title="HTML part" sandbox="[^"]*" srcdoc="[^"]*&lt;p&gt;Belt exam/);
    expect(page).toContain('<pre class="text">Belt exam &lt;Saturday&gt;</pre>');
  });
});

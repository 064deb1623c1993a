import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../tests/support/pdf-text";
import { E2E } from "./support/accounts";
import { memberLogIn } from "./support/member";
import { productPicture } from "./support/product-picture";
import { issueInvoice, logIn, memberUid } from "./support/staff";
import { screenshots } from "./support/screenshots";

// The owner fills in the dojo profile; an invoice then prints, downloads and is mailed as a PDF
// with that seller block, payments and the open amount; the member downloads it too.
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 12112}`;
const SHOTS = "test-results/office-docs";

type InboxMail = { id: string; subject: string; text: string; attachments: { filename: string; content_type: string; content: string }[] };

const { shot } = screenshots(SHOTS);

async function downloadText(page: Page, link: ReturnType<Page["getByRole"]>) {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: download.suggestedFilename(), text: await pdfText(new Uint8Array(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)))) };
}

test("dojo profile → invoice print, PDF download, invoice mail with the PDF, member download", async ({ page, request, browser }) => {
  await logIn(page, E2E.owner);
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByRole("link", { name: "Dojo profile" }).click();
  await page.waitForURL("**/settings/profile");

  // A wrong IBAN is refused next to its field.
  await page.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 01");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter a valid IBAN")).toBeVisible();

  await page.getByLabel("Legal name").fill("Demo Dojo GmbH");
  await page.getByLabel("Address").fill("Hauptstraße 1\n10115 Berlin");
  await page.getByLabel("VAT number").fill("DE123456789");
  await page.getByLabel("Company number").fill("HRB 98765");
  await page.getByLabel("Account holder").fill("Demo Dojo GmbH");
  await page.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await page.getByLabel("BIC").fill("COBADEFFXXX");
  await page.getByLabel("Invoice footer").fill("Managing director: Aiko Tanaka · Amtsgericht Berlin HRB 98765");
  await page.getByLabel("Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await productPicture("DD", "#b45309") });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Dojo profile saved", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("IBAN")).toHaveValue("DE89 3704 0044 0532 0130 00");
  await expect(page.getByTestId("logo-preview")).toBeVisible();
  await shot(page, "profile");
  await shot(page, "profile", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // An invoice, part paid in cash.
  const tag = `Grading fee ${Date.now().toString(36)}`;
  const { url, number } = await issueInvoice(page, memberUid(), tag, "80.00");
  await page.getByRole("button", { name: "Record payment" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Amount/).fill("30.00");
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("€50.00").first()).toBeVisible();

  // The printed invoice: seller block, payment, open amount.
  await page.goto(`${url}/print`);
  const seller = page.getByTestId("seller-block");
  await expect(seller).toContainText("Demo Dojo GmbH");
  await expect(seller).toContainText("VAT number: DE123456789");
  await expect(page.getByText("IBAN: DE89 3704 0044 0532 0130 00")).toBeVisible();
  await expect(page.getByTestId("open-amount")).toHaveText("€50.00");
  await shot(page, "print");
  await shot(page, "print", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The PDF staff download from the invoice page.
  await page.goto(url);
  await shot(page, "invoice");
  await shot(page, "invoice", 390);
  await page.setViewportSize({ width: 1280, height: 900 });
  const staffPdf = await downloadText(page, page.getByRole("link", { name: "PDF" }));
  expect(staffPdf.name).toBe(`invoice-${number}.pdf`);
  for (const part of ["Demo Dojo GmbH", "VAT number: DE123456789", "IBAN: DE89 3704 0044 0532 0130 00", tag, "Open amount €50.00", "Managing director: Aiko Tanaka"]) expect(staffPdf.text, part).toContain(part);
  expect(staffPdf.text).toMatch(/Cash - ?€30\.00/);

  // The invoice mail carries the PDF; the inbox lists it.
  let mail: InboxMail | undefined;
  await expect(async () => {
    const inbox = (await (await request.get(`${EMULATOR}/_inbox.json`)).json()) as { data: InboxMail[] };
    mail = inbox.data.find((m) => m.subject.startsWith(`Invoice ${number} `));
    expect(mail).toBeDefined();
  }).toPass({ timeout: 30_000 });
  expect(mail!.attachments.map((a) => [a.filename, a.content_type])).toEqual([[`invoice-${number}.pdf`, "application/pdf"]]);
  expect(await pdfText(Buffer.from(mail!.attachments[0].content, "base64"))).toContain("Demo Dojo GmbH");
  await page.goto(`${EMULATOR}/_inbox?id=${mail!.id}`);
  await expect(page.getByRole("link", { name: `invoice-${number}.pdf` })).toBeVisible();
  await shot(page, "invoice-mail");
  await shot(page, "invoice-mail", 390);

  // The member downloads the same invoice in the members area.
  const memberContext = await browser.newContext({ baseURL: new URL(url).origin });
  const member = await memberContext.newPage();
  await memberLogIn(member, { uid: memberUid(), password: E2E.memberPassword });
  await member.getByRole("link", { name: new RegExp(number) }).first().click();
  await expect(member.getByText("Demo Dojo GmbH")).toBeVisible();
  await shot(member, "portal-invoice", 390);
  const memberPdf = await downloadText(member, member.getByRole("link", { name: "Download PDF" }));
  expect(memberPdf.name).toBe(`invoice-${number}.pdf`);
  expect(memberPdf.text).toContain("Open amount €50.00");
  expect(memberPdf.text).toContain(tag);
  await memberContext.close();
});

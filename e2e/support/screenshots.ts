import type { Page } from "@playwright/test";

export const DESKTOP = 1280;
export const PHONE = 390;

/** The layout at the new size has been painted and the pictures in view have loaded (bounded: best effort). */
async function settled(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForFunction(() => [...document.images].filter((i) => i.loading !== "lazy").every((i) => i.complete), null, { timeout: 10_000 }).catch(() => {});
}

/**
 * Screenshots of one journey, named `<dir>/<name>-<width>.png`. `shot` leaves the page at the
 * width it took (a journey may go on at phone width) unless `backToDesktop`; `shots` takes
 * desktop and phone and ends on desktop.
 */
export function screenshots(dir: string, { backToDesktop = false } = {}) {
  async function shot(page: Page, name: string, width = DESKTOP, fullPage = true) {
    await page.setViewportSize({ width, height: width <= PHONE ? 844 : 900 });
    await settled(page);
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage });
    if (backToDesktop && width !== DESKTOP) await page.setViewportSize({ width: DESKTOP, height: 900 });
  }
  async function shots(page: Page, name: string, phone = PHONE) {
    await shot(page, name, DESKTOP);
    await shot(page, name, phone);
    await page.setViewportSize({ width: DESKTOP, height: 900 });
  }
  return { shot, shots };
}

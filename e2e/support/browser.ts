/**
 * Debian's Chromium driven by playwright-core for the browser tests (issue 5 §4). No browser is
 * ever downloaded: the tests use /usr/bin/chromium (CI installs Debian's `chromium` package) and
 * skip, saying so, where it is not installed.
 *
 * ```ts
 * const browser = await launchChromium();        // undefined: skip (reason in CHROMIUM_MISSING)
 * t.after(() => browser.close());
 * const page = await browser.page();             // its own context: no shared storage
 * // in a `before` hook: Chromium launches while the replicas start; a failed launch throws
 * browser = await launchChromiumWhile(async () => { cluster = await ServerCluster.start(); });
 * ```
 *
 * Every page records its console errors and uncaught exceptions (`errorsOf(page)`), so that a
 * test can assert a page ran without any.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";

/** Why the browser tests skip, or undefined when Chromium is there. */
export const CHROMIUM_MISSING = existsSync(CHROMIUM_PATH)
  ? undefined
  : `no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium), as .ci/run does, or set E2E_CHROMIUM`;

/**
 * The flags this machine needs: headless, no sandbox (tests run as root in CI), no GPU, and none
 * of Chromium's own network traffic (QUIC, component updates, sync, …), which a closed network
 * refuses many times a second.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** The e2e/screenshots folder (ignored by git) of the source tree, also when running compiled (dist/e2e/support/). */
export const SCREENSHOT_DIR = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "../screenshots/" : "../../../e2e/screenshots/", import.meta.url));

const pageErrors = new WeakMap<Page, string[]>();

/** Console errors and uncaught exceptions of `page` so far. */
export function errorsOf(page: Page): readonly string[] {
  return pageErrors.get(page) ?? [];
}

export class TestBrowser {
  private readonly contexts = new Set<BrowserContext>();
  private closed = false;

  private constructor(readonly browser: Browser) {}

  /** playwright gives every launch a new, empty profile in a temp dir and removes it on close. */
  static async launch(): Promise<TestBrowser> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
    return new TestBrowser(browser);
  }

  /** A page in a context of its own (separate storage, as another person's browser). */
  async page(options: { width?: number; height?: number } = {}): Promise<Page> {
    if (this.closed) throw new Error("browser closed");
    const context = await this.browser.newContext({ viewport: { width: options.width ?? 1100, height: options.height ?? 860 } });
    this.contexts.add(context);
    context.once("close", () => this.contexts.delete(context));
    // Functions passed to page.evaluate are sent as source. Run through tsx (esbuild, keepNames),
    // a function that declares named helpers calls esbuild's `__name`, which pages do not have.
    await context.addInitScript("globalThis.__name ??= (fn) => fn;");
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
    });
    page.on("pageerror", (err) => errors.push(`uncaught: ${err.message}`));
    return page;
  }

  /** Closes every context (running the pages' pagehide), then the browser. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.contexts].map((c) => c.close()));
    await this.browser.close().catch(() => undefined);
  }
}

/** Launches Chromium, or returns undefined when it is not installed (see CHROMIUM_MISSING). */
export async function launchChromium(): Promise<TestBrowser | undefined> {
  if (CHROMIUM_MISSING) return undefined;
  return TestBrowser.launch();
}

/**
 * Launches Chromium while `setup` runs (both take seconds) and returns the browser once both are
 * done. The launch is never a bare promise waiting for `setup`: one that fails meanwhile would
 * be an unhandled rejection, reported against no test. Its failure is thrown instead, as an error
 * that names the binary; when `setup` fails, its error is thrown (with the launch's, if that
 * failed too) and the browser is closed, as nothing else would get hold of it.
 */
export async function launchChromiumWhile(setup: () => Promise<void>): Promise<TestBrowser | undefined> {
  const launching = launchChromium().then(
    (browser) => ({ browser, error: undefined }),
    (err: unknown) => ({ browser: undefined, error: new Error(`Chromium at ${CHROMIUM_PATH} failed to launch: ${err instanceof Error ? err.message : String(err)}`, { cause: err }) }),
  );
  try {
    await setup();
  } catch (err) {
    const launched = await launching;
    await launched.browser?.close();
    if (launched.error) throw new AggregateError([err, launched.error], `setup failed, and ${launched.error.message}`);
    throw err;
  }
  const launched = await launching;
  if (launched.error) throw launched.error;
  return launched.browser;
}

/**
 * Writes `images` (PNG bytes) side by side, with captions, into one PNG at `path`: the browser
 * lays them out and screenshots the result, so no image library is needed.
 */
export async function sideBySide(browser: TestBrowser, images: readonly { caption: string; png: Buffer }[], path: string): Promise<void> {
  const page = await browser.page({ width: 1100 * images.length + 40, height: 900 });
  const figures = images
    .map(({ caption, png }) => `<figure><figcaption>${escapeHtml(caption)}</figcaption><img src="data:image/png;base64,${png.toString("base64")}"></figure>`)
    .join("");
  await page.setContent(
    `<!doctype html><style>body{margin:0;padding:12px;display:flex;gap:16px;background:#d9dde3;font:14px system-ui}figure{margin:0}figcaption{padding:4px 0;font-weight:600}img{display:block;border:1px solid #999}</style>${figures}`,
  );
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await page.screenshot({ fullPage: true }));
  await page.context().close();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

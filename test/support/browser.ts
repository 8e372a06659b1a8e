/**
 * Headless Chromium for the HTML report's tests: the system's own browser (Debian's `chromium`
 * package; .ci/run installs it), driven by playwright-core, which downloads nothing. A machine
 * without it fails the tests with the command that installs it; they never skip.
 */
import { accessSync, constants, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { REPO_ROOT } from "./paths.js";

/** Where the browser tests leave their screenshots (gitignored). */
export const TEST_RESULTS = join(REPO_ROOT, "test-results");

const CANDIDATES = ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const INSTALL_HINT = "apt-get install -y chromium (as root; .ci/run does it), or set YOURSIDE_CHROMIUM to a Chromium executable";

/** The Chromium executable: $YOURSIDE_CHROMIUM, else the system's. */
export function chromiumPath(): string {
  const wanted = process.env.YOURSIDE_CHROMIUM;
  for (const path of wanted ? [wanted] : CANDIDATES) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  throw new Error(
    `The HTML report's browser tests need headless Chromium and found none at ${wanted ?? CANDIDATES.join(", ")}: ${INSTALL_HINT}.`,
  );
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Chromium's sandbox refuses to run as root (CI runs as root); the pages opened are our own reports.
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
}

/** What a page did that a report must never do: console errors, uncaught errors, requests, dialogs. */
export interface PageWatch {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request the page made, the document's own included. */
  requests: string[];
  dialogs: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  options: { javaScript?: boolean; width?: number; height?: number } = {},
): Promise<PageWatch> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1400, height: options.height ?? 1000 },
  });
  const page = await context.newPage();
  const watch: PageWatch = { page, context, consoleErrors: [], pageErrors: [], requests: [], dialogs: [] };
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error" || m.type() === "warning") watch.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => watch.pageErrors.push(e.message));
  page.on("request", (r) => watch.requests.push(r.url()));
  page.on("dialog", (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  // Nothing may go out; should anything try, it is stopped here as well as recorded.
  await context.route(/^(?!file:)/, (route) => route.abort());
  await page.goto(url, { waitUntil: "load" });
  return watch;
}

export function screenshotPath(name: string): string {
  mkdirSync(TEST_RESULTS, { recursive: true });
  return join(TEST_RESULTS, name);
}

import { chromium, type BrowserContext, type Locator } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser), driven by playwright-core. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const UI_TIMEOUT = 20_000;

const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-quic',
];

type ContextOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/** A headless Chromium with a profile of its own in `profileDir`. */
export function launchChromium(profileDir: string, options: ContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** The first match, once visible. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return locator.first();
}

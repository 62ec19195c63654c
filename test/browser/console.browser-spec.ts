import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The console in a real browser (Debian's Chromium, driven by playwright-core)
 * against the real API with the demo accounts.
 */

jest.setTimeout(60_000);

const DEMO_PASSWORD = 'demo1234';

interface LoginBody {
  message?: string;
  code?: string;
  user?: { displayName: string; email: string; roles: string[]; preferredLanguage?: string };
}

let server: TestServer;
let profileDir: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

beforeEach(async () => {
  // a fresh profile per test: react-admin keeps the session and preferences in localStorage
  profileDir = mkdtempSync(join(tmpdir(), 'cf-console-'));
  context = await launchChromium(profileDir, {
    locale: 'en-CA',
    viewport: { width: 1280, height: 800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
});

afterEach(async () => {
  await context?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

const url = (hashPath: string) => `${server.baseUrl}/#${hashPath}`;

const isLoginResponse = (response: Response) =>
  new URL(response.url()).pathname === '/api/auth/login' && response.request().method() === 'POST';

/** Fills the sign-in form (labelled through i18n) and returns the API's answer. */
const signIn = async (email: string, password: string): Promise<{ status: number; body: LoginBody }> => {
  await page.goto(url('/login'));
  await (await visible(page.getByLabel(/^Email/))).fill(email);
  await (await visible(page.getByLabel(/^Password/))).fill(password);
  const answer = page.waitForResponse(isLoginResponse);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const response = await answer;
  return { status: response.status(), body: (await response.json()) as LoginBody };
};

describe('console (browser)', () => {
  it('lets an admin list users, switch to French, and keeps French after a reload', async () => {
    const { status, body } = await signIn('admin@example.org', DEMO_PASSWORD);
    expect(status).toBe(200);
    if (body.user?.preferredLanguage === 'fr') {
      // the console adopts the user's preferred language at sign-in: start from English
      await visible(page.getByRole('menuitem', { name: 'Utilisateurs' }));
      await (await visible(page.getByRole('button', { name: 'Français', exact: true }))).click();
      await (await visible(page.getByRole('menuitem', { name: 'English' }))).click();
    }

    await (await visible(page.getByRole('menuitem', { name: 'Users' }))).click();
    await page.waitForURL(/#\/users/);
    await visible(page.getByRole('cell', { name: 'admin@example.org', exact: true }));
    await visible(page.getByRole('columnheader').filter({ hasText: 'Email' }));

    // the locale menu in the app bar shows the current language
    await (await visible(page.getByRole('button', { name: 'English', exact: true }))).click();
    await (await visible(page.getByRole('menuitem', { name: 'Français' }))).click();

    const expectFrench = async () => {
      await visible(page.getByRole('menuitem', { name: 'Utilisateurs' }));
      await visible(page.getByRole('columnheader').filter({ hasText: 'Courriel' }));
      // react-admin's own French messages
      await visible(page.getByRole('button', { name: 'Exporter' }));
      await visible(page.getByRole('button', { name: 'Français', exact: true }));
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.getByRole('menuitem', { name: 'Users', exact: true }).count()).toBe(0);
    };
    await expectFrench();
    await visible(page.getByRole('cell', { name: 'admin@example.org', exact: true }));

    await page.reload();
    await expectFrench();
    await visible(page.getByRole('cell', { name: 'admin@example.org', exact: true }));
  });

  it('hides users from an applicant, and a forbidden page does not log them out', async () => {
    const usersCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/users')) usersCalls.push(request.url());
    });

    const { status, body } = await signIn('applicant@example.org', DEMO_PASSWORD);
    expect(status).toBe(200);
    const displayName = body.user?.displayName ?? '';
    expect(displayName).not.toBe('');

    // dashboard with the user's name; the menu has no Users entry
    await visible(page.getByRole('heading', { name: `Welcome, ${displayName}` }));
    await visible(page.getByRole('menuitem', { name: 'Dashboard' }));
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);

    await page.goto(url('/users'));
    await visible(page.getByRole('heading', { name: /Not Found|Access denied/i }));
    expect(await page.getByRole('cell', { name: 'admin@example.org' }).count()).toBe(0);
    expect(usersCalls).toEqual([]);

    // still signed in: the user menu shows their name, the dashboard is reachable
    expect(page.url()).not.toMatch(/#\/login/);
    await visible(page.getByRole('button', { name: 'Profile' }).filter({ hasText: displayName }));
    expect(await page.getByLabel(/^Password/).count()).toBe(0);
    await (await visible(page.getByRole('menuitem', { name: 'Dashboard' }))).click();
    await visible(page.getByRole('heading', { name: `Welcome, ${displayName}` }));
  });

  it("shows the server's message when the password is wrong", async () => {
    const { status, body } = await signIn('admin@example.org', 'not-the-password');
    expect(status).toBe(401);
    expect(body.code).toBe('INVALID_CREDENTIALS');
    expect(body.message).toBeTruthy();

    await visible(page.getByRole('alert').filter({ hasText: body.message as string }));
    // still on the sign-in page
    expect(page.url()).toMatch(/#\/login/);
    await visible(page.getByLabel(/^Password/));
  });
});

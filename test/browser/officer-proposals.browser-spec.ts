import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * A program officer, in a real browser (in Tokyo) against the real API: exports the filtered
 * proposals as CSV, grants an extension in Toronto time, and screens a proposal.
 */

jest.setTimeout(180_000);

const OFFICER = 'officer@example.org';
const DEMO_PASSWORD = 'demo1234';

let t: TestApp;
let workDir: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

beforeEach(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'cf-officer-'));
  context = await launchChromium(join(workDir, 'profile'), {
    locale: 'en-CA',
    // a browser far from Toronto: the console must still show and send Toronto time
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
});

afterEach(async () => {
  await context?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const url = (hashPath: string) => `${t.baseUrl}/#${hashPath}`;

const api = (method: string, path: string, token: string) => call(t, method, path).set('Authorization', `Bearer ${token}`);

const isApi = (response: Response, method: string, pattern: RegExp) =>
  response.request().method() === method && pattern.test(new URL(response.url()).pathname);

const signIn = async (email: string) => {
  await page.goto(url('/login'));
  await (await visible(page.getByLabel(/^Email/))).fill(email);
  await (await visible(page.getByLabel(/^Password/))).fill(DEMO_PASSWORD);
  const answer = page.waitForResponse((r) => isApi(r, 'POST', /^\/api\/auth\/login$/));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  expect((await answer).status()).toBe(200);
  // the console goes to its dashboard after signing in: wait for it, or it could follow our next navigation
  await page.waitForURL((u) => u.hash === '#/');
};

interface ProposalRow {
  id: string;
  title: string;
  status: string;
  trackingNumber: string | null;
  fundCode: string;
  deadline: { open: boolean; closesAt: string };
}

describe('program officer works on proposals (browser)', () => {
  it('exports CSV with a BOM, grants an extension in Toronto time, and screens a proposal', async () => {
    const token = await t.token(OFFICER);
    const listed = await api('get', '/api/proposals', token).query({
      filter: JSON.stringify({ status: 'submitted' }),
      sort: JSON.stringify(['trackingNumber', 'ASC']),
      range: JSON.stringify([0, 99]),
    });
    expect(listed.status).toBe(200);
    // submitted before a deadline that has passed: it can be extended and screened
    const proposal = (listed.body as ProposalRow[]).find((p) => !p.deadline.open);
    if (!proposal) throw new Error('no submitted proposal past its deadline in the demo data');

    await signIn(OFFICER);
    await (await visible(page.getByRole('menuitem', { name: 'Proposals' }))).click();
    await page.waitForURL(/#\/proposals/);
    await visible(page.getByRole('cell', { name: proposal.trackingNumber as string }));

    // CSV export of the list as filtered, made by the server, downloaded with the token
    await page.goto(url(`/proposals?filter=${encodeURIComponent(JSON.stringify({ status: 'submitted' }))}`));
    await visible(page.getByRole('cell', { name: proposal.trackingNumber as string }));
    const exported = page.waitForResponse((r) => isApi(r, 'GET', /^\/api\/proposals\/export$/));
    const download = page.waitForEvent('download');
    await (await visible(page.getByRole('button', { name: 'Export CSV' }))).click();
    const exportResponse = await exported;
    expect(exportResponse.status()).toBe(200);
    expect(JSON.parse(new URL(exportResponse.url()).searchParams.get('filter') ?? '{}')).toEqual({ status: 'submitted' });
    const file = join(workDir, 'export.csv');
    await (await download).saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(proposal.trackingNumber as string);

    // an extension until December 1, 5:00 p.m. Toronto time: EST (-05:00), whatever the browser's zone
    await page.goto(url(`/proposals/${proposal.id}/show`));
    await (await visible(page.getByRole('button', { name: 'Grant an extension' }))).click();
    const extension = await visible(page.getByRole('dialog'));
    const year = new Date(proposal.deadline.closesAt).getUTCFullYear();
    await extension.getByLabel(/^New deadline/).fill(`${year}-12-01T17:00`);
    await extension.getByLabel(/^Reason/).fill('Campus closed by a flood during the last week of the intake');
    const granted = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`^/api/proposals/${proposal.id}/extensions$`)));
    await extension.getByRole('button', { name: 'Grant the extension' }).click();
    const grantedResponse = await granted;
    expect(grantedResponse.status()).toBe(201);
    expect(JSON.parse(grantedResponse.request().postData() ?? '{}').until).toBe(`${year}-12-01T17:00:00.000-05:00`);
    await (await visible(page.getByRole('tab', { name: 'Extensions' }))).click();
    await visible(page.getByRole('cell', { name: /December 1, \d{4} at 5:00:00 p\.m\. EST/ }));

    // screening, once the applicant can no longer change the proposal
    const extensions = await api('get', `/api/proposals/${proposal.id}/extensions`, token);
    expect(extensions.body).toHaveLength(1);
    const stillOpen = Date.parse(extensions.body[0].until) > Date.now();
    await (await visible(page.getByRole('button', { name: 'Screen eligibility' }))).click();
    const screening = await visible(page.getByRole('dialog'));
    await screening.getByRole('radio', { name: 'Ineligible' }).check();
    await expect(screening.getByRole('button', { name: 'Record the screening' }).isDisabled()).resolves.toBe(true);
    await screening.getByLabel(/^Reasons/).fill('No letter of support from an employer partner.');
    const screened = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`^/api/proposals/${proposal.id}/screening$`)));
    await screening.getByRole('button', { name: 'Record the screening' }).click();
    const screenedResponse = await screened;
    if (stillOpen) {
      // the extension runs into the future: the server refuses, the dialog says why
      expect(screenedResponse.status()).toBe(409);
      await visible(screening.getByRole('alert'));
    } else {
      expect(screenedResponse.status()).toBe(200);
      await visible(page.getByText('Ineligible', { exact: true }));
      const after = await api('get', `/api/proposals/${proposal.id}`, token);
      expect(after.body.status).toBe('ineligible');
      expect(after.body.screeningReasons).toBe('No letter of support from an employer partner.');
    }
  });
});

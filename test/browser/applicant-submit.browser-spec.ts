import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { PDF } from '../support/proposal-fixtures';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * An applicant, in a real browser against the real API: creates a draft in the open fund,
 * fills every section, uploads a partner's letter of support, submits, and gets the receipt.
 */

jest.setTimeout(180_000);

const APPLICANT = 'applicant@example.org';
const DEMO_PASSWORD = 'demo1234';

interface FundRow {
  id: string;
  code: string;
  launchEarliest: string | null;
  criteria: { code: string; titleEn: string }[];
}

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
  workDir = mkdtempSync(join(tmpdir(), 'cf-applicant-'));
  context = await launchChromium(join(workDir, 'profile'), {
    locale: 'en-CA',
    // a browser far from Toronto: the console must still show and send Toronto time
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1400, height: 1000 },
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

/** Polls until `check` holds (jest's expect has no poll). */
const eventually = async (check: () => Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + UI_TIMEOUT;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

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

const openTab = async (name: RegExp) => {
  await (await visible(page.getByRole('tab', { name }))).click();
};

/** The last item of an ArrayInput (after clicking its Add button). */
const addItem = async (section: string): Promise<Locator> => {
  const items = page.locator(`.ra-input-${section} .RaSimpleFormIterator-line`);
  const before = await items.count();
  await (await visible(page.locator(`.ra-input-${section}`).getByRole('button', { name: /^Add$/ }))).click();
  await eventually(async () => (await items.count()) === before + 1, `a new item in ${section}`);
  return items.nth(before);
};

describe('applicant submits a proposal (browser)', () => {
  it('creates a draft, fills it, uploads a letter of support, submits, and sees the receipt', async () => {
    const token = await t.token(APPLICANT);

    // what the test needs, through the API: the open fund and a partner employer of its own
    const funds = await api('get', '/api/funds', token).query({ filter: JSON.stringify({ status: 'open' }) });
    expect(funds.status).toBe(200);
    const fund = (funds.body as FundRow[]).find((f) => f.criteria.length > 0);
    if (!fund) throw new Error('no open fund with criteria in the demo data');
    const employerName = `Browser Test Robotics ${randomUUID().slice(0, 8)}`;
    const employer = await api('post', '/api/partner-organizations', token).send({
      name: employerName,
      kind: 'employer',
      sector: 'advanced_manufacturing',
      region: 'toronto',
      size: 'medium',
    });
    expect(employer.status).toBe(201);
    const letterPath = join(workDir, 'letter-of-support.pdf');
    writeFileSync(letterPath, PDF);

    await signIn(APPLICANT);

    // My proposals -> New proposal -> pick the open fund
    await (await visible(page.getByRole('menuitem', { name: 'My proposals' }))).click();
    await page.waitForURL(/#\/proposals/);
    await (
      await visible(page.getByRole('link', { name: 'New proposal' }).or(page.getByRole('button', { name: 'New proposal' })))
    ).click();
    await (await visible(page.getByRole('radio', { name: new RegExp(fund.code) }))).check();
    await page.getByLabel(/^Title/).fill('Collaborative Robotics for Advanced Manufacturing');
    const created = page.waitForResponse((r) => isApi(r, 'POST', /^\/api\/proposals$/));
    await page.getByRole('button', { name: 'Create the draft' }).click();
    const createdResponse = await created;
    expect(createdResponse.status()).toBe(201);
    const proposalId = ((await createdResponse.json()) as { id: string }).id;
    await page.waitForURL(new RegExp(`#/proposals/${proposalId}$`));

    // the deadline countdown, in Toronto time although the browser is in Tokyo
    await visible(page.getByRole('timer'));
    await visible(page.getByText(/\(Toronto time\)/).first());

    // Overview
    await page
      .getByLabel(/^Summary/)
      .fill('Two stackable micro-credentials in collaborative robot programming for manufacturing workers in the region.');
    await page.getByRole('checkbox', { name: 'Advanced manufacturing' }).check();
    const areas = page.getByLabel(/^Areas of focus/);
    await areas.fill('robotics');
    await areas.press('Enter');
    await page.getByRole('checkbox', { name: 'Toronto' }).check();

    // Micro-credentials
    await openTab(/^Micro-credentials/);
    const credential = await addItem('microCredentials');
    await credential.getByLabel(/^Title/).fill('Collaborative Robot Programming');
    await credential.getByLabel(/^Hours/).fill('40');
    await credential.getByLabel(/^Planned launch/).fill(fund.launchEarliest ?? '2030-01-10');
    await credential.getByLabel(/^Expected enrolment/).fill('60');
    await credential
      .getByRole('switch', { name: /Stackable/ })
      .or(credential.getByRole('checkbox', { name: /Stackable/ }))
      .check();

    // Partners: the employer created above, with its letter of support uploaded inline
    await openTab(/^Partners/);
    const partner = await addItem('partners');
    const picker = partner.getByLabel(/^Partner organization/);
    await picker.fill(employerName.slice(0, 20));
    await (await visible(page.getByRole('option', { name: employerName }))).click();
    await partner.getByLabel(/^Cash contribution/).fill('10000');
    await partner.getByLabel(/^Planned hires/).fill('12');
    await partner.getByLabel(/^Work placements/).fill('10');
    const uploaded = page.waitForResponse((r) => isApi(r, 'POST', /^\/api\/proposals\/[^/]+\/attachments$/));
    await partner.getByTestId('letter-file').setInputFiles(letterPath);
    expect((await uploaded).status()).toBe(201);
    await visible(partner.getByTestId('letter-file-name').filter({ hasText: 'letter-of-support.pdf' }));

    // Budget: $40,000.00 requested, live totals against the cap
    await openTab(/^Budget/);
    const line = await addItem('budget');
    await line.getByLabel(/^Description/).fill('Curriculum design with the employer');
    await line.getByLabel(/^Requested from the fund/).fill('40,000.00');
    await line.getByLabel(/^From partners/).fill('10000');
    await eventually(
      async () => (await page.getByTestId('budget-requested-total').textContent()) === '$40,000.00',
      'the live budget total',
    );

    // Narratives: one answer per criterion of the fund
    await openTab(/^Narratives/);
    const answer =
      'Our employer partner co-designed this training after a joint review of regional vacancy data; graduates are offered interviews and paid placements.';
    for (const criterion of fund.criteria) {
      await page.getByRole('textbox', { name: criterion.titleEn, exact: true }).fill(answer);
    }

    // Contacts
    await openTab(/^Contacts/);
    const contact = await addItem('contacts');
    await contact.getByLabel(/^Name/).fill('Pat Lead');
    await contact.getByLabel(/^Email/).fill('pat.lead@example.org');
    await contact.getByLabel(/^Phone/).fill('416-555-0101');
    await contact.getByLabel(/^Role/).fill('Project lead');

    // Save (PUT with the version read)
    const saved = page.waitForResponse((r) => isApi(r, 'PUT', new RegExp(`^/api/proposals/${proposalId}$`)));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const savedResponse = await saved;
    expect(savedResponse.status()).toBe(200);
    const savedBody = (await savedResponse.json()) as {
      requestedCents: number;
      partners: { letterAttachmentId: string | null }[];
    };
    expect(savedBody.requestedCents).toBe(4_000_000);
    expect(savedBody.partners[0].letterAttachmentId).toBeTruthy();

    // Submit: the checklist is complete, then the receipt
    await (await visible(page.getByRole('button', { name: 'Submit', exact: true }))).click();
    const dialog = await visible(page.getByRole('dialog'));
    await visible(dialog.getByText('Everything required is there.'));
    await visible(dialog.getByTestId('readiness-checklist'));
    const submitted = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`^/api/proposals/${proposalId}/submit$`)));
    await dialog.getByRole('button', { name: 'Submit the proposal' }).click();
    const submitResponse = await submitted;
    expect(submitResponse.status()).toBe(201);
    expect(submitResponse.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const receipt = (await submitResponse.json()) as { trackingNumber: string; version: number };
    expect(receipt.trackingNumber).toMatch(/^MCF-\d{4}-\d{6}$/);

    const receiptDialog = await visible(page.getByRole('dialog', { name: 'Proposal submitted' }));
    await visible(receiptDialog.getByTestId('receipt-tracking-number').filter({ hasText: receipt.trackingNumber }));
    await visible(receiptDialog.getByTestId('receipt-version').filter({ hasText: String(receipt.version) }));
    // the server's time on Toronto's clocks (EDT or EST), not Tokyo's
    await visible(receiptDialog.getByTestId('receipt-submitted-at').filter({ hasText: /E[DS]T/ }));

    // the API agrees
    const after = await api('get', `/api/proposals/${proposalId}`, token);
    expect(after.body.status).toBe('submitted');
    expect(after.body.trackingNumber).toBe(receipt.trackingNumber);
  });
});

import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * The awards board in a real browser, on the demo's 2021 fund: the officer who recommended a decision cannot
 * confirm it (four eyes); the approver confirms it and the envelope gauge and the ledger move.
 */

jest.setTimeout(180_000);

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
  workDir = mkdtempSync(join(tmpdir(), 'cf-awards-'));
  context = await launchChromium(join(workDir, 'profile'), { locale: 'en-CA', viewport: { width: 1400, height: 1000 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
});

afterEach(async () => {
  await context?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const url = (hashPath: string) => `${t.baseUrl}/#${hashPath}`;
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

describe('the awards board (browser)', () => {
  it('keeps the recommender from confirming; the approver confirms and the envelope moves', async () => {
    const [fund] = await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`);
    const officer = await t.token('officer@example.org');
    const pending = await call(
      t,
      'GET',
      `/api/decisions?filter=${encodeURIComponent(JSON.stringify({ fundId: fund.id, status: 'recommended' }))}`,
    ).set('Authorization', `Bearer ${officer}`);
    expect(pending.body).toHaveLength(1);
    const decision = pending.body[0];
    const before = (await call(t, 'GET', `/api/funds/${fund.id}/ledger`).set('Authorization', `Bearer ${officer}`)).body;
    const name = new RegExp(`^Confirm the decision on .*${decision.trackingNumber}`);

    // The officer who recommended it: the action is there, disabled, with the reason.
    await signIn('officer@example.org');
    await page.goto(url(`/awards/${fund.id}`));
    await visible(page.getByRole('heading', { name: 'Pending decisions' }));
    const ownConfirm = await visible(page.getByRole('button', { name }));
    expect(await ownConfirm.isDisabled()).toBe(true);
    await visible(page.getByText('Four-eyes rule: you recommended this decision', { exact: false }));
    // A fresh browser for the other person.
    await context.close();
    rmSync(workDir, { recursive: true, force: true });
    workDir = mkdtempSync(join(tmpdir(), 'cf-awards-'));
    context = await launchChromium(join(workDir, 'profile'), { locale: 'en-CA', viewport: { width: 1400, height: 1000 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(UI_TIMEOUT);

    // The approver confirms it.
    await signIn('approver@example.org');
    await page.goto(url(`/awards/${fund.id}`));
    const confirm = await visible(page.getByRole('button', { name }));
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    const dialog = await visible(page.getByRole('dialog'));
    const answer = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`^/api/decisions/${decision.id}/confirm$`)));
    await dialog.getByRole('button', { name: 'Confirm the decision', exact: true }).click();
    expect((await answer).status()).toBe(200);
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(page.getByText('No recommendation is awaiting confirmation.'));

    const after = (await call(t, 'GET', `/api/funds/${fund.id}/ledger`).set('Authorization', `Bearer ${officer}`)).body;
    expect(after.committedCents).toBe(before.committedCents + decision.amountCents);
    expect(after.awards).toBe(before.awards + 1);
    const [row] = await t.dataSource.query(`SELECT status, decided_by FROM award_decisions WHERE id = $1`, [decision.id]);
    const [approver] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'approver@example.org'`);
    expect(row).toEqual({ status: 'confirmed', decided_by: approver.id });
  });
});

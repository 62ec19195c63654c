import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * What-if scenarios in a real browser, on the demo's 2021 fund: an officer creates two scenarios (the optimizer and
 * the ranking order), they are solved in the background, compared side by side (table, charts, moves), and one is
 * turned into recommendations in one step; the API confirms what the screen said.
 */

jest.setTimeout(180_000);

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
  workDir = mkdtempSync(join(tmpdir(), 'cf-scenarios-'));
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

describe('what-if scenarios (browser)', () => {
  it('creates, solves, compares and applies scenarios', async () => {
    const [fund] = await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`);
    await page.goto(url('/login'));
    await (await visible(page.getByLabel(/^Email/))).fill('officer@example.org');
    await (await visible(page.getByLabel(/^Password/))).fill('demo1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visible(page.getByRole('heading', { name: /Dashboard|Challenge Fund/ }).first());

    await page.goto(url(`/scenarios/${fund.id}`));
    await visible(page.getByRole('heading', { name: 'What-if scenarios' }));

    const newScenario = async (name: string, method?: 'Ranking order') => {
      await page.getByRole('button', { name: 'New scenario' }).first().click();
      const dialog = await visible(page.getByRole('dialog', { name: 'New scenario' }));
      await dialog.getByLabel(/^Name/).fill(name);
      if (method) {
        await dialog.getByRole('combobox', { name: 'Method' }).click();
        await page.getByRole('option', { name: method }).click();
      }
      const created = page.waitForResponse((r) => isApi(r, 'POST', /^\/api\/scenarios$/));
      await dialog.getByRole('button', { name: 'Solve' }).click();
      expect((await created).status()).toBe(201);
    };
    await newScenario('Plan A');
    await newScenario('Plan B', 'Ranking order');

    // solved in the background; the list polls until both are done
    const row = (name: string) => page.getByRole('row').filter({ hasText: name });
    await visible(row('Plan A').getByText(/^Optimal \(gap 0\.00 %\)$/));
    await visible(row('Plan B').locator('.MuiChip-label', { hasText: /^Ranking order$/ }));

    await page.getByRole('checkbox', { name: 'Compare Plan A' }).check();
    await page.getByRole('checkbox', { name: 'Compare Plan B' }).check();
    await visible(page.getByRole('heading', { name: 'Comparison' }));
    await visible(page.getByRole('heading', { name: 'Amount by region' }));
    await visible(page.getByRole('img', { name: /^Amount by region: Plan A: Central/ }));
    await visible(page.getByRole('heading', { name: 'Plan B against Plan A' }));

    // the screen's figures are the API's
    const token = await t.token('officer@example.org');
    const list = await call(t, 'GET', `/api/scenarios?filter=${encodeURIComponent(JSON.stringify({ fundId: fund.id }))}`).set(
      'Authorization',
      `Bearer ${token}`,
    );
    const best = list.body.find((s: { name: string }) => s.name === 'Plan A');
    expect(best.outcome.greedy.totalMerit).toBeLessThanOrEqual(best.outcome.totalMerit + 1e-9);
    const comparison = page.getByRole('table', { name: 'Comparison' });
    await visible(comparison.getByRole('row', { name: new RegExp(`^Funded ${best.outcome.count} `) }));

    // one step to recommendations
    await row('Plan A').getByRole('button', { name: 'Recommend' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Recommend the proposals of Plan A' }));
    await dialog.getByLabel(/^Rationale/).fill('The best merit within the envelope.');
    const applied = page.waitForResponse((r) => isApi(r, 'POST', /^\/api\/scenarios\/[^/]+\/apply$/));
    await dialog.getByRole('button', { name: 'Recommend' }).click();
    const answer = await (await applied).json();
    expect(answer.recommended.length + answer.skipped.length).toBe(best.outcome.count);
    if (answer.recommended.length) await visible(dialog.getByText(/recommendations? made/));
    const made = await call(
      t,
      'GET',
      `/api/decisions?filter=${encodeURIComponent(JSON.stringify({ fundId: fund.id, status: 'recommended' }))}`,
    ).set('Authorization', `Bearer ${token}`);
    for (const id of answer.recommended) {
      expect(made.body.find((d: { id: string }) => d.id === id)?.rationale).toBe(
        'The best merit within the envelope. (scenario “Plan A”)',
      );
    }
  });
});

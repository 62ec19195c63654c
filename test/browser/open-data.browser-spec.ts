import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { publishedProject } from '../support/open-data-fixtures';
import { reviewFund } from '../support/review-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The public catalogue in a real browser: a visitor who never signed in opens a shared French link, reads French
 * headings and labels, filters by region and by OSAP approval, and sees what the API answers.
 */

jest.setTimeout(180_000);

let t: TestApp;
let workDir: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await startTestApp();
  const fund = await reviewFund(t);
  await publishedProject(t, fund.id, {
    title: 'Compétences du Nord',
    institution: 'Collège public du Nord (essai)',
    region: 'northern',
    sectors: ['mining', 'health_care'],
    partner: 'Mines boréales (essai)',
    credentials: [
      {
        title: 'Sécurité minière souterraine',
        sector: 'mining',
        area: 'Sécurité',
        mode: 'in_person',
        hours: 40,
        osap: 'approved',
      },
      {
        title: 'Coordination des soins à distance',
        sector: 'health_care',
        area: 'Soins',
        mode: 'online',
        hours: 30,
        osap: 'submitted',
      },
    ],
  });
  await publishedProject(t, fund.id, {
    title: 'Tourisme numérique',
    institution: 'Institut du Sud-Ouest (essai)',
    region: 'southwestern',
    sectors: ['hospitality_tourism'],
    partner: 'Hôtels du lac (essai)',
    credentials: [
      {
        title: 'Marketing numérique touristique',
        sector: 'hospitality_tourism',
        area: 'Marketing',
        mode: 'hybrid',
        hours: 24,
        osap: 'approved',
      },
    ],
  });
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

beforeEach(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'cf-open-data-'));
  // an English browser: the French comes from the shared link
  context = await launchChromium(join(workDir, 'profile'), { locale: 'en-CA', viewport: { width: 1280, height: 1000 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
});

afterEach(async () => {
  await context?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const isCatalogue = (r: Response) => new URL(r.url()).pathname === '/api/public/micro-credentials';

/** What the API answers for a filter: the total and the titles (sorted by title, as the page shows them). */
const fromApi = async (filter: object) => {
  const res = await t
    .http()
    .get(`/api/public/micro-credentials?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,19]&sort=["title","ASC"]`);
  expect(res.status).toBe(200);
  return { total: Number(res.headers['content-range'].split('/')[1]), titles: res.body.map((r: { title: string }) => r.title) };
};

const shownTitles = async () => page.locator('main article h3').allTextContents();

/** Waits until the titles on the page are these (the list re-renders once its query answers). */
const expectShown = async (titles: string[]) => {
  const deadline = Date.now() + UI_TIMEOUT;
  let shown = await shownTitles();
  while (JSON.stringify(shown) !== JSON.stringify(titles) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    shown = await shownTitles();
  }
  expect(shown).toEqual(titles);
};

const results = (n: number) =>
  n === 1 ? 'Un microtitre de compétence correspond.' : `${n} microtitres de compétence correspondent.`;

describe('the public catalogue (browser)', () => {
  it('a visitor without login opens it in French, filters by region and OSAP approval, and sees what the API answers', async () => {
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) apiCalls.push(path);
      expect(request.headers().authorization).toBeUndefined();
    });

    // A shared link, clean (no #): it opens the catalogue's route in French.
    await page.goto(`${t.baseUrl}/public/fr/micro-credentials`);
    await visible(page.getByRole('heading', { level: 1, name: 'Catalogue des microtitres de compétence financés' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(new URL(page.url()).hash).toBe('#/public/micro-credentials?lang=fr');
    await visible(page.getByRole('heading', { level: 2, name: 'Filtres' }));
    await visible(page.getByRole('navigation', { name: 'Pages publiques' }));
    for (const label of [
      'Secteur d’activité',
      'Domaine d’intérêt',
      'Établissement',
      'Région',
      'Mode de prestation',
      'Approbation RAFEO',
    ]) {
      await visible(page.getByLabel(label, { exact: true }));
    }
    await visible(page.getByRole('searchbox', { name: 'Rechercher par titre' }));
    const all = await fromApi({});
    await visible(page.getByRole('heading', { level: 2, name: results(all.total) }));

    // By region: the northern institution's two micro-credentials (and any other of the demo in the north).
    let answer = page.waitForResponse((r) => isCatalogue(r) && r.url().includes('northern'));
    await page.getByLabel('Région', { exact: true }).selectOption('northern');
    expect((await answer).status()).toBe(200);
    const north = await fromApi({ region: 'northern' });
    expect(north.titles).toEqual(expect.arrayContaining(['Coordination des soins à distance', 'Sécurité minière souterraine']));
    await visible(page.getByRole('heading', { level: 2, name: results(north.total) }));
    await expectShown(north.titles);
    // The region's option says its label in French with its count.
    expect(await page.getByLabel('Région', { exact: true }).locator('option:checked').textContent()).toBe(
      `Nord (${north.total})`,
    );

    // And by OSAP approval.
    answer = page.waitForResponse((r) => isCatalogue(r) && r.url().includes('approved'));
    await page.getByLabel('Approbation RAFEO', { exact: true }).selectOption('approved');
    expect((await answer).status()).toBe(200);
    const approved = await fromApi({ region: 'northern', osapStatus: 'approved' });
    expect(approved.titles).toContain('Sécurité minière souterraine');
    expect(approved.titles).not.toContain('Coordination des soins à distance');
    await visible(page.getByRole('heading', { level: 2, name: results(approved.total) }));
    await expectShown(approved.titles);
    const card = page.locator('main article').filter({ hasText: 'Sécurité minière souterraine' });
    await visible(card.getByText('Approuvé pour le RAFEO'));
    await visible(card.getByText('En personne'));
    expect(page.url()).toMatch(/lang=fr/);
    expect(page.url()).toMatch(/region=northern/);
    expect(page.url()).toMatch(/osapStatus=approved/);

    // The downloads of this selection are in French too.
    const csv = page.getByRole('link', { name: 'Microtitres de compétence (CSV)' });
    const href = (await visible(csv)).getAttribute('href');
    expect(await href).toContain('lang=fr');
    expect(decodeURIComponent((await href)!)).toContain('"osapStatus":"approved"');

    // The project page, from the card, in French; then the switch to English keeps the place.
    await card.getByRole('link', { name: 'Compétences du Nord' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Compétences du Nord' }));
    await visible(page.getByText('Mines boréales (essai) (Employeur, Exploitation minière)'));
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'Its micro-credentials' }));
    expect(page.url()).toMatch(/lang=en/);

    // Never a sign-in, never a private route.
    expect(apiCalls.filter((p) => !p.startsWith('/api/public/'))).toEqual([]);
    expect(page.url()).not.toContain('/login');
  });
});

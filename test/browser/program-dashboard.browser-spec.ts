import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The program dashboard in a real browser (issue 6): a program officer who prefers French signs in and finds, on
 * the dashboard, the 2021 fund's figures: Collège Boréal's project at risk with its overdue report (a link to the
 * project), the money charts (images whose text alternative states the figures, their tables on demand), the
 * micro-credentials against the target and the enrolments by month.
 */

jest.setTimeout(180_000);

let t: TestApp;
let workDir: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await startTestApp();
  await t.dataSource.query(`UPDATE users SET preferred_language = 'fr' WHERE email = 'officer@example.org'`);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

beforeEach(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'cf-program-dashboard-'));
  context = await launchChromium(join(workDir, 'profile'), { locale: 'en-CA', viewport: { width: 1400, height: 1000 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
});

afterEach(async () => {
  await context?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('program dashboard (browser)', () => {
  it('shows an officer, in French, the projects at risk and the charts of the 2021 fund', async () => {
    const [boreal] = await t.dataSource.query(
      `SELECT pr.id, pr.title FROM projects pr JOIN institutions i ON i.id = pr.institution_id
        JOIN funds f ON f.id = pr.fund_id WHERE f.code = 'MCF-2021' AND i.name = 'Collège Boréal'`,
    );
    await page.goto(`${t.baseUrl}/#/login`);
    await (await visible(page.getByLabel(/^Email/))).fill('officer@example.org');
    await (await visible(page.getByLabel(/^Password/))).fill('demo1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    // the console adopts the officer's language; the dashboard opens on the latest fund whose intake is closed
    await visible(page.getByRole('heading', { name: 'Projets financés : tableau de bord du programme' }));
    await visible(page.getByRole('combobox', { name: 'Fonds' }));
    expect(await page.getByRole('combobox', { name: 'Fonds' }).inputValue()).toMatch(/^MCF-2021 — /);

    const atRisk = await visible(page.getByRole('region', { name: 'Projets à risque (1)' }));
    const link = atRisk.getByRole('link', { name: boreal.title });
    await visible(link);
    expect(await link.getAttribute('href')).toBe(`#/projects/${boreal.id}/show`);
    await visible(
      atRisk
        .getByRole('row')
        .filter({ hasText: 'Collège Boréal' })
        .getByText(/^Rapport intermédiaire, échéance le .+ : \d+ jours? de retard$/),
    );

    for (const title of [
      'Sommes engagées et versées',
      'Par région de l’établissement',
      'Par type d’établissement',
      'Par secteur',
      'Microtitres de compétence lancés par rapport à la cible',
      'Inscriptions au fil du temps',
    ]) {
      await visible(page.getByRole('heading', { name: title }));
    }
    // each chart is an image whose text alternative states its figures
    const byRegion = page.getByRole('img', { name: /^Par région de l’établissement : .+ engagés et .+ versés/ });
    await visible(byRegion);
    await visible(page.getByRole('img', { name: /microtitres de compétence lancés sur une cible de 250/ }));
    await visible(page.getByRole('img', { name: /^Inscriptions de .+ : .+personnes inscrites à/ }));

    // the figures of a chart as a table, on demand
    const show = page.getByRole('button', { name: 'Afficher les données sous forme de tableau' }).first();
    await show.click();
    const table = await visible(page.getByRole('table', { name: 'Par région de l’établissement' }));
    await visible(table.getByRole('columnheader', { name: 'Engagé' }));
    await visible(table.getByRole('columnheader', { name: 'Versé' }));
    await visible(page.getByRole('button', { name: 'Masquer le tableau' }));
  });
});

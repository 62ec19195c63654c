import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * Funded projects in a real browser, on the demo's four projects (issue 6): George Brown College's applicant fills the
 * final report's figures, saves a draft and submits it, and an officer accepts it; an officer releases Fanshawe
 * College's first tranche (its milestone, the signed agreement, is accepted) and the disbursed amount moves, as the API
 * says; Algonquin College's applicant updates a micro-credential's OSAP status.
 */

jest.setTimeout(240_000);

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

const openBrowser = async () => {
  workDir = mkdtempSync(join(tmpdir(), 'cf-projects-'));
  context = await launchChromium(join(workDir, 'profile'), { locale: 'en-CA', viewport: { width: 1440, height: 1000 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
};

const closeBrowser = async () => {
  await context?.close();
  rmSync(workDir, { recursive: true, force: true });
};

beforeEach(openBrowser);
afterEach(closeBrowser);

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
  await visible(page.getByRole('menuitem', { name: 'Dashboard' }));
  await page.waitForURL((u) => u.hash === '#/' || u.hash === '');
};

/** A fresh browser for the next person. */
const switchUser = async (email: string) => {
  await closeBrowser();
  await openBrowser();
  await signIn(email);
};

const projectOf = async (institution: string): Promise<{ id: string }> => {
  const [p] = await t.dataSource.query(
    `SELECT pr.id FROM projects pr JOIN institutions i ON i.id = pr.institution_id JOIN funds f ON f.id = pr.fund_id
      WHERE i.name = $1 AND f.code = 'MCF-2021'`,
    [institution],
  );
  return p;
};

const api = async (path: string) => {
  const officer = await t.token('officer@example.org');
  const res = await call(t, 'GET', path).set('Authorization', `Bearer ${officer}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('funded projects (browser)', () => {
  it('the institution files its final report (figures, draft, submit); an officer accepts it', async () => {
    const project = await projectOf('George Brown College');
    const reports = await api(`/api/projects/${project.id}/reports`);
    const final = reports.find((r: { kind: string }) => r.kind === 'final');
    expect(final.status).toBe('draft');

    await signIn('applicant@example.org');
    await page.goto(url(`/projects/${project.id}/show/reports`));
    await visible(page.getByRole('heading', { name: 'Reports', exact: true }));
    // the draft is open: its figures are in the form
    const employed = await visible(page.getByLabel('Employed or advanced within 6 months'));
    expect(await page.getByLabel('Enrolments').inputValue()).toBe('131');
    await employed.fill('96');
    await page.getByLabel('Employer partners engaged').fill('6');
    await page.getByLabel('Learner supports').fill('2,500.50');
    await page.getByLabel('Comments').fill('The last intake completed in the spring; employers hired most graduates.');

    let answer = page.waitForResponse((r) => isApi(r, 'PUT', new RegExp(`^/api/projects/${project.id}/reports/${final.id}$`)));
    await page.getByRole('button', { name: 'Save draft' }).click();
    expect((await answer).status()).toBe(200);
    await visible(page.getByText('Draft saved'));
    let saved = (await api(`/api/projects/${project.id}/reports/${final.id}`)) as Record<string, any>;
    expect(saved).toMatchObject({ status: 'draft', employedOrAdvanced: 96, employerPartners: 6 });
    expect(saved.spending).toContainEqual({ category: 'learner_supports', amountCents: 250050 });

    // an inconsistent figure is refused on its field, nothing saved
    await page.getByLabel('Employed or advanced within 6 months').fill('500');
    answer = page.waitForResponse((r) => isApi(r, 'PUT', new RegExp(`/reports/${final.id}$`)));
    await page.getByRole('button', { name: 'Save draft' }).click();
    expect((await answer).status()).toBe(400);
    await visible(page.getByText('cannot exceed the completions (104)'));
    await page.getByLabel('Employed or advanced within 6 months').fill('96');

    await page.getByRole('button', { name: 'Submit the report' }).click();
    const confirm = await visible(page.getByRole('dialog'));
    answer = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/reports/${final.id}/submit$`)));
    await confirm.getByRole('button', { name: 'Submit the report' }).click();
    expect((await answer).status()).toBe(200);
    await visible(page.getByText('Report submitted: the ministry will review it'));
    saved = await api(`/api/projects/${project.id}/reports/${final.id}`);
    expect(saved).toMatchObject({ status: 'submitted', employedOrAdvanced: 96 });
    // read-only now
    await expect(page.getByRole('button', { name: 'Save draft' }).count()).resolves.toBe(0);

    // The officer accepts it.
    await switchUser('officer@example.org');
    await page.goto(url(`/projects/${project.id}/show/reports`));
    const accept = await visible(page.getByRole('button', { name: 'Accept: Final report' }));
    await accept.click();
    const dialog = await visible(page.getByRole('dialog'));
    await dialog.getByLabel('Comment (optional)').fill('Complete and consistent. Thank you.');
    answer = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/reports/${final.id}/accept$`)));
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    expect((await answer).status()).toBe(200);
    await visible(page.getByText('Report accepted', { exact: true }));
    saved = await api(`/api/projects/${project.id}/reports/${final.id}`);
    expect(saved).toMatchObject({ status: 'accepted', reviewComment: 'Complete and consistent. Thank you.' });
    // its milestone follows: the last tranche can now be released
    const tranches = await api(`/api/projects/${project.id}/tranches`);
    expect(tranches[2]).toMatchObject({ status: 'scheduled', releasable: true });
  });

  it('an officer releases a tranche whose milestone is accepted; the disbursed amount moves', async () => {
    const project = await projectOf('Fanshawe College');
    const before = await api(`/api/projects/${project.id}`);
    const tranches = await api(`/api/projects/${project.id}/tranches`);
    expect(tranches[0]).toMatchObject({ status: 'scheduled', releasable: true, milestoneStatus: 'accepted' });
    expect(before.disbursedCents).toBe(0);
    const amount = new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }).format(tranches[0].amountCents / 100);

    await signIn('officer@example.org');
    await page.goto(url(`/projects/${project.id}/show/payments`));
    await visible(page.getByRole('heading', { name: 'Payment tranches' }));
    // the second tranche waits for its milestone: disabled, with the reason
    const second = await visible(page.getByRole('button', { name: /^Release tranche 2/ }));
    expect(await second.isDisabled()).toBe(true);
    await visible(page.getByText('Released once “Micro-credential launched” is accepted.'));

    await (await visible(page.getByRole('button', { name: `Release tranche 1 (${amount})` }))).click();
    const dialog = await visible(page.getByRole('dialog'));
    await dialog.getByLabel('Note (optional)').fill('First instalment on signature.');
    const answer = page.waitForResponse((r) =>
      isApi(r, 'POST', new RegExp(`^/api/projects/${project.id}/tranches/${tranches[0].id}/release$`)),
    );
    await dialog.getByRole('button', { name: 'Release', exact: true }).click();
    expect((await answer).status()).toBe(201);
    await visible(page.getByText('Tranche released: the payment is recorded'));

    const after = await api(`/api/projects/${project.id}`);
    expect(after.disbursedCents).toBe(before.disbursedCents + tranches[0].amountCents);
    expect(after.remainingCents).toBe(after.awardCents - after.disbursedCents);
    // the page shows it: the payment, and the summary's amounts
    await visible(page.getByRole('cell', { name: 'First instalment on signature.' }));
    await page.getByRole('tab', { name: 'Summary' }).click();
    await expect((await visible(page.getByTestId('project-disbursed'))).textContent()).resolves.toBe(amount);
    // the officer moves the next milestone's due date (an amendment, with its reason)
    const milestones = await api(`/api/projects/${project.id}/milestones`);
    const launch = milestones.find((m: { kind: string }) => m.kind === 'micro_credential_launched');
    const newDue = `${Number(launch.dueOn.slice(0, 4)) + 1}${launch.dueOn.slice(4)}`;
    await page.getByRole('tab', { name: 'Milestones' }).click();
    await (await visible(page.getByRole('button', { name: 'Reschedule: Micro-credential launched' }))).click();
    const amend = await visible(page.getByRole('dialog'));
    await amend.getByLabel('New due date').fill(newDue);
    await amend.getByLabel('Reason').fill('The partner employer asked for a later first intake.');
    const moved = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/milestones/${launch.id}/reschedule$`)));
    await amend.getByRole('button', { name: 'Reschedule', exact: true }).click();
    expect((await moved).status()).toBe(200);
    await visible(page.getByText('Due date changed'));
    expect((await api(`/api/projects/${project.id}/milestones`)).find((m: { id: string }) => m.id === launch.id).dueOn).toBe(
      newDue,
    );
    // released once: a second click anywhere answers 409, shown in words
    const again = await call(t, 'POST', `/api/projects/${project.id}/tranches/${tranches[0].id}/release`)
      .set('Authorization', `Bearer ${await t.token('officer@example.org')}`)
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TRANCHE_RELEASED');
  });

  it('the institution updates a micro-credential’s OSAP status', async () => {
    const project = await projectOf('Algonquin College');
    const credentials = await api(`/api/projects/${project.id}/micro-credentials`);
    const mc = credentials.find((c: { osapStatus: string }) => c.osapStatus !== 'not_approved') ?? credentials[0];
    const target = mc.osapStatus === 'submitted' ? 'approved' : 'submitted';
    const label = { submitted: 'OSAP review in progress', approved: 'OSAP approved' }[target as 'submitted' | 'approved'];

    await signIn('applicant3@example.org');
    await page.goto(url(`/projects/${project.id}/show/micro-credentials`));
    await visible(page.getByRole('heading', { name: 'Funded micro-credentials' }));
    await (await visible(page.getByRole('button', { name: `Update: ${mc.title}` }))).click();
    const dialog = await visible(page.getByRole('dialog'));
    await dialog.getByRole('combobox', { name: 'OSAP approval' }).click();
    await (await visible(page.getByRole('option', { name: label }))).click();
    // the new status is dated today (Toronto) unless another date is given
    expect(await dialog.getByLabel('OSAP status since').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const answer = page.waitForResponse((r) =>
      isApi(r, 'PUT', new RegExp(`^/api/projects/${project.id}/micro-credentials/${mc.id}$`)),
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect((await answer).status()).toBe(200);
    await visible(page.getByText(`Micro-credential updated: ${mc.title}`));
    await visible(page.getByTestId(`osap-${mc.id}`).getByText(label));

    const [row] = await t.dataSource.query(
      `SELECT osap_status, osap_status_on::text AS on, version FROM project_micro_credentials WHERE id = $1`,
      [mc.id],
    );
    expect(row).toMatchObject({ osap_status: target, version: mc.version + 1 });
    expect(row.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [audit] = await t.dataSource.query(
      `SELECT changes FROM audit_log WHERE action = 'project.micro_credential_update' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [mc.id],
    );
    expect(JSON.stringify(audit.changes)).toContain(target);
  });
});

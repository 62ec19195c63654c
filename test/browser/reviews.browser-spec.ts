import { launchChromium, UI_TIMEOUT, visible } from '../support/browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Locator, type Page, type Request, type Response } from 'playwright-core';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * The review stage, in a real browser against the real API and the demo data: a reviewer scores
 * and submits their review; a program officer reads the ranking, moderates a disagreement and
 * assigns reviewers automatically; a French reviewer reads the rubric in French.
 */

jest.setTimeout(180_000);

const OFFICER = 'officer@example.org';
/** Marcus Bell: one assignment not started on MCF-2021. */
const REVIEWER = 'reviewer6@example.org';
/** Sophie Tremblay (French): one draft on MCF-2021. */
const FRENCH_REVIEWER = 'reviewer5@example.org';
const DEMO_PASSWORD = 'demo1234';
const FUND_CODE = 'MCF-2021';

interface Criterion {
  code: string;
  titleEn: string;
  titleFr: string;
  guidanceEn: string;
  guidanceFr: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

interface FundRow {
  id: string;
  code: string;
  criteria: Criterion[];
}

interface AssignmentRow {
  id: string;
  proposalId: string;
  trackingNumber: string | null;
  proposalTitle: string;
  reviewerId: string;
  reviewerName: string;
  reviewStatus: 'not_started' | 'draft' | 'submitted';
}

interface ReviewBody {
  status: 'not_started' | 'draft' | 'submitted';
  scores: { criterionCode: string; score: number | null; comment: string }[];
  overallComment: string;
  recommendation: string | null;
  weightedTotal: number | null;
  submittedAt: string | null;
  criteria: Criterion[];
}

interface RankingRow {
  rank: number;
  proposalId: string;
  trackingNumber: string | null;
  title: string;
  rawTotal: number | null;
  normalizedTotal: number | null;
  consensusScore: number | null;
  finalScore: number | null;
  basis: 'consensus' | 'normalized' | 'none';
  disagreement: boolean;
  reviewsAssigned: number;
  moderation: { consensusScore: number; rationale: string } | null;
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

const openBrowser = async (locale: string) => {
  workDir = mkdtempSync(join(tmpdir(), 'cf-reviews-'));
  context = await launchChromium(join(workDir, 'profile'), {
    locale,
    timezoneId: 'America/Toronto',
    viewport: { width: 1400, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
};

afterEach(async () => {
  await context?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
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

const signIn = async (email: string, labels = { email: /^Email/, password: /^Password/, signIn: 'Sign in' }) => {
  await page.goto(url('/login'));
  await (await visible(page.getByLabel(labels.email))).fill(email);
  await (await visible(page.getByLabel(labels.password))).fill(DEMO_PASSWORD);
  const answer = page.waitForResponse((r) => isApi(r, 'POST', /^\/api\/auth\/login$/));
  await page.getByRole('button', { name: labels.signIn, exact: true }).click();
  expect((await answer).status()).toBe(200);
  // the console goes to its dashboard after signing in: wait for it, or it could follow our next navigation
  await page.waitForURL((u) => u.hash === '#/');
};

const fundOf = async (token: string): Promise<FundRow> => {
  const funds = await api('get', '/api/funds', token).query({ range: JSON.stringify([0, 199]) });
  expect(funds.status).toBe(200);
  const fund = (funds.body as FundRow[]).find((f) => f.code === FUND_CODE);
  if (!fund) throw new Error(`no fund ${FUND_CODE} in the demo data`);
  return fund;
};

const rankingOf = async (fundId: string, token: string): Promise<RankingRow[]> => {
  const ranking = await api('get', `/api/funds/${fundId}/ranking`, token).query({ range: JSON.stringify([0, 99]) });
  expect(ranking.status).toBe(200);
  return ranking.body as RankingRow[];
};

/** A total as the console writes it in English: 1 or 2 decimals, "—" when there is none. */
const total = (value: number | null) =>
  value === null ? '—' : new Intl.NumberFormat('en-CA', { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);

/** Picks a value in a MUI select (a combobox opening a listbox). */
const choose = async (select: Locator, option: string) => {
  await select.click();
  const listbox = await visible(page.getByRole('listbox'));
  await listbox.getByRole('option', { name: option, exact: true }).click();
  await listbox.waitFor({ state: 'hidden' });
};

/** The tracking numbers of the ranking table's rows, top to bottom (the rows with a details button). */
const rankingOrder = async (table: Locator): Promise<string[]> => {
  const rows = await table
    .locator('tbody > tr')
    .filter({ has: page.getByRole('button', { name: /^Show the details of / }) })
    .all();
  return Promise.all(rows.map(async (row) => ((await row.getByRole('cell').nth(2).textContent()) ?? '').trim()));
};

describe('review stage (browser)', () => {
  it('a reviewer scores the proposal, is stopped by a missing comment, saves a draft and submits', async () => {
    await openBrowser('en-CA');
    const token = await t.token(REVIEWER);
    const mine = await api('get', '/api/assignments', token).query({ range: JSON.stringify([0, 99]) });
    expect(mine.status).toBe(200);
    const assignment = (mine.body as AssignmentRow[]).find((a) => a.reviewStatus === 'not_started');
    if (!assignment) throw new Error(`no assignment not started for ${REVIEWER} in the demo data`);
    const before = await api('get', `/api/assignments/${assignment.id}/review`, token);
    expect(before.status).toBe(200);
    const criteria = (before.body as ReviewBody).criteria;
    expect(criteria.length).toBeGreaterThan(1);
    const proposal = await api('get', `/api/proposals/${assignment.proposalId}`, token);
    expect(proposal.status).toBe(200);
    const narratives = (proposal.body as { narratives: Record<string, string> }).narratives;

    // requests to submit, whatever screen sends them
    const submits: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/assignments\/[^/]+\/review\/submit$/.test(new URL(r.url()).pathname)) submits.push(r);
    });

    await signIn(REVIEWER);

    // My assignments -> the one not started
    await (await visible(page.getByRole('menuitem', { name: 'My assignments' }))).click();
    await page.waitForURL(/#\/assignments/);
    const row = await visible(page.getByRole('row').filter({ hasText: assignment.trackingNumber as string }));
    await visible(row.getByText('Not started', { exact: true }));
    const reviewRead = page.waitForResponse((r) => isApi(r, 'GET', new RegExp(`^/api/assignments/${assignment.id}/review$`)));
    await row.getByRole('cell', { name: assignment.trackingNumber as string }).click();
    await page.waitForURL(new RegExp(`#/assignments/${assignment.id}/show$`));
    expect((await reviewRead).status()).toBe(200);

    // the proposal, read-only: its sections in tabs, no field to change
    const proposalSection = await visible(page.getByRole('region', { name: 'The proposal' }));
    await visible(proposalSection.getByText(assignment.proposalTitle, { exact: true }));
    await (await visible(proposalSection.getByRole('tab', { name: 'Narratives' }))).click();
    const firstAnswer = narratives[criteria[0].code]?.trim();
    if (firstAnswer) await visible(proposalSection.getByText(firstAnswer.slice(0, 60)));
    expect(await proposalSection.getByRole('textbox').count()).toBe(0);
    expect(await proposalSection.getByRole('combobox').count()).toBe(0);

    // the form: one group per criterion with its rubric guidance
    const reviewSection = await visible(page.getByRole('region', { name: 'Your review' }));
    const groups = criteria.map((criterion, index) =>
      reviewSection.getByRole('group', { name: `${index + 1}. ${criterion.titleEn}`, exact: true }),
    );
    for (const [index, criterion] of criteria.entries()) {
      const group = await visible(groups[index]);
      await visible(group.getByText('Rubric guidance', { exact: true }));
      await visible(group.getByText(criterion.guidanceEn, { exact: true }));
      await visible(group.getByText(`Weight ${criterion.weight} · scored from ${criterion.scaleMin} to ${criterion.scaleMax}`));
    }

    // a score per criterion (within each scale), a comment for all but the last
    const scores = criteria.map((criterion, index) => Math.min(criterion.scaleMax, criterion.scaleMin + 6 + index));
    const comments = criteria.map((criterion) => `Scored ${criterion.code}: the employer partners are named and committed.`);
    for (const [index, group] of groups.entries()) {
      await choose(group.getByRole('combobox', { name: /^Score/ }), String(scores[index]));
      if (index < criteria.length - 1) {
        await group.getByRole('textbox', { name: /^Comment explaining the score/ }).fill(comments[index]);
      }
    }
    const expectedTotal =
      Math.round(
        (10_000 * criteria.reduce((sum, c, i) => sum + (c.weight * (scores[i] - c.scaleMin)) / (c.scaleMax - c.scaleMin), 0)) /
          criteria.reduce((sum, c) => sum + c.weight, 0),
      ) / 100;
    await visible(reviewSection.getByText(`${total(expectedTotal)} / 100`));
    await reviewSection
      .getByRole('textbox', { name: /^Overall comment/ })
      .fill('A credible partnership with clear hiring commitments; the evidence of need could be more recent.');
    await reviewSection.getByRole('radio', { name: 'Fund with conditions', exact: true }).check();

    // submitting with the last comment missing: the field says why, nothing is sent
    await reviewSection.getByRole('button', { name: 'Submit review', exact: true }).click();
    const lastGroup = groups[criteria.length - 1];
    const missing = lastGroup.getByRole('textbox', { name: /^Comment explaining the score/ });
    await visible(lastGroup.getByText('Explain your score (at least 10 characters)', { exact: true }));
    await expect(missing.getAttribute('aria-invalid')).resolves.toBe('true');
    await visible(reviewSection.getByRole('alert').filter({ hasText: 'Please correct the field below.' }));
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(submits).toHaveLength(0);
    const untouched = await api('get', `/api/assignments/${assignment.id}/review`, token);
    expect(untouched.body.status).toBe('not_started');

    // the comment, then a draft (PUT with every score)
    await missing.fill(comments[criteria.length - 1]);
    await eventually(async () => (await missing.getAttribute('aria-invalid')) === 'false', 'the comment accepted');
    const saved = page.waitForResponse((r) => isApi(r, 'PUT', new RegExp(`^/api/assignments/${assignment.id}/review$`)));
    await reviewSection.getByRole('button', { name: 'Save draft', exact: true }).click();
    const savedResponse = await saved;
    expect(savedResponse.status()).toBe(200);
    await visible(reviewSection.getByText('All changes saved', { exact: true }));
    const draft = (await api('get', `/api/assignments/${assignment.id}/review`, token)).body as ReviewBody;
    expect(draft.status).toBe('draft');
    expect(draft.scores.map((s) => [s.criterionCode, s.score])).toEqual(criteria.map((c, i) => [c.code, scores[i]]));
    expect(submits).toHaveLength(0);

    // submit, confirmed
    await reviewSection.getByRole('button', { name: 'Submit review', exact: true }).click();
    const confirm = await visible(page.getByRole('dialog', { name: 'Submit your review?' }));
    const submitted = page.waitForResponse((r) =>
      isApi(r, 'POST', new RegExp(`^/api/assignments/${assignment.id}/review/submit$`)),
    );
    await confirm.getByRole('button', { name: 'Submit review' }).click();
    expect((await submitted).status()).toBe(200);
    expect(submits).toHaveLength(1);

    // the API has the review, submitted, with the chosen scores
    const after = (await api('get', `/api/assignments/${assignment.id}/review`, token)).body as ReviewBody;
    expect(after.status).toBe('submitted');
    expect(after.submittedAt).toBeTruthy();
    expect(after.scores).toEqual(criteria.map((c, i) => ({ criterionCode: c.code, score: scores[i], comment: comments[i] })));
    expect(after.recommendation).toBe('fund_with_conditions');
    expect(after.overallComment).toBe(
      'A credible partnership with clear hiring commitments; the evidence of need could be more recent.',
    );
    expect(after.weightedTotal).toBe(expectedTotal);
    const listed = await api('get', `/api/assignments/${assignment.id}`, token);
    expect(listed.body.reviewStatus).toBe('submitted');

    // read-only afterwards: the scores shown, nothing to change or send again
    await visible(reviewSection.getByText(/^Submitted .* \(Toronto time\)\.$/));
    await visible(reviewSection.getByText(`${scores[0]} out of ${criteria[0].scaleMax}`).first());
    await visible(reviewSection.getByText(comments[0], { exact: true }));
    await visible(reviewSection.getByText('Fund with conditions', { exact: true }));
    expect(await reviewSection.getByRole('textbox').count()).toBe(0);
    expect(await reviewSection.getByRole('combobox').count()).toBe(0);
    expect(await reviewSection.getByRole('radio').count()).toBe(0);
    expect(await reviewSection.getByRole('button', { name: /^(Submit review|Save draft)$/ }).count()).toBe(0);

    // and after a reload too
    await page.reload();
    const reloaded = await visible(page.getByRole('region', { name: 'Your review' }));
    await visible(reloaded.getByText(/^Submitted .* \(Toronto time\)\.$/));
    await visible(reloaded.getByText('Submitted', { exact: true }));
    expect(await reloaded.getByRole('textbox').count()).toBe(0);
    expect(submits).toHaveLength(1);
  });

  it('a program officer reads the ranking, moderates a disagreement and assigns reviewers automatically', async () => {
    await openBrowser('en-CA');
    const token = await t.token(OFFICER);
    const fund = await fundOf(token);
    const ranking = await rankingOf(fund.id, token);
    const scored = ranking.filter((r) => r.rawTotal !== null && r.normalizedTotal !== null);
    expect(scored.length).toBeGreaterThan(1);
    const flagged = ranking.find((r) => r.disagreement && !r.moderation);
    if (!flagged) throw new Error(`no proposal flagged for disagreement on ${FUND_CODE} in the demo data`);
    const unassigned = ranking.find((r) => r.reviewsAssigned === 0);
    if (!unassigned) throw new Error(`no eligible proposal without an assignment on ${FUND_CODE} in the demo data`);
    const assignmentsOf = async (proposalId: string) => {
      const listed = await api('get', '/api/assignments', token).query({
        filter: JSON.stringify({ proposalId }),
        range: JSON.stringify([0, 99]),
      });
      expect(listed.status).toBe(200);
      return listed.body as AssignmentRow[];
    };
    expect(await assignmentsOf(unassigned.proposalId)).toHaveLength(0);

    await signIn(OFFICER);

    // Ranking -> the fund
    await (await visible(page.getByRole('menuitem', { name: 'Ranking' }))).click();
    await page.waitForURL(/#\/ranking/);
    const picker = await visible(page.getByRole('combobox', { name: 'Fund' }));
    const option = page.getByRole('option', { name: new RegExp(`^${FUND_CODE} — `) }).first();
    // typed while the funds were still loading, the text can be reset when they arrive: type again until listed
    for (let attempt = 1; ; attempt++) {
      await picker.fill('');
      await picker.fill(FUND_CODE);
      const listed = await option.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (listed) break;
      if (attempt === 3) throw new Error(`the fund picker never listed ${FUND_CODE}`);
    }
    const rankingRead = page.waitForResponse((r) => isApi(r, 'GET', new RegExp(`^/api/funds/${fund.id}/ranking$`)));
    await option.click();
    await page.waitForURL(new RegExp(`#/ranking/${fund.id}$`));
    expect((await rankingRead).status()).toBe(200);

    // every row with its raw and normalized totals, and the disagreement flag
    const table = await visible(page.getByRole('table', { name: 'Ranking of the proposals' }));
    const headers = table.locator('thead th');
    const column = async (name: string) => (await headers.allTextContents()).findIndex((text) => text.trim() === name);
    const rawColumn = await column('Raw total');
    const normalizedColumn = await column('Normalized total');
    const flagColumn = await column('Disagreement');
    expect(rawColumn).toBeGreaterThan(0);
    expect(normalizedColumn).toBeGreaterThan(0);
    const rowOf = (r: RankingRow) =>
      table
        .locator('tbody > tr')
        .filter({ has: page.getByRole('rowheader', { name: r.title }) })
        .filter({
          hasText: r.trackingNumber as string,
        });
    for (const r of ranking) {
      const tableRow = await visible(rowOf(r));
      await expect(tableRow.locator(':scope > td, :scope > th').nth(rawColumn).textContent()).resolves.toBe(total(r.rawTotal));
      await expect(tableRow.locator(':scope > td, :scope > th').nth(normalizedColumn).textContent()).resolves.toBe(
        total(r.normalizedTotal),
      );
      await expect(tableRow.locator(':scope > td, :scope > th').nth(flagColumn).textContent()).resolves.toBe(
        r.disagreement ? 'Flagged' : 'No',
      );
    }
    expect(await table.getByText('Flagged', { exact: true }).count()).toBe(ranking.filter((r) => r.disagreement).length);

    // the normalized view (rank order), then the raw view (raw total, highest first)
    const byRank = [...ranking].sort((a, b) => a.rank - b.rank).map((r) => r.trackingNumber);
    const byRaw = [...ranking]
      .sort((a, b) =>
        a.rawTotal === null || b.rawTotal === null
          ? (a.rawTotal === null ? 1 : 0) - (b.rawTotal === null ? 1 : 0) || a.rank - b.rank
          : b.rawTotal - a.rawTotal || a.rank - b.rank,
      )
      .map((r) => r.trackingNumber);
    const normalizedToggle = page.getByRole('button', { name: 'Normalized', exact: true });
    const rawToggle = page.getByRole('button', { name: 'Raw', exact: true });
    await expect(normalizedToggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(rankingOrder(table)).resolves.toEqual(byRank);
    await rawToggle.click();
    await eventually(async () => (await rawToggle.getAttribute('aria-pressed')) === 'true', 'the raw view');
    await visible(page.getByText(/^Ordered by the raw total/));
    await expect(rankingOrder(table)).resolves.toEqual(byRaw);
    await normalizedToggle.click();
    await eventually(async () => (await normalizedToggle.getAttribute('aria-pressed')) === 'true', 'the normalized view');
    await expect(rankingOrder(table)).resolves.toEqual(byRank);

    // moderation of the flagged proposal: a consensus score and its rationale
    const flaggedName = `${flagged.trackingNumber} — ${flagged.title}`;
    await (await visible(page.getByRole('button', { name: `Moderate ${flaggedName}`, exact: true }))).click();
    const dialog = await visible(page.getByRole('dialog', { name: `Moderate: ${flaggedName}` }));
    const confirm = dialog.getByRole('button', { name: 'Save the consensus score' });
    await dialog.getByRole('textbox', { name: /^Consensus score/ }).fill('71.5');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    const rationale = 'Panel call: the second reviewer misread the hiring commitments; agreed at 71.5.';
    await dialog.getByRole('textbox', { name: /^Rationale/ }).fill(rationale);
    const moderated = page.waitForResponse((r) =>
      isApi(r, 'PUT', new RegExp(`^/api/proposals/${flagged.proposalId}/moderation$`)),
    );
    const reread = page.waitForResponse((r) => isApi(r, 'GET', new RegExp(`^/api/funds/${fund.id}/ranking$`)));
    await confirm.click();
    const moderatedResponse = await moderated;
    expect(moderatedResponse.status()).toBe(200);
    expect(JSON.parse(moderatedResponse.request().postData() ?? '{}')).toEqual({ consensusScore: 71.5, rationale });
    await dialog.waitFor({ state: 'hidden' });
    expect((await reread).status()).toBe(200);
    const moderatedRow = await visible(rowOf(flagged).filter({ hasText: 'Moderated' }));
    await visible(moderatedRow.getByRole('cell', { name: '71.5', exact: true }).first());

    const afterModeration = (await rankingOf(fund.id, token)).find((r) => r.proposalId === flagged.proposalId);
    expect(afterModeration).toMatchObject({
      basis: 'consensus',
      consensusScore: 71.5,
      finalScore: 71.5,
      moderation: { consensusScore: 71.5, rationale },
    });

    // the review board of the same fund: automatic assignment, 3 reviewers each
    await (await visible(page.getByRole('main').getByRole('link', { name: 'Review board' }))).click();
    await page.waitForURL(new RegExp(`#/review-board/${fund.id}$`));
    const autoAssign = await visible(page.getByRole('region', { name: 'Automatic assignment' }));
    await (await visible(autoAssign.getByRole('button', { name: 'Run auto-assignment' }))).click();
    let runDialog = await visible(page.getByRole('dialog', { name: 'Run auto-assignment' }));
    // a preview first: nothing saved
    await runDialog.getByRole('spinbutton', { name: 'Reviewers per proposal' }).fill('3');
    await expect(runDialog.getByRole('checkbox', { name: 'Dry run (preview only)' }).isChecked()).resolves.toBe(true);
    const previewed = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`^/api/funds/${fund.id}/auto-assign$`)));
    await runDialog.getByRole('button', { name: 'Preview', exact: true }).click();
    const previewResponse = await previewed;
    expect(previewResponse.status()).toBe(200);
    expect(JSON.parse(previewResponse.request().postData() ?? '{}')).toMatchObject({ k: 3, dryRun: true });
    await visible(autoAssign.getByText('Dry run: nothing was saved', { exact: true }));
    expect(await assignmentsOf(unassigned.proposalId)).toHaveLength(0);

    // then for real
    await (await visible(autoAssign.getByRole('button', { name: 'Run auto-assignment' }))).click();
    runDialog = await visible(page.getByRole('dialog', { name: 'Run auto-assignment' }));
    await runDialog.getByRole('spinbutton', { name: 'Reviewers per proposal' }).fill('3');
    await runDialog.getByRole('checkbox', { name: 'Dry run (preview only)' }).uncheck();
    const assigned = page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`^/api/funds/${fund.id}/auto-assign$`)));
    await runDialog.getByRole('button', { name: 'Assign reviewers', exact: true }).click();
    const assignedResponse = await assigned;
    expect(assignedResponse.status()).toBe(200);
    expect(JSON.parse(assignedResponse.request().postData() ?? '{}')).toMatchObject({ k: 3, dryRun: false });
    const outcome = (await assignedResponse.json()) as { created: number; unmet: { proposalId: string }[] };
    expect(outcome.created).toBeGreaterThanOrEqual(3);
    expect(outcome.unmet.map((u) => u.proposalId)).not.toContain(unassigned.proposalId);
    await visible(autoAssign.getByText('Automatic assignment done', { exact: true }));

    // the API: three reviewers on the proposal that had none
    const now = await assignmentsOf(unassigned.proposalId);
    expect(now).toHaveLength(3);
    expect(new Set(now.map((a) => a.reviewerId)).size).toBe(3);
    expect(now.every((a) => a.proposalId === unassigned.proposalId && a.reviewStatus === 'not_started')).toBe(true);
    // and the board lists them
    for (const a of now) {
      await visible(
        page
          .getByRole('row')
          .filter({ hasText: unassigned.trackingNumber as string })
          .filter({ hasText: a.reviewerName }),
      );
    }
  });

  it('a French reviewer reads the rubric and the form in French', async () => {
    await openBrowser('fr-CA');
    const token = await t.token(FRENCH_REVIEWER);
    const mine = await api('get', '/api/assignments', token).query({ range: JSON.stringify([0, 99]) });
    expect(mine.status).toBe(200);
    const assignment = (mine.body as AssignmentRow[]).find((a) => a.reviewStatus === 'draft');
    if (!assignment) throw new Error(`no draft review for ${FRENCH_REVIEWER} in the demo data`);
    const draft = (await api('get', `/api/assignments/${assignment.id}/review`, token)).body as ReviewBody;
    expect(draft.status).toBe('draft');
    const criteria = draft.criteria;

    await signIn(FRENCH_REVIEWER, { email: /^Courriel/, password: /^Mot de passe/, signIn: 'Connexion' });
    await (await visible(page.getByRole('menuitem', { name: 'Mes affectations' }))).click();
    await page.waitForURL(/#\/assignments/);
    const row = await visible(page.getByRole('row').filter({ hasText: assignment.trackingNumber as string }));
    await visible(row.getByText('Brouillon', { exact: true }));
    await row.getByRole('cell', { name: assignment.trackingNumber as string }).click();
    await page.waitForURL(new RegExp(`#/assignments/${assignment.id}/show$`));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');

    await visible(page.getByRole('region', { name: 'La proposition' }));
    const reviewSection = await visible(page.getByRole('region', { name: 'Votre évaluation' }));
    for (const [index, criterion] of criteria.entries()) {
      // the French title leads, the English one underneath (lang="en"), the guidance in French
      const group = await visible(reviewSection.getByRole('group', { name: `${index + 1}. ${criterion.titleFr}`, exact: true }));
      await visible(group.locator('[lang="en"]').filter({ hasText: criterion.titleEn }));
      await visible(group.getByText('Grille d’évaluation', { exact: true }));
      await visible(group.getByText(criterion.guidanceFr, { exact: true }));
      expect(await group.getByText(criterion.guidanceEn, { exact: true }).count()).toBe(0);
      await visible(group.getByText(`Pondération ${criterion.weight} · note de ${criterion.scaleMin} à ${criterion.scaleMax}`));
      // the draft as saved, on French labels
      const saved = draft.scores.find((s) => s.criterionCode === criterion.code);
      const score = await visible(group.getByRole('combobox', { name: `Note (${criterion.scaleMin} à ${criterion.scaleMax})` }));
      if (saved?.score !== null && saved?.score !== undefined) {
        await expect(score.textContent()).resolves.toBe(String(saved.score));
      }
      const comment = await visible(group.getByRole('textbox', { name: /^Commentaire justifiant la note/ }));
      await expect(comment.inputValue()).resolves.toBe(saved?.comment ?? '');
    }
    await visible(reviewSection.getByRole('textbox', { name: /^Commentaire général/ }));
    await visible(reviewSection.getByRole('radiogroup', { name: /^Recommandation/ }));
    for (const label of ['Financer', 'Financer sous conditions', 'Ne pas financer']) {
      await visible(reviewSection.getByRole('radio', { name: label, exact: true }));
    }
    await visible(reviewSection.getByRole('button', { name: 'Enregistrer le brouillon', exact: true }));
    await visible(reviewSection.getByRole('button', { name: 'Soumettre l’évaluation', exact: true }));
    await visible(reviewSection.getByText(/^Total pondéré :/));
    // no English label left
    for (const english of ['Rubric guidance', 'Overall comment', 'Save draft', 'Submit review', 'Recommendation']) {
      expect(await reviewSection.getByText(english, { exact: true }).count()).toBe(0);
    }
  });
});

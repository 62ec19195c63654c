import { ReviewReminderService } from '@cf/reviews';
import { clockOf } from '../support/proposal-fixtures';
import { eligibleProposal, fullReview, newReviewer, reviewFund } from '../support/review-fixtures';
import { apiRoutes, concrete } from '../support/routes';
import { call, startTestApp, TestApp } from '../support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('review: conflicts, assignment, blind scoring, ranking', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.token('officer@example.org');
  });
  afterEach(() => clockOf(t).setForTesting(null));
  afterAll(() => t.stop());

  /** The pool is shared by the tests of this file: auto-assignment tests keep only their own reviewers active. */
  const onlyActive = (...ids: string[]) => t.dataSource.query(`UPDATE reviewers SET active = (user_id = ANY($1::uuid[]))`, [ids]);

  const autoAssign = (fundId: string, body: object = {}) =>
    t.http().post(`/api/funds/${fundId}/auto-assign`).set(bearer(officer)).send(body);

  async function assignmentOf(token: string, proposalId: string): Promise<string> {
    const res = await t
      .http()
      .get('/api/assignments')
      .query({ filter: JSON.stringify({ proposalId }) })
      .set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    return res.body[0].id;
  }

  async function assign(proposalId: string, reviewerId: string): Promise<string> {
    const res = await t.http().post('/api/assignments').set(bearer(officer)).send({ proposalId, reviewerId });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id;
  }

  async function score(token: string, assignmentId: string, body: object) {
    const saved = await t.http().put(`/api/assignments/${assignmentId}/review`).set(bearer(token)).send(body);
    expect({ status: saved.status, body: saved.body }).toMatchObject({ status: 200 });
    const submitted = await t.http().post(`/api/assignments/${assignmentId}/review/submit`).set(bearer(token));
    expect({ status: submitted.status, body: submitted.body }).toMatchObject({ status: 200, body: { status: 'submitted' } });
    return submitted.body;
  }

  describe('conflicts of interest', () => {
    it('never auto-assigns a reviewer affiliated with the lead institution or a partner (near-match spellings), who gets 404', async () => {
      const fund = await reviewFund(t, { conflictLookbackYears: 2 });
      const p = await eligibleProposal(t, fund.id, {
        institution: 'Collège Boréal d’arts appliqués et de technologie',
        partners: ['Maple Leaf Foods Inc.', 'Smith & Wesson Fabrication Ltd.'],
      });
      const lead = await newReviewer(t, {
        name: 'Lead-affiliated',
        affiliations: [{ organizationName: 'college boreal d arts appliques et de technologie', startedOn: '2010-01-01' }],
      });
      const partner = await newReviewer(t, {
        name: 'Partner-affiliated (recent)',
        affiliations: [{ organizationName: 'MAPLE-LEAF FOODS LIMITED', startedOn: '2015-01-01', endedOn: '2025-12-31' }],
      });
      const partner2 = await newReviewer(t, {
        name: 'Partner-affiliated (and)',
        affiliations: [{ organizationName: 'Smith and Wesson Fabrication Incorporated', startedOn: null, endedOn: null }],
      });
      const old = await newReviewer(t, {
        name: 'Affiliation long ended',
        affiliations: [{ organizationName: 'Maple Leaf Foods', startedOn: '2001-01-01', endedOn: '2019-06-30' }],
      });
      const clean = [await newReviewer(t), await newReviewer(t)];
      await onlyActive(lead.id, partner.id, partner2.id, old.id, clean[0].id, clean[1].id);

      const res = await autoAssign(fund.id, { k: 3 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ proposals: 1, created: 3, unmet: [] });
      const rows = await t.dataSource.query(
        `SELECT reviewer_id FROM review_assignments WHERE proposal_id = $1 AND removed_at IS NULL ORDER BY reviewer_id`,
        [p.id],
      );
      expect(rows.map((r: { reviewer_id: string }) => r.reviewer_id).sort()).toEqual([old.id, clean[0].id, clean[1].id].sort());

      for (const conflicted of [lead, partner, partner2]) {
        for (const url of [
          `/api/proposals/${p.id}`,
          `/api/proposals/${p.id}/attachments`,
          `/api/proposals/${p.id}/attachments/${p.attachmentId}/content`,
          `/api/proposals/${p.id}/submissions`,
        ]) {
          const r = await t.http().get(url).set(bearer(conflicted.token));
          expect({ who: conflicted.name, url, status: r.status }).toEqual({ who: conflicted.name, url, status: 404 });
        }
        const list = await t.http().get('/api/proposals').set(bearer(conflicted.token));
        expect(list.body.map((x: { id: string }) => x.id)).not.toContain(p.id);
        const manual = await t
          .http()
          .post('/api/assignments')
          .set(bearer(officer))
          .send({ proposalId: p.id, reviewerId: conflicted.id });
        expect(manual.status).toBe(409);
        expect(manual.body.code).toBe('CONFLICT_OF_INTEREST');
        expect(manual.body.message).toContain('affiliated with');
      }

      // The assigned reviewers read the proposal as submitted, with its letter.
      const ok = await t.http().get(`/api/proposals/${p.id}`).set(bearer(clean[0].token));
      expect(ok.status).toBe(200);
      expect(ok.body.trackingNumber).toBe(p.trackingNumber);
      const letter = await t
        .http()
        .get(`/api/proposals/${p.id}/attachments/${p.attachmentId}/content`)
        .set(bearer(clean[0].token));
      expect(letter.status).toBe(200);
      expect(letter.headers['content-type']).toContain('application/pdf');
      // But cannot change it.
      const write = await t.http().patch(`/api/proposals/${p.id}`).set(bearer(clean[0].token)).send({ version: 1, title: 'x' });
      expect(write.status).toBe(403);

      // The officer sees why each reviewer cannot take it.
      const options = await t.http().get(`/api/proposals/${p.id}/reviewer-options`).set(bearer(officer));
      const byId = new Map(options.body.map((o: { reviewerId: string }) => [o.reviewerId, o]));
      expect(byId.get(lead.id)).toMatchObject({ conflicts: [{ reason: 'lead_institution' }] });
      expect(byId.get(partner.id)).toMatchObject({ conflicts: [{ reason: 'partner' }] });
      expect(byId.get(old.id)).toMatchObject({ conflicts: [], assigned: true });
    });

    it('a declared conflict removes the assignment, hides the proposal and is never reassigned; shortfalls are explained', async () => {
      const fund = await reviewFund(t);
      const p = await eligibleProposal(t, fund.id);
      const reviewers = [await newReviewer(t), await newReviewer(t), await newReviewer(t)];
      await onlyActive(...reviewers.map((r) => r.id));
      expect((await autoAssign(fund.id, { k: 3 })).body.created).toBe(3);
      const declaring = reviewers[1];
      const aid = await assignmentOf(declaring.token, p.id);
      const empty = await t
        .http()
        .post(`/api/assignments/${aid}/declare-conflict`)
        .set(bearer(declaring.token))
        .send({ reason: ' ' });
      expect(empty.status).toBe(400);
      expect(empty.body.errors).toEqual([{ field: 'reason', reason: 'is required' }]);
      const other = await t
        .http()
        .post(`/api/assignments/${aid}/declare-conflict`)
        .set(bearer(reviewers[0].token))
        .send({ reason: 'x' });
      expect(other.status).toBe(404);
      const declared = await t
        .http()
        .post(`/api/assignments/${aid}/declare-conflict`)
        .set(bearer(declaring.token))
        .send({ reason: 'My spouse teaches in this program.' });
      expect(declared.status).toBe(200);
      expect(declared.body).toMatchObject({ proposalId: p.id, reviewerId: declaring.id, source: 'reviewer' });
      expect((await t.http().get(`/api/proposals/${p.id}`).set(bearer(declaring.token))).status).toBe(404);
      expect((await t.http().get(`/api/assignments/${aid}`).set(bearer(declaring.token))).status).toBe(404);

      const again = await autoAssign(fund.id, { k: 3 });
      expect(again.body).toMatchObject({ created: 0, kept: 2 });
      expect(again.body.unmet).toEqual([
        expect.objectContaining({
          proposalId: p.id,
          assigned: 2,
          missing: 1,
          cause: 'too_few_eligible',
          explanation: expect.any(String),
        }),
      ]);
      const manual = await t
        .http()
        .post('/api/assignments')
        .set(bearer(officer))
        .send({ proposalId: p.id, reviewerId: declaring.id });
      expect(manual.body.code).toBe('CONFLICT_OF_INTEREST');

      const [audit] = await t.dataSource.query(
        `SELECT changes FROM audit_log WHERE action = 'conflict.record' AND entity_id = $1`,
        [declared.body.id],
      );
      expect(audit.changes).toMatchObject({ source: 'reviewer', removedAssignments: [aid] });
    });

    it('an affiliation added later removes the unsubmitted assignments it conflicts with', async () => {
      const fund = await reviewFund(t);
      const p = await eligibleProposal(t, fund.id, { partners: ['Bruce Power L.P.'] });
      const r = await newReviewer(t);
      await assign(p.id, r.id);
      const current = await t.http().get(`/api/reviewers/${r.id}`).set(bearer(officer));
      const updated = await t
        .http()
        .put(`/api/reviewers/${r.id}`)
        .set(bearer(officer))
        .send({ ...current.body, affiliations: [{ organizationName: 'Bruce Power', startedOn: '2020-01-01', endedOn: null }] });
      expect(updated.status).toBe(200);
      expect((await t.http().get(`/api/proposals/${p.id}`).set(bearer(r.token))).status).toBe(404);
      const [row] = await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [p.id]);
      expect(row.status).toBe('eligible');
    });
  });

  describe('assignment', () => {
    it('respects maximum loads and explains what cannot be met; manual assignment checks the load too', async () => {
      const fund = await reviewFund(t);
      const proposals = [];
      for (let i = 0; i < 4; i++) proposals.push(await eligibleProposal(t, fund.id));
      const a = await newReviewer(t, { maxLoad: 4 });
      const b = await newReviewer(t, { maxLoad: 2 });
      await onlyActive(a.id, b.id);
      const res = await autoAssign(fund.id, { k: 2 });
      expect(res.status).toBe(200);
      expect(res.body.created).toBe(6);
      expect(res.body.unmet).toHaveLength(2);
      expect(res.body.unmet[0]).toMatchObject({ missing: 1, cause: 'contention', explanation: expect.stringMatching(/\S/) });
      expect(res.body.loads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ reviewerId: a.id, load: 4, maxLoad: 4 }),
          expect.objectContaining({ reviewerId: b.id, load: 2, maxLoad: 2 }),
        ]),
      );
      const short = res.body.unmet[0].proposalId;
      const c = await newReviewer(t, { maxLoad: 1 });
      // The short proposals are the ones b (at its maximum) does not review.
      const over = await t.http().post('/api/assignments').set(bearer(officer)).send({ proposalId: short, reviewerId: b.id });
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'MAX_LOAD', load: 2, maxLoad: 2 });
      const first = await t.http().post('/api/assignments').set(bearer(officer)).send({ proposalId: short, reviewerId: c.id });
      expect(first.status).toBe(201);
      const twice = await t.http().post('/api/assignments').set(bearer(officer)).send({ proposalId: short, reviewerId: c.id });
      expect(twice.body.code).toBe('ALREADY_ASSIGNED');

      const progress = await t.http().get(`/api/funds/${fund.id}/review-progress`).set(bearer(officer));
      expect(progress.body.totals).toMatchObject({ proposals: 4, assignments: 7, submitted: 0, notStarted: 7 });

      // Moving an assignment runs the same checks and keeps the due date.
      const moved = await t.http().post(`/api/assignments/${first.body.id}/move`).set(bearer(officer)).send({ reviewerId: b.id });
      expect(moved.body.code).toBe('MAX_LOAD');
      const d = await newReviewer(t);
      const ok = await t.http().post(`/api/assignments/${first.body.id}/move`).set(bearer(officer)).send({ reviewerId: d.id });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ reviewerId: d.id, dueAt: first.body.dueAt });
      expect((await t.http().get(`/api/assignments/${first.body.id}`).set(bearer(officer))).status).toBe(404);
    });

    it('never takes a reviewer above their maximum load, even when officers assign at the same instant', async () => {
      const fund = await reviewFund(t);
      const proposals = [];
      for (let i = 0; i < 12; i++) proposals.push(await eligibleProposal(t, fund.id));
      const r = await newReviewer(t, { maxLoad: 3 });
      const results = await Promise.all(
        proposals.map((p) => t.http().post('/api/assignments').set(bearer(officer)).send({ proposalId: p.id, reviewerId: r.id })),
      );
      const statuses = results.map((x) => x.status).sort();
      expect(statuses).toEqual([...Array(3).fill(201), ...Array(9).fill(409)]);
      expect(results.filter((x) => x.status === 409).every((x) => x.body.code === 'MAX_LOAD')).toBe(true);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM review_assignments WHERE reviewer_id = $1 AND removed_at IS NULL`,
        [r.id],
      );
      expect(n).toBe(3);
    });

    it('refuses to assign a proposal that is not screened eligible', async () => {
      const fund = await reviewFund(t);
      const p = await eligibleProposal(t, fund.id);
      await t.dataSource.query(`UPDATE proposals SET status = 'ineligible' WHERE id = $1`, [p.id]);
      const r = await newReviewer(t);
      await onlyActive(r.id);
      const res = await t.http().post('/api/assignments').set(bearer(officer)).send({ proposalId: p.id, reviewerId: r.id });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_REVIEWABLE');
      expect((await autoAssign(fund.id)).body).toMatchObject({ proposals: 0, created: 0 });
    });

    it('flags overdue assignments by the server clock and reminds once before the due date', async () => {
      const fund = await reviewFund(t, { reminderDaysBefore: 2 });
      const p = await eligibleProposal(t, fund.id);
      const r = await newReviewer(t);
      const due = new Date(Date.now() + 10 * 86_400_000);
      const created = await t
        .http()
        .post('/api/assignments')
        .set(bearer(officer))
        .send({ proposalId: p.id, reviewerId: r.id, dueAt: due.toISOString() });
      expect(created.body.overdue).toBe(false);
      const reminders = t.app.get(ReviewReminderService);
      const mails = async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM outbox WHERE payload->>'template' = 'review_reminder' AND payload->>'to' = $1`,
            [(await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [r.id]))[0].email],
          )
        )[0].n;
      clockOf(t).setForTesting(new Date(due.getTime() - 3 * 86_400_000));
      await reminders.sweep();
      expect(await mails()).toBe(0);
      clockOf(t).setForTesting(new Date(due.getTime() - 1 * 86_400_000));
      await reminders.sweep();
      await reminders.sweep();
      expect(await mails()).toBe(1);
      clockOf(t).setForTesting(new Date(due.getTime() + 1000));
      const late = await t.http().get(`/api/assignments/${created.body.id}`).set(bearer(r.token));
      expect(late.body.overdue).toBe(true);
      const overdue = await t
        .http()
        .get('/api/assignments')
        .query({ filter: JSON.stringify({ fundId: fund.id, overdue: true }) })
        .set(bearer(officer));
      expect(overdue.body.map((x: { id: string }) => x.id)).toEqual([created.body.id]);
    });
  });

  describe('scoring', () => {
    it('saves drafts, names bad fields, submits once complete, locks, and lets an officer reopen (audited)', async () => {
      const fund = await reviewFund(t);
      const p = await eligibleProposal(t, fund.id);
      const r = await newReviewer(t);
      const aid = await assign(p.id, r.id);
      const url = `/api/assignments/${aid}/review`;
      const empty = await t.http().get(url).set(bearer(r.token));
      expect(empty.body).toMatchObject({ status: 'not_started', version: 0, weightedTotal: null });
      expect(empty.body.criteria.map((c: { code: string }) => c.code)).toEqual([
        'employer_responsive',
        'upskilling',
        'critical_need',
      ]);

      const bad = await t
        .http()
        .put(url)
        .set(bearer(r.token))
        .send({
          scores: [
            { criterionCode: 'upskilling', score: 11, comment: '' },
            { criterionCode: 'nope', score: 1 },
          ],
        });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        { field: 'scores.0.score', reason: 'must be a whole number from 0 to 10' },
        { field: 'scores.1.criterionCode', reason: expect.stringContaining('is not a criterion') },
      ]);
      const typed = await t
        .http()
        .put(url)
        .set(bearer(r.token))
        .send({ scores: [{ criterionCode: 'upskilling', score: 'high' }] });
      expect(typed.status).toBe(400);
      expect(typed.body.errors[0].field).toBe('scores.0.score');

      const draft = await t
        .http()
        .put(url)
        .set(bearer(r.token))
        .send({ version: 0, scores: [{ criterionCode: 'upskilling', score: 7, comment: 'Strong upskilling plan.' }] });
      expect(draft.body).toMatchObject({ status: 'draft', version: 1 });
      const stale = await t.http().put(url).set(bearer(r.token)).send({ version: 0, overallComment: 'x' });
      expect(stale.body.code).toBe('STALE_VERSION');

      const early = await t.http().post(`${url}/submit`).set(bearer(r.token));
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('REVIEW_INCOMPLETE');
      expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'scores.employer_responsive.score',
        'scores.employer_responsive.comment',
        'scores.critical_need.score',
        'scores.critical_need.comment',
        'overallComment',
        'recommendation',
      ]);
      expect((await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [p.id]))[0].status).toBe('in_review');

      // Criteria not sent keep their saved score and comment: upskilling stays 7.
      const done = await score(r.token, aid, {
        ...fullReview(8),
        scores: fullReview(8).scores.filter((s) => s.criterionCode !== 'upskilling'),
      });
      // 40·0.8 + 30·0.7 + 30·0.8 = 77
      expect(done.weightedTotal).toBe(77);
      // The ranking's SQL computes the same weighted total as the review's.
      const ranked = await t.http().get(`/api/funds/${fund.id}/ranking`).set(bearer(officer));
      expect(ranked.body[0]).toMatchObject({ proposalId: p.id, rawTotal: 77, normalizedTotal: 77, reviewsSubmitted: 1 });
      expect((await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [p.id]))[0].status).toBe('reviewed');

      const locked = await t.http().put(url).set(bearer(r.token)).send({ overallComment: 'changed my mind' });
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('REVIEW_LOCKED');
      expect((await t.http().post(`${url}/submit`).set(bearer(r.token))).body.code).toBe('REVIEW_LOCKED');

      const reviewerReopen = await t
        .http()
        .post(`/api/reviews/${done.id}/reopen`)
        .set(bearer(r.token))
        .send({ reason: 'please' });
      expect(reviewerReopen.status).toBe(403);
      const reopened = await t
        .http()
        .post(`/api/reviews/${done.id}/reopen`)
        .set(bearer(officer))
        .send({ reason: 'The comment on upskilling cites the wrong proposal.' });
      expect(reopened.body).toMatchObject({ status: 'draft', submittedAt: null });
      expect((await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [p.id]))[0].status).toBe('in_review');
      const trail = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [done.id]);
      expect(trail.map((x: { action: string }) => x.action)).toEqual([
        'review.save',
        'review.save',
        'review.submit',
        'review.reopen',
      ]);
      const again = await t.http().put(url).set(bearer(r.token)).send({ overallComment: 'Corrected the upskilling comment.' });
      expect(again.status).toBe(200);
    });
  });

  describe('blind review', () => {
    it('gives a reviewer no way to read peer scores before submitting their own, through any endpoint', async () => {
      const fund = await reviewFund(t, { peerScoresAfterSubmit: true });
      const p = await eligibleProposal(t, fund.id);
      const me = await newReviewer(t, { name: 'Blind Reviewer' });
      const peer = await newReviewer(t, { name: 'Peer Reviewer' });
      const mine = await assign(p.id, me.id);
      const theirs = await assign(p.id, peer.id);
      const secret = 'PEER-SECRET-COMMENT';
      const peerReview = await score(peer.token, theirs, fullReview(3, secret));
      await t
        .http()
        .put(`/api/assignments/${mine}/review`)
        .set(bearer(me.token))
        .send({ scores: [{ criterionCode: 'upskilling', score: 9, comment: 'my draft' }] });

      const ids: Record<string, string> = {
        id: mine,
        fundId: fund.id,
        proposalId: p.id,
        attachmentId: p.attachmentId,
        version: '1',
      };
      const leaks: string[] = [];
      const routes = apiRoutes(t.app).filter((r) => r.method === 'GET');
      expect(routes.length).toBeGreaterThan(25);
      for (const r of routes) {
        // Every id slot is tried with each id we know: the proposal's, the peer's assignment and review, our own.
        for (const value of [mine, theirs, peerReview.id, p.id, fund.id, peer.id]) {
          const url = concrete(r.path, Object.fromEntries(Object.keys(ids).map((k) => [k, k === 'version' ? '1' : value])));
          const res = await call(t, 'GET', url).set(bearer(me.token));
          const text = res.text ?? JSON.stringify(res.body);
          // (A 404 may echo the id asked for; what must never appear is the peer's content.)
          if (text.includes(secret) || /"score":3\b/.test(text)) leaks.push(`${r.path} ${url}`);
        }
        const plain = await call(t, 'GET', concrete(r.path, ids)).set(bearer(me.token));
        if ((plain.text ?? '').includes(secret)) leaks.push(r.path);
      }
      expect(leaks).toEqual([]);
      const hidden = await t.http().get(`/api/assignments/${mine}/peer-reviews`).set(bearer(me.token));
      expect(hidden.status).toBe(403);
      expect(hidden.body.code).toBe('PEER_SCORES_HIDDEN');

      // After submitting, the fund allows it: peer scores without identities.
      await score(me.token, mine, fullReview(7));
      const after = await t.http().get(`/api/assignments/${mine}/peer-reviews`).set(bearer(me.token));
      expect(after.status).toBe(200);
      expect(after.body).toEqual([expect.objectContaining({ label: 'Reviewer 1', weightedTotal: 30 })]);
      expect(JSON.stringify(after.body)).not.toContain(peer.id);
      expect(JSON.stringify(after.body)).not.toContain('Peer Reviewer');
    });

    it('keeps peer scores hidden after submitting when the fund does not allow them; applicants see no reviewer', async () => {
      const fund = await reviewFund(t);
      const p = await eligibleProposal(t, fund.id);
      const a = await newReviewer(t);
      const b = await newReviewer(t);
      const aa = await assign(p.id, a.id);
      await score(b.token, await assign(p.id, b.id), fullReview(5));
      await score(a.token, aa, fullReview(6));
      expect((await t.http().get(`/api/assignments/${aa}/peer-reviews`).set(bearer(a.token))).status).toBe(403);
      const applicant = await t.token('applicant@example.org');
      for (const url of ['/api/assignments', '/api/reviews', `/api/funds/${fund.id}/ranking`, `/api/assignments/${aa}/review`]) {
        expect({ url, status: (await t.http().get(url).set(bearer(applicant))).status }).toEqual({ url, status: 403 });
      }
    });
  });

  describe('ranking', () => {
    it('one harsh reviewer flips the raw ranking; the normalized ranking does not flip', async () => {
      const fund = await reviewFund(t);
      const names = ['A', 'B', 'C', 'D', 'E', 'F'];
      const p: Record<string, { id: string }> = {};
      for (const n of names) p[n] = await eligibleProposal(t, fund.id, { title: `Proposal ${n}` });
      const r = {
        H: await newReviewer(t, { name: 'Harsh' }),
        N1: await newReviewer(t, { name: 'Normal 1' }),
        N2: await newReviewer(t, { name: 'Normal 2' }),
        N3: await newReviewer(t, { name: 'Normal 3' }),
      };
      // True quality: A 8 > B 7 > D 6 > C 5 > E 4 > F 3. Normal reviewers score it; H scores 3 lower.
      const plan: [keyof typeof r, string, number][] = [
        ['H', 'A', 5],
        ['N1', 'A', 8],
        ['N2', 'B', 7],
        ['N3', 'B', 7],
        ['H', 'C', 2],
        ['N1', 'C', 5],
        ['H', 'D', 3],
        ['N2', 'D', 6],
        ['N1', 'E', 4],
        ['N3', 'E', 4],
        ['N2', 'F', 3],
        ['N3', 'F', 3],
      ];
      for (const [who, what, s] of plan) await score(r[who].token, await assign(p[what].id, r[who].id), fullReview(s));

      const res = await t.http().get(`/api/funds/${fund.id}/ranking`).set(bearer(officer));
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toBe('ranking 0-5/6');
      const row = (n: string) => res.body.find((x: { proposalId: string }) => x.proposalId === p[n].id);
      // Raw: B (70) above A (65), because A drew the harsh reviewer.
      expect(row('A').rawTotal).toBe(65);
      expect(row('B').rawTotal).toBe(70);
      const rawOrder = [...res.body].sort((x, y) => y.rawTotal - x.rawTotal).map((x) => x.proposalId);
      expect(rawOrder.indexOf(p.B.id)).toBeLessThan(rawOrder.indexOf(p.A.id));
      // Normalized (per-reviewer z-scores on the fund's scale): A above B, as the reviewers meant.
      expect(row('A').normalizedTotal).toBeCloseTo(68.65, 1);
      expect(row('B').normalizedTotal).toBeCloseTo(65.88, 1);
      expect(res.body.map((x: { proposalId: string }) => x.proposalId)).toEqual(
        ['A', 'B', 'D', 'E', 'C', 'F'].map((n) => p[n].id),
      );
      expect(res.body.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(row('A')).toMatchObject({
        basis: 'normalized',
        reviewsSubmitted: 2,
        reviewsAssigned: 2,
        spread: 30,
        disagreement: true,
      });
      expect(row('B')).toMatchObject({
        spread: 0,
        disagreement: false,
        recommendations: { fund: 2, fund_with_conditions: 0, do_not_fund: 0 },
      });
      expect(row('A').criteria).toEqual([
        { code: 'employer_responsive', mean: 6.5, stddev: 2.12, min: 5, max: 8 },
        { code: 'upskilling', mean: 6.5, stddev: 2.12, min: 5, max: 8 },
        { code: 'critical_need', mean: 6.5, stddev: 2.12, min: 5, max: 8 },
      ]);

      // Moderation: only where flagged; the ranking then uses the consensus.
      const notFlagged = await t
        .http()
        .put(`/api/proposals/${p.B.id}/moderation`)
        .set(bearer(officer))
        .send({ consensusScore: 90, rationale: 'x' });
      expect(notFlagged.body.code).toBe('NOT_FLAGGED');
      const bad = await t.http().put(`/api/proposals/${p.A.id}/moderation`).set(bearer(officer)).send({ consensusScore: 101 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['consensusScore', 'rationale']);
      const moderated = await t
        .http()
        .put(`/api/proposals/${p.A.id}/moderation`)
        .set(bearer(officer))
        .send({ consensusScore: 50, rationale: 'The panel agreed the employer evidence is thin.' });
      expect(moderated.status).toBe(200);
      expect(moderated.body).toMatchObject({ basis: 'consensus', consensusScore: 50, finalScore: 50, rawTotal: 65, rank: 2 });
      const flagged = await t
        .http()
        .get(`/api/funds/${fund.id}/ranking`)
        .query({ filter: JSON.stringify({ disagreement: true }) })
        .set(bearer(officer));
      expect(flagged.body.map((x: { proposalId: string }) => x.proposalId)).toContain(p.A.id);
      expect(flagged.body.every((x: { disagreement: boolean }) => x.disagreement)).toBe(true);

      const csv = await t.http().get(`/api/funds/${fund.id}/ranking/export`).set(bearer(officer)).buffer(true);
      expect(csv.status).toBe(200);
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      expect(csv.text).toContain('rank,tracking_number,title');
      expect(csv.text.trim().split('\n')).toHaveLength(7);

      const flaggedCsv = await t
        .http()
        .get(`/api/funds/${fund.id}/ranking/export`)
        .query({ filter: JSON.stringify({ disagreement: true }) })
        .set(bearer(officer))
        .buffer(true);
      expect(flaggedCsv.text.trim().split('\n')).toHaveLength(1 + flagged.body.length);

      const cleared = await t.http().delete(`/api/proposals/${p.A.id}/moderation`).set(bearer(officer));
      expect(cleared.status).toBe(204);
      const audit = await t.dataSource.query(
        `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'proposal.moderat%' ORDER BY id`,
        [p.A.id],
      );
      expect(audit.map((x: { action: string }) => x.action)).toEqual(['proposal.moderate', 'proposal.moderation_clear']);
    });
  });

  describe('the pool', () => {
    it('offers officers the reviewer accounts not yet in the pool, and refuses others', async () => {
      const admin = await t.token('admin@example.org');
      const user = await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({
          email: 'candidate@example.org',
          displayName: 'Candidate',
          roles: ['reviewer'],
          preferredLanguage: 'fr',
          password: 'candidate-password',
        });
      const before = await t.http().get('/api/reviewers/candidates').set(bearer(officer));
      expect(before.body.map((c: { id: string }) => c.id)).toContain(user.body.id);
      const applicant = await t
        .http()
        .post('/api/reviewers')
        .set(bearer(officer))
        .send({
          userId: (await t.dataSource.query(`SELECT id FROM users WHERE email = 'applicant@example.org'`))[0].id,
          maxLoad: 5,
          sectors: [],
          regions: [],
          affiliations: [],
        });
      expect(applicant.status).toBe(400);
      expect(applicant.body.errors).toEqual([{ field: 'userId', reason: 'must be a user with the reviewer role' }]);
      const send = (body: object) =>
        t
          .http()
          .post('/api/reviewers')
          .set(bearer(officer))
          .send({ userId: user.body.id, maxLoad: 5, sectors: [], regions: [], affiliations: [], ...body });
      expect((await send({ regions: ['mars'] })).body.errors.map((e: { field: string }) => e.field)).toEqual(['regions']);
      const badDate = await send({ affiliations: [{ organizationName: 'X', startedOn: '2024-02-30' }] });
      expect(badDate.status).toBe(400);
      expect(badDate.body.errors).toEqual([{ field: 'affiliations.0.startedOn', reason: 'is not a calendar date' }]);
      const backwards = await send({ affiliations: [{ organizationName: 'X', startedOn: '2024-02-01', endedOn: '2023-01-01' }] });
      expect(backwards.body.errors).toEqual([{ field: 'affiliations.0.endedOn', reason: 'is before startedOn' }]);
      const added = await t
        .http()
        .post('/api/reviewers')
        .set(bearer(officer))
        .send({ userId: user.body.id, maxLoad: 5, sectors: ['mining'], regions: ['northern'], affiliations: [] });
      expect(added.status).toBe(201);
      const twice = await t
        .http()
        .post('/api/reviewers')
        .set(bearer(officer))
        .send({ userId: user.body.id, maxLoad: 5, sectors: [], regions: [], affiliations: [] });
      expect(twice.body.code).toBe('ALREADY_REVIEWER');
      const after = await t.http().get('/api/reviewers/candidates').set(bearer(officer));
      expect(after.body.map((c: { id: string }) => c.id)).not.toContain(user.body.id);
      const rita = await t.token('reviewer@example.org');
      expect((await t.http().get('/api/reviewers/candidates').set(bearer(rita))).status).toBe(403);
      expect((await t.http().get(`/api/reviewers/${user.body.id}`).set(bearer(rita))).status).toBe(404);
      expect((await t.http().get('/api/reviewers/me').set(bearer(rita))).body.email).toBe('reviewer@example.org');
    });
  });

  describe('the demo', () => {
    it('seeds a reviewer pool with conflicts, assignments and submitted reviews, so the 2021 fund has a ranking', async () => {
      const [fund] = await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`);
      const ranking = await t.http().get(`/api/funds/${fund.id}/ranking`).set(bearer(officer));
      expect(ranking.status).toBe(200);
      const scored = ranking.body.filter((r: { normalizedTotal: number | null }) => r.normalizedTotal !== null);
      expect(scored.length).toBeGreaterThanOrEqual(4);
      expect(ranking.body.some((r: { disagreement: boolean }) => r.disagreement)).toBe(true);
      expect(ranking.body.some((r: { reviewsSubmitted: number }) => r.reviewsSubmitted === 0)).toBe(true);
      // Rita is affiliated with "Sinai Health" (a partner of two 2021 proposals): never on them, and 404.
      const rita = await t.token('reviewer@example.org');
      const conflicted = await t.dataSource.query(
        `SELECT p.id FROM proposals p JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
          WHERE p.fund_id = $1 AND s.snapshot->'partners' @> $2::jsonb`,
        [
          fund.id,
          JSON.stringify([
            {
              partnerOrganizationId: (
                await t.dataSource.query(`SELECT id FROM partner_organizations WHERE name = 'Sinai Health'`)
              )[0].id,
            },
          ]),
        ],
      );
      expect(conflicted.length).toBeGreaterThan(0);
      const mine = await t.http().get('/api/assignments').set(bearer(rita));
      expect(mine.body.length).toBeGreaterThan(0);
      for (const c of conflicted) {
        expect(mine.body.map((a: { proposalId: string }) => a.proposalId)).not.toContain(c.id);
        expect((await t.http().get(`/api/proposals/${c.id}`).set(bearer(rita))).status).toBe(404);
      }
    });
  });
});

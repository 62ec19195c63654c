import { instantFromZoned, TORONTO } from '@cf/platform';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  clockOf,
  completeDraft,
  fundId,
  newInstitution,
  openFundCode,
  PDF,
  T2021,
  uploadLetter,
} from '../support/proposal-fixtures';
import { apiRoutes, concrete } from '../support/routes';
import { call, startTestApp, TestApp } from '../support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('proposals: drafts, submission, the deadline', () => {
  let t: TestApp;
  let f2021: string;
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_BYTES: String(64 * 1024) });
    f2021 = await fundId(t, 'MCF-2021');
    officer = await t.token('officer@example.org');
  });
  afterEach(() => clockOf(t).setForTesting(null));
  afterAll(() => t.stop());

  /** A complete draft on the 2021 fund, made while its intake was open. */
  async function draft2021() {
    const a = await newInstitution(t);
    clockOf(t).setForTesting(T2021.during);
    const p = await completeDraft(t, a.token, f2021);
    return { ...a, ...p };
  }

  const submit = (token: string, id: string, key: string = randomUUID()) =>
    t.http().post(`/api/proposals/${id}/submit`).set(bearer(token)).set('Idempotency-Key', key);

  describe('the 2021 deadline: June 25, 2021, 11:59 p.m. Toronto (the whole minute)', () => {
    it('is stored as 03:59:59.999Z on June 26 and shown in Toronto time', async () => {
      const fund = await t.http().get(`/api/funds/${f2021}`).set(bearer(officer));
      expect(fund.body.closesAt).toBe('2021-06-26T03:59:59.999Z');
      expect(fund.body.closesAtLocal).toBe('2021-06-25T23:59:59.999-04:00');
      expect(fund.body.envelopeCents).toBe(1_500_000_000);
      expect(fund.body.eligibleInstitutionTypes).toHaveLength(5);
      expect(fund.body.criteria.map((c: { code: string }) => c.code)).toEqual([
        'employer_responsive',
        'upskilling',
        'critical_need',
      ]);
    });

    it('accepts a submit received at 23:59:59.999 and answers a receipt once committed', async () => {
      const a = await draft2021();
      clockOf(t).setForTesting(T2021.closes);
      const res = await submit(a.token, a.id);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        proposalId: a.id,
        version: 1,
        submittedAt: '2021-06-26T03:59:59.999Z',
        submittedAtLocal: '2021-06-25T23:59:59.999-04:00',
        onTimeBy: 'deadline',
      });
      expect(res.body.trackingNumber).toMatch(/^MCF-2021-\d{6}$/);
      const [row] = await t.dataSource.query(
        `SELECT s.tracking_number, p.status FROM proposal_submissions s JOIN proposals p ON p.id = s.proposal_id WHERE s.proposal_id = $1`,
        [a.id],
      );
      expect(row).toEqual({ tracking_number: res.body.trackingNumber, status: 'submitted' });
    });

    it('rejects one received at 00:00:00.000 on June 26 with a clear message, and writes nothing', async () => {
      const a = await draft2021();
      clockOf(t).setForTesting(instantFromZoned('2021-06-26T00:00:00.000', TORONTO));
      const res = await submit(a.token, a.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DEADLINE_PASSED');
      expect(res.body.message).toContain('2021-06-25T23:59:59.999-04:00');
      expect(res.body.message).toContain('2021-06-26T00:00:00.000-04:00');
      const rows = await t.dataSource.query(`SELECT 1 FROM proposal_submissions WHERE proposal_id = $1`, [a.id]);
      expect(rows).toHaveLength(0);
      // nor edit, nor withdraw
      const edit = await t
        .http()
        .patch(`/api/proposals/${a.id}`)
        .set(bearer(a.token))
        .send({ version: a.version, title: 'Late' });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('DEADLINE_PASSED');
      const withdraw = await t.http().post(`/api/proposals/${a.id}/withdraw`).set(bearer(a.token)).send({});
      expect(withdraw.body.code).toBe('DEADLINE_PASSED');
    });

    it('with an extension: on time at its last millisecond, late one millisecond after', async () => {
      const a = await draft2021();
      const b = await draft2021();
      const until = '2021-06-28T17:00:00.000-04:00';
      clockOf(t).setForTesting(instantFromZoned('2021-06-26T09:00:00.000', TORONTO));
      for (const p of [a, b]) {
        const granted = await t
          .http()
          .post(`/api/proposals/${p.id}/extensions`)
          .set(bearer(officer))
          .send({ until, reason: 'Flooding closed the campus on June 25' });
        expect(granted.status).toBe(201);
        expect(granted.body.untilLocal).toBe('2021-06-28T17:00:00.000-04:00');
      }
      const fetched = await t.http().get(`/api/proposals/${a.id}`).set(bearer(a.token));
      expect(fetched.body.deadline).toMatchObject({ extensionUntil: '2021-06-28T21:00:00.000Z', open: true });

      clockOf(t).setForTesting(new Date('2021-06-28T21:00:00.000Z'));
      const onTime = await submit(a.token, a.id);
      expect(onTime.status).toBe(201);
      expect(onTime.body.onTimeBy).toBe('extension');

      clockOf(t).setForTesting(new Date('2021-06-28T21:00:00.001Z'));
      const late = await submit(b.token, b.id);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('DEADLINE_PASSED');

      const audit = await t.dataSource.query(
        `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 AND action = 'proposal.extension.grant'`,
        [a.id],
      );
      expect(audit).toHaveLength(1);
    });

    it('refuses an extension that does not move the deadline, or without a reason, naming the field', async () => {
      const a = await draft2021();
      const early = await t
        .http()
        .post(`/api/proposals/${a.id}/extensions`)
        .set(bearer(officer))
        .send({ until: '2021-06-25T20:00:00-04:00', reason: 'x' });
      expect(early.status).toBe(400);
      expect(early.body.errors[0].field).toBe('until');
      const noReason = await t
        .http()
        .post(`/api/proposals/${a.id}/extensions`)
        .set(bearer(officer))
        .send({ until: '2021-06-28T20:00:00-04:00', reason: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const byApplicant = await t
        .http()
        .post(`/api/proposals/${a.id}/extensions`)
        .set(bearer(a.token))
        .send({ until: '2021-06-28T20:00:00-04:00', reason: 'please' });
      expect(byApplicant.status).toBe(403);
    });

    it('computes a November deadline (after the DST change) at UTC-5', async () => {
      const admin = await t.token('admin@example.org');
      const base = (await t.http().get(`/api/funds/${f2021}`).set(bearer(admin))).body;
      const created = await t
        .http()
        .post('/api/funds')
        .set(bearer(admin))
        .send({
          ...base,
          code: 'MCF-2021-FALL',
          opensAt: instantFromZoned('2021-10-01T00:00:00.000', TORONTO).toISOString(),
          closesAt: instantFromZoned('2021-11-15T23:59:59.999', TORONTO).toISOString(),
          launchEarliest: '2022-01-01',
          launchLatest: '2022-12-31',
          status: 'open',
          criteria: base.criteria.map(
            ({ code, titleEn, titleFr, guidanceEn, guidanceFr, weight, scaleMin, scaleMax }: never) => ({
              code,
              titleEn,
              titleFr,
              guidanceEn,
              guidanceFr,
              weight,
              scaleMin,
              scaleMax,
            }),
          ),
        });
      expect(created.status).toBe(201);
      expect(created.body.closesAt).toBe('2021-11-16T04:59:59.999Z');
      expect(created.body.closesAtLocal).toBe('2021-11-15T23:59:59.999-05:00');

      const a = await newInstitution(t);
      const b = await newInstitution(t);
      clockOf(t).setForTesting(instantFromZoned('2021-11-01T10:00:00.000', TORONTO));
      const pa = await completeDraft(t, a.token, created.body.id);
      const pb = await completeDraft(t, b.token, created.body.id);
      clockOf(t).setForTesting(new Date('2021-11-16T04:59:59.999Z'));
      expect((await submit(a.token, pa.id)).status).toBe(201);
      clockOf(t).setForTesting(new Date('2021-11-16T05:00:00.000Z'));
      expect((await submit(b.token, pb.id)).body.code).toBe('DEADLINE_PASSED');
    });
  });

  describe('submission', () => {
    it('answers 50 parallel submits with one Idempotency-Key with one receipt and one submission', async () => {
      const a = await draft2021();
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 50 }, () => submit(a.token, a.id, key)));
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
      const rows = await t.dataSource.query(`SELECT version FROM proposal_submissions WHERE proposal_id = $1`, [a.id]);
      expect(rows).toEqual([{ version: 1 }]);
      const mails = await t.dataSource.query(`SELECT payload FROM outbox WHERE payload->>'to' = $1`, [a.email]);
      expect(mails).toHaveLength(1);
      expect(mails[0].payload).toMatchObject({ template: 'submission_receipt', language: 'en' });
      expect(mails[0].payload.data.trackingNumber).toBe(results[0].body.trackingNumber);
    });

    it('numbers past 999,999 keep every digit (MCF-2021-1000000, never cut to six)', async () => {
      const a = await draft2021();
      clockOf(t).setForTesting(T2021.during);
      const [{ last }] = await t.dataSource.query(`SELECT last_value::text AS last FROM proposal_tracking_seq`);
      await t.dataSource.query(`SELECT setval('proposal_tracking_seq', 999999)`);
      try {
        const res = await submit(a.token, a.id);
        expect(res.status).toBe(201);
        expect(res.body.trackingNumber).toBe('MCF-2021-1000000');
      } finally {
        await t.dataSource.query(`SELECT setval('proposal_tracking_seq', $1)`, [last]);
      }
    });

    it('refuses an incomplete proposal with 422 naming every field, and a second submission per institution', async () => {
      const a = await newInstitution(t);
      clockOf(t).setForTesting(T2021.during);
      const empty = await t.http().post('/api/proposals').set(bearer(a.token)).send({ fundId: f2021 });
      expect(empty.status).toBe(201);
      const readiness = await t.http().get(`/api/proposals/${empty.body.id}/readiness`).set(bearer(a.token));
      expect(readiness.body.ready).toBe(false);
      const res = await submit(a.token, empty.body.id);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('PROPOSAL_INCOMPLETE');
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'summary', 'microCredentials', 'partners', 'budget', 'contacts']));
      expect(fields).toEqual(expect.arrayContaining(['narratives.employer_responsive']));
      expect(readiness.body.problems).toEqual(res.body.errors);

      const first = await completeDraft(t, a.token, f2021);
      expect((await submit(a.token, first.id)).status).toBe(201);
      const second = await completeDraft(t, a.token, f2021);
      const limited = await submit(a.token, second.id);
      expect(limited.status).toBe(409);
      expect(limited.body.code).toBe('SUBMISSION_LIMIT');
    });

    it('checks the caps, the launch window and an employer partner', async () => {
      const a = await draft2021();
      const p = (await t.http().get(`/api/proposals/${a.id}`).set(bearer(a.token))).body;
      const over = await t
        .http()
        .patch(`/api/proposals/${a.id}`)
        .set(bearer(a.token))
        .send({
          version: p.version,
          budget: [{ category: 'technology', description: 'Robots', requestedCents: 5_000_001, partnerCents: 0 }],
          microCredentials: [{ ...p.microCredentials[0], plannedLaunch: '2030-01-01' }],
        });
      expect(over.status).toBe(200);
      expect(over.body.requestedCents).toBe(5_000_001);
      const res = await submit(a.token, a.id);
      expect(res.status).toBe(422);
      const byField = Object.fromEntries(res.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]));
      expect(byField.budget).toContain('$50,000.00');
      expect(byField['microCredentials.0.plannedLaunch']).toContain('2022-12-31');
    });

    it('lets the applicant resubmit before the deadline (a new version, same tracking number) or withdraw', async () => {
      const a = await draft2021();
      const first = await submit(a.token, a.id);
      const unchanged = await submit(a.token, a.id);
      expect(unchanged.status).toBe(409);
      expect(unchanged.body.code).toBe('NO_CHANGES');
      const p = (await t.http().get(`/api/proposals/${a.id}`).set(bearer(a.token))).body;
      const edited = await t
        .http()
        .patch(`/api/proposals/${a.id}`)
        .set(bearer(a.token))
        .send({ version: p.version, title: 'Welding Robotics Upskilling (revised)' });
      expect(edited.body.hasUnsubmittedChanges).toBe(true);
      // staff see what was submitted, not the applicant's unsubmitted edits
      const asOfficer = await t.http().get(`/api/proposals/${a.id}`).set(bearer(officer));
      expect(asOfficer.body.title).toBe('Welding Robotics Upskilling');
      const second = await submit(a.token, a.id);
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ trackingNumber: first.body.trackingNumber, version: 2 });
      const history = await t.http().get(`/api/proposals/${a.id}/submissions`).set(bearer(a.token));
      expect(history.body.map((s: { version: number }) => s.version)).toEqual([2, 1]);
      const v1 = await t.http().get(`/api/proposals/${a.id}/submissions/1`).set(bearer(a.token));
      expect(v1.body.snapshot.title).toBe('Welding Robotics Upskilling');
      await expect(
        t.dataSource.query(`UPDATE proposal_submissions SET snapshot = '{}' WHERE proposal_id = $1`, [a.id]),
      ).rejects.toThrow(/immutable/);

      const withdrawn = await t
        .http()
        .post(`/api/proposals/${a.id}/withdraw`)
        .set(bearer(a.token))
        .send({ reason: 'Partner left' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      const actions = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [a.id]);
      expect(actions.map((r: { action: string }) => r.action)).toEqual(
        expect.arrayContaining([
          'proposal.create',
          'proposal.update',
          'proposal.submit',
          'proposal.resubmit',
          'proposal.withdraw',
        ]),
      );
    });
  });

  describe('drafts', () => {
    it('gives one of two editors of the same version a 409 with the current record', async () => {
      const a = await draft2021();
      const [one, two] = await Promise.all([
        t.http().patch(`/api/proposals/${a.id}`).set(bearer(a.token)).send({ version: a.version, title: 'Editor one' }),
        t.http().patch(`/api/proposals/${a.id}`).set(bearer(a.token)).send({ version: a.version, title: 'Editor two' }),
      ]);
      const statuses = [one.status, two.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = one.status === 409 ? one : two;
      const winner = one.status === 200 ? one : two;
      expect(loser.body.code).toBe('STALE_VERSION');
      expect(loser.body.current).toMatchObject({ version: a.version + 1, title: winner.body.title });
    });

    it('answers invalid sections with 400 naming the nested field, and saves nothing', async () => {
      const a = await draft2021();
      const res = await t
        .http()
        .patch(`/api/proposals/${a.id}`)
        .set(bearer(a.token))
        .send({ version: a.version, title: 'Changed', microCredentials: [{ title: 'X', hours: 'ten' }] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toMatch(/^microCredentials\.0\./);
      const unknownPartner = await t
        .http()
        .patch(`/api/proposals/${a.id}`)
        .set(bearer(a.token))
        .send({
          version: a.version,
          partners: [
            {
              partnerOrganizationId: randomUUID(),
              role: 'co_designer',
              cashCents: 0,
              inKindCents: 0,
              hiringIntent: 0,
              placements: 0,
            },
          ],
        });
      expect(unknownPartner.status).toBe(400);
      expect(unknownPartner.body.errors).toEqual([
        { field: 'partners.0.partnerOrganizationId', reason: 'no such partner organization' },
      ]);
      const p = (await t.http().get(`/api/proposals/${a.id}`).set(bearer(a.token))).body;
      expect(p.version).toBe(a.version);
      expect(p.title).toBe('Welding Robotics Upskilling');
    });
  });

  describe('attachments', () => {
    const uploads = () => {
      try {
        return readdirSync(join(t.env.DATA_DIR, 'uploads', 'attachments'));
      } catch {
        return [];
      }
    };

    it('stores a PDF and lets only readers download it', async () => {
      const a = await draft2021();
      const up = await uploadLetter(t, a.token, a.id);
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ kind: 'letter_of_support', contentType: 'application/pdf', sizeBytes: PDF.length });
      const down = await t
        .http()
        .get(`/api/proposals/${a.id}/attachments/${up.body.id}/content`)
        .set(bearer(a.token))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(down.status).toBe(200);
      expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
      expect(down.headers['content-disposition']).toContain('attachment');
      const officerDraft = await t.http().get(`/api/proposals/${a.id}/attachments/${up.body.id}/content`).set(bearer(officer));
      expect(officerDraft.status).toBe(404); // a draft is the institution's own until submitted
      expect((await submit(a.token, a.id)).status).toBe(201);
      const officerRead = await t.http().get(`/api/proposals/${a.id}/attachments/${up.body.id}/content`).set(bearer(officer));
      expect(officerRead.status).toBe(200);
      // a file added after the submission is the institution's until it resubmits
      clockOf(t).setForTesting(new Date(T2021.during.getTime() + 60_000));
      const later = await uploadLetter(t, a.token, a.id);
      const officerList = await t.http().get(`/api/proposals/${a.id}/attachments`).set(bearer(officer));
      expect(officerList.body.map((x: { id: string }) => x.id)).not.toContain(later.body.id);
      expect(officerList.body.map((x: { id: string }) => x.id)).toContain(up.body.id);
      const ownList = await t.http().get(`/api/proposals/${a.id}/attachments`).set(bearer(a.token));
      expect(ownList.body.map((x: { id: string }) => x.id)).toContain(later.body.id);
      expect(
        (await t.http().get(`/api/proposals/${a.id}/attachments/${later.body.id}/content`).set(bearer(officer))).status,
      ).toBe(404);
      const reviewer = await t.token('reviewer@example.org');
      const reviewerRead = await t.http().get(`/api/proposals/${a.id}/attachments/${up.body.id}/content`).set(bearer(reviewer));
      expect(reviewerRead.status).toBe(404);
    });

    it('rejects a file over the limit while streaming (413) and a forbidden type by content (415), leaving no file', async () => {
      const a = await draft2021();
      const before = uploads();
      const big = Buffer.concat([PDF, Buffer.alloc(70 * 1024, 0x20)]);
      const tooBig = await uploadLetter(t, a.token, a.id, big);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.code).toBe('FILE_TOO_LARGE');
      const script = await uploadLetter(t, a.token, a.id, Buffer.from('#!/bin/sh\necho pwned\n'), 'letter.pdf');
      expect(script.status).toBe(415);
      expect(script.body.errors[0].field).toBe('file');
      const exe = await uploadLetter(t, a.token, a.id, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512)]), 'cv.docx');
      expect(exe.status).toBe(415);
      const noKind = await t
        .http()
        .post(`/api/proposals/${a.id}/attachments`)
        .set(bearer(a.token))
        .attach('file', PDF, 'letter.pdf');
      expect(noKind.status).toBe(400);
      expect(noKind.body.errors[0].field).toBe('kind');
      expect(uploads()).toEqual(before);
      const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM attachments WHERE proposal_id = $1`, [a.id]);
      expect(rows[0].n).toBe(1); // the letter completeDraft uploaded
    });
  });

  describe('isolation between institutions', () => {
    it('answers 404 to an applicant of institution B on every proposal and attachment route of institution A', async () => {
      const a = await draft2021();
      const b = await newInstitution(t);
      const [att] = await t.dataSource.query(`SELECT id FROM attachments WHERE proposal_id = $1`, [a.id]);
      const routes = apiRoutes(t.app).filter((r) => r.path.startsWith('/api/proposals/:id'));
      expect(routes.length).toBeGreaterThanOrEqual(12);
      const bodies: Record<string, object> = {
        '/api/proposals/:id': { version: a.version, title: 'Hijacked' },
        '/api/proposals/:id/withdraw': {},
      };
      for (const r of routes) {
        const url = concrete(r.path, { id: a.id, attachmentId: att.id, version: '1' });
        let req = call(t, r.method, url).set(bearer(b.token));
        if (r.path.endsWith('/attachments') && r.method === 'POST') {
          req = req.field('kind', 'letter_of_support').attach('file', PDF, 'x.pdf');
        } else if (r.method !== 'GET' && r.method !== 'DELETE') req = req.send(bodies[r.path] ?? {});
        const res = await req;
        // Officer-only routes answer 403 by role before any record is looked up; everything else 404.
        const officerOnly =
          (['/api/proposals/:id/screening', '/api/proposals/:id/extensions'].includes(r.path) && r.method === 'POST') ||
          ['/api/proposals/:id/reviewer-options', '/api/proposals/:id/moderation'].includes(r.path);
        const expected = officerOnly ? 403 : 404;
        expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
          route: `${r.method} ${r.path}`,
          status: expected,
        });
      }
      const list = await t.http().get('/api/proposals').set(bearer(b.token));
      expect(list.body).toEqual([]);
      const p = (await t.http().get(`/api/proposals/${a.id}`).set(bearer(a.token))).body;
      expect(p.title).toBe('Welding Robotics Upskilling');
    });
  });

  describe('screening and the officer list', () => {
    it('screens only after the deadline, requires reasons for ineligible, and audits', async () => {
      const a = await draft2021();
      clockOf(t).setForTesting(T2021.closes);
      expect((await submit(a.token, a.id)).status).toBe(201);
      const early = await t.http().post(`/api/proposals/${a.id}/screening`).set(bearer(officer)).send({ outcome: 'eligible' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('STILL_OPEN');
      clockOf(t).setForTesting(instantFromZoned('2021-07-02T09:00:00.000', TORONTO));
      const noReason = await t
        .http()
        .post(`/api/proposals/${a.id}/screening`)
        .set(bearer(officer))
        .send({ outcome: 'ineligible' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reasons');
      const ok = await t
        .http()
        .post(`/api/proposals/${a.id}/screening`)
        .set(bearer(officer))
        .send({ outcome: 'ineligible', reasons: 'Launch dates outside the window' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'ineligible', screeningReasons: 'Launch dates outside the window' });
      const [audit] = await t.dataSource.query(
        `SELECT actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'proposal.screen'`,
        [a.id],
      );
      expect(audit.changes.status).toEqual({ from: 'submitted', to: 'ineligible' });
    });

    it('filters by status, fund, institution type, region and sector, searches full text, and exports CSV with a BOM', async () => {
      const list = await t
        .http()
        .get('/api/proposals')
        .query({ filter: JSON.stringify({ fundId: f2021, status: 'eligible' }), range: '[0,99]' })
        .set(bearer(officer));
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThan(0);
      expect(
        list.body.every((p: { status: string; fundCode: string }) => p.status === 'eligible' && p.fundCode === 'MCF-2021'),
      ).toBe(true);
      expect(list.headers['content-range']).toMatch(/^proposals 0-\d+\/\d+$/);

      const search = await t
        .http()
        .get('/api/proposals')
        .query({ filter: JSON.stringify({ q: 'dementia' }) })
        .set(bearer(officer));
      expect(search.body.length).toBeGreaterThan(0);
      expect(search.body.every((p: { title: string }) => /dementia/i.test(p.title))).toBe(true);

      const sector = await t
        .http()
        .get('/api/proposals')
        .query({ filter: JSON.stringify({ sector: 'mining', institutionType: 'public_college' }) })
        .set(bearer(officer));
      expect(sector.body.every((p: { sectors: string[] }) => p.sectors.includes('mining'))).toBe(true);

      const bad = await t
        .http()
        .get('/api/proposals')
        .query({ filter: JSON.stringify({ status: 'lost' }) })
        .set(bearer(officer));
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('filter.status');

      const csv = await t
        .http()
        .get('/api/proposals/export')
        .query({ filter: JSON.stringify({ fundId: f2021 }) })
        .set(bearer(officer))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const bytes = csv.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text.split('\n')[0]).toContain('tracking_number');
      expect(text).toContain('Collège Boréal');
      const applicant = await t.token('applicant@example.org');
      expect((await t.http().get('/api/proposals/export').set(bearer(applicant))).status).toBe(403);
    });

    it('shows applicants their institution’s proposals only, and drafts on the open round', async () => {
      const applicant = await t.token('applicant@example.org');
      const mine = await t.http().get('/api/proposals').query({ range: '[0,99]' }).set(bearer(applicant));
      const [gb] = await t.dataSource.query(`SELECT id FROM institutions WHERE name = 'George Brown College'`);
      expect(mine.body.length).toBeGreaterThanOrEqual(2);
      expect(mine.body.every((p: { institutionId: string }) => p.institutionId === gb.id)).toBe(true);
      const code = await openFundCode(t);
      const open = mine.body.find((p: { fundCode: string }) => p.fundCode === code);
      expect(open).toMatchObject({ status: 'draft', deadline: { open: true } });
    });
  });
});

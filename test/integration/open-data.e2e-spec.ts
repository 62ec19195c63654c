import { randomUUID } from 'node:crypto';
import { PDF } from '../support/proposal-fixtures';
import { eligibleProposal, fullReview, newReviewer, reviewFund } from '../support/review-fixtures';
import { apiRoutes, concrete } from '../support/routes';
import { call, startTestApp, TestApp } from '../support/test-app';

/**
 * The public catalogue and open data (issue 6): without login, only decided and published data, and nothing of
 * unfunded proposals, drafts, declined or rescinded decisions, reviews, partners' money and contacts, or people.
 */

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** Every JSON field name a public answer may carry (lists, shows, facets, the open data index and downloads). */
const ALLOWED_FIELDS = new Set([
  // projects
  'id',
  'fundId',
  'fundCode',
  'fundNameEn',
  'fundNameFr',
  'title',
  'summary',
  'institutionId',
  'institutionName',
  'institutionType',
  'region',
  'sectors',
  'areasOfFocus',
  'regionsServed',
  'status',
  'awardCents',
  'awardedOn',
  'startOn',
  'endOn',
  'partners',
  'name',
  'kind',
  'sector',
  'microCredentialCount',
  'microCredentials',
  // micro-credentials
  'areaOfFocus',
  'deliveryMode',
  'hours',
  'plannedLaunchOn',
  'launchedOn',
  'osapStatus',
  'workIntegratedLearning',
  'stackable',
  'projectId',
  'projectTitle',
  // facets
  'total',
  'value',
  'label',
  'count',
  // open data documents and their index
  'dataset',
  'description',
  'lang',
  'generatedAt',
  'licence',
  'url',
  'fields',
  'type',
  'labels',
  'records',
  'code',
  'partnerKind',
  'projectStatus',
  'yesNo',
  'datasets',
  'formats',
  'format',
  'columns',
  'key',
  'header',
]);

/** The CSV headers, in order, in each language. */
const PROJECT_HEADERS = {
  en: 'Project ID,Fund code,Fund,Title,Summary,Institution,Institution type,Region,Sectors,Areas of focus,Regions served,Status,Amount awarded (CAD),Awarded on,Start date,End date,Partners,Micro-credentials',
  fr: 'ID du projet,Code du fonds,Fonds,Titre,Résumé,Établissement,Type d’établissement,Région,Secteurs,Domaines d’intérêt,Régions desservies,État,Montant accordé ($ CA),Date de l’octroi,Date de début,Date de fin,Partenaires,Microtitres de compétence',
};
const MICRO_CREDENTIAL_HEADERS = {
  en: 'Micro-credential ID,Title,Institution,Institution type,Region,Industry,Area of focus,Delivery mode,Hours,Planned launch,Launched on,OSAP approval,Work-integrated learning,Stackable,Project ID,Project,Fund code',
  fr: 'ID du microtitre,Titre,Établissement,Type d’établissement,Région,Secteur d’activité,Domaine d’intérêt,Mode de prestation,Heures,Lancement prévu,Date du lancement,Approbation RAFEO,Apprentissage intégré au travail,Cumulable,ID du projet,Projet,Code du fonds',
};
const ALLOWED_CSV_HEADERS = new Set(
  [PROJECT_HEADERS.en, PROJECT_HEADERS.fr, MICRO_CREDENTIAL_HEADERS.en, MICRO_CREDENTIAL_HEADERS.fr].flatMap((h) => h.split(',')),
);

/** Every object key in a JSON value, at any depth. */
function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => fieldNames(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      fieldNames(v, into);
    }
  }
  return into;
}

/** The header cells of a CSV body (no quoted commas in our headers). */
const csvHeaders = (text: string) =>
  text
    .replace(/^\ufeff/, '')
    .split('\r\n')[0]
    .split(',');

describe('open data: the public catalogue of funded projects and micro-credentials', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  let fund: { id: string; code: string };
  const suffix = randomUUID().slice(0, 8);
  /** Strings planted where the public must never see them. */
  const MARKERS = {
    unfundedTitle: `MARKER-UNFUNDED-TITLE-${suffix}`,
    unfundedSummary: `MARKER-UNFUNDED-SUMMARY-${suffix}`,
    draftTitle: `MARKER-DRAFT-TITLE-${suffix}`,
    declinedTitle: `MARKER-DECLINED-TITLE-${suffix}`,
    declineRationale: `MARKER-DECLINE-RATIONALE-${suffix}`,
    recommendedTitle: `MARKER-RECOMMENDED-TITLE-${suffix}`,
    rescindedTitle: `MARKER-RESCINDED-TITLE-${suffix}`,
    rescindReason: `MARKER-RESCIND-REASON-${suffix}`,
    rescindedCredential: `MARKER-RESCINDED-MC-${suffix}`,
    pendingTitle: `MARKER-PENDING-TITLE-${suffix}`,
    pendingCredential: `MARKER-PENDING-MC-${suffix}`,
    fundedRationale: `MARKER-FUNDED-RATIONALE-${suffix}`,
    fundedConditions: `MARKER-FUNDED-CONDITIONS-${suffix}`,
    decisionNote: `MARKER-DECISION-NOTE-${suffix}`,
    reviewComment: `MARKER-REVIEW-COMMENT-${suffix}`,
    reviewerName: `MARKER-REVIEWER-NAME-${suffix}`,
    officerName: `MARKER-OFFICER-NAME-${suffix}`,
    officerEmail: `marker-officer-${suffix}@example.org`,
    contactName: `MARKER-CONTACT-NAME-${suffix}`,
    contactEmail: `marker-contact-${suffix}@example.org`,
    contactPhone: '416-555-0199',
    applicantName: `MARKER-APPLICANT-NAME-${suffix}`,
    budgetLine: `MARKER-BUDGET-LINE-${suffix}`,
    narrative: `MARKER-NARRATIVE-${suffix}`,
    partnerCash: '424242437',
    partnerInKind: '535353548',
    enrolled: '7654321',
    expectedEnrolment: '1234567',
    agreementFile: `MARKER-AGREEMENT-${suffix}.pdf`,
    reportNarrative: `MARKER-REPORT-NARRATIVE-${suffix}`,
    milestoneNote: `MARKER-MILESTONE-NOTE-${suffix}`,
  };

  // The published records.
  const ids = {} as Record<'northProject' | 'southProject' | 'pendingProject' | 'rescindedProject', string> &
    Record<'mine' | 'care' | 'tourism' | 'security' | 'northInst' | 'southInst', string>;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '10' });
    officer = await t.token('officer@example.org');
    approver = await t.token('approver@example.org');
    fund = await reviewFund(t);
    const admin = await t.token('admin@example.org');
    const reviewer = await newReviewer(t, { name: MARKERS.reviewerName });
    const markedOfficer = await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        email: MARKERS.officerEmail,
        displayName: MARKERS.officerName,
        roles: ['program_officer'],
        preferredLanguage: 'en',
        password: 'marker-officer-password',
      });
    expect(markedOfficer.status).toBe(201);
    const markedOfficerToken = await t.token(MARKERS.officerEmail, 'marker-officer-password');

    /** A proposal reviewed by the marked reviewer, with contacts, money and narratives that must stay private. */
    const reviewed = async (opts: { title: string; institution: string; region: string; sectors: string[]; partner: string }) => {
      const p = await eligibleProposal(t, fund.id, {
        title: opts.title,
        institution: opts.institution,
        partners: [opts.partner],
        sectors: opts.sectors,
        regions: [opts.region],
      });
      await t.dataSource.query(`UPDATE institutions SET region = $2 WHERE id = $1`, [p.institutionId, opts.region]);
      await t.dataSource.query(`UPDATE partner_organizations SET kind = 'employer', sector = $2 WHERE lower(name) = lower($1)`, [
        opts.partner,
        opts.sectors[0],
      ]);
      const [{ snapshot }] = await t.dataSource.query(`SELECT snapshot FROM proposal_submissions WHERE proposal_id = $1`, [p.id]);
      const partners = snapshot.partners.map((x: object) => ({
        ...x,
        cashCents: Number(MARKERS.partnerCash),
        inKindCents: Number(MARKERS.partnerInKind),
      }));
      const contacts = [
        { id: randomUUID(), name: MARKERS.contactName, email: MARKERS.contactEmail, phone: MARKERS.contactPhone, role: 'Lead' },
      ];
      const budget = [
        {
          id: randomUUID(),
          category: 'curriculum_development',
          description: MARKERS.budgetLine,
          requestedCents: 10_000_000,
          partnerCents: 1,
        },
      ];
      const narratives = {
        employer_responsive: MARKERS.narrative,
        upskilling: MARKERS.narrative,
        critical_need: MARKERS.narrative,
      };
      // A second submitted version (snapshots are immutable) carries them.
      await t.dataSource.query(
        `INSERT INTO proposal_submissions (proposal_id, version, tracking_number, submitted_at, submitted_by, on_time_by, snapshot)
         SELECT proposal_id, 2, tracking_number, submitted_at + interval '1 minute', submitted_by, on_time_by, snapshot || $2::jsonb
           FROM proposal_submissions WHERE proposal_id = $1 AND version = 1`,
        [p.id, JSON.stringify({ partners, contacts, budget, narratives, summary: `Training with ${opts.partner}.` })],
      );
      await t.dataSource.query(
        `UPDATE proposals SET partners = $2, contacts = $3, budget = $4, narratives = $5, summary = $6, requested_cents = 10000000,
                submitted_version = 2 WHERE id = $1`,
        [
          p.id,
          JSON.stringify(partners),
          JSON.stringify(contacts),
          JSON.stringify(budget),
          JSON.stringify(narratives),
          `Training with ${opts.partner}.`,
        ],
      );
      const assignment = await t
        .http()
        .post('/api/assignments')
        .set(bearer(officer))
        .send({ proposalId: p.id, reviewerId: reviewer.id });
      expect(assignment.status).toBe(201);
      const saved = await t
        .http()
        .put(`/api/assignments/${assignment.body.id}/review`)
        .set(bearer(reviewer.token))
        .send(fullReview(7, MARKERS.reviewComment));
      expect(saved.status).toBe(200);
      const submitted = await t.http().post(`/api/assignments/${assignment.body.id}/review/submit`).set(bearer(reviewer.token));
      expect(submitted.status).toBe(200);
      return p;
    };

    /** A confirmed decision (recommended by the marked officer, confirmed by the approver). */
    const decide = async (proposalId: string, body: object, confirm = true) => {
      const rec = await t
        .http()
        .post('/api/decisions')
        .set(bearer(markedOfficerToken))
        .send({ proposalId, ...body });
      expect(rec.status).toBe(201);
      if (confirm) {
        const ok = await t
          .http()
          .post(`/api/decisions/${rec.body.id}/confirm`)
          .set(bearer(approver))
          .send({ note: MARKERS.decisionNote });
        expect(ok.status).toBe(200);
      }
      return rec.body.id as string;
    };

    /** The project the projects context made when the award was confirmed. */
    const projectOf = async (decisionId: string): Promise<string> => {
      const [found] = await t.dataSource.query(`SELECT id FROM projects WHERE award_decision_id = $1`, [decisionId]);
      expect(found).toBeDefined();
      return found.id;
    };

    /** An applicant account of the institution (a person the public must not see). */
    let applicants = 0;
    const applicantOf = async (institutionId: string): Promise<string> => {
      applicants++;
      const email = `marker-applicant-${applicants}-${suffix}@example.org`;
      const res = await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({
          email,
          displayName: `${MARKERS.applicantName}-${applicants}`,
          roles: ['applicant'],
          institutionId,
          preferredLanguage: 'fr',
          password: 'marker-applicant-password',
        });
      expect(res.status).toBe(201);
      return t.token(email, 'marker-applicant-password');
    };

    /** The agreement sent, the signed copy uploaded by the institution, the signature recorded: the project is active. */
    const sign = async (projectId: string, applicant: string) => {
      const project = await t.http().get(`/api/projects/${projectId}`).set(bearer(officer));
      expect((await t.http().post(`/api/projects/${projectId}/agreement/send`).set(bearer(officer)).send({})).status).toBe(200);
      const upload = await t
        .http()
        .post(`/api/projects/${projectId}/agreement/document`)
        .set(bearer(applicant))
        .attach('file', PDF, MARKERS.agreementFile);
      expect(upload.status).toBe(200);
      const signed = await t
        .http()
        .post(`/api/projects/${projectId}/agreement/sign`)
        .set(bearer(officer))
        .send({ signedOn: project.body.startOn });
      expect(signed.status).toBe(200);
      expect(signed.body.status).toBe('active');
    };

    /** A micro-credential recorded by the institution, with enrolment figures that are never published. */
    const credential = async (
      projectId: string,
      applicant: string,
      c: { title: string; sector: string; area: string; mode: string; hours: number; osap: string; launchedOn?: string },
    ): Promise<string> => {
      const launched = Boolean(c.launchedOn);
      const res = await t
        .http()
        .post(`/api/projects/${projectId}/micro-credentials`)
        .set(bearer(applicant))
        .send({
          title: c.title,
          sector: c.sector,
          areaOfFocus: c.area,
          deliveryMode: c.mode,
          hours: c.hours,
          plannedLaunchOn: '2022-01-10',
          launchedOn: c.launchedOn ?? null,
          osapStatus: c.osap,
          osapStatusOn: c.osap === 'not_submitted' ? null : '2022-03-01',
          expectedEnrolment: Number(MARKERS.expectedEnrolment),
          enrolled: launched ? Number(MARKERS.enrolled) : 0,
          completed: launched ? 3 : 0,
          workIntegratedLearning: true,
          stackable: false,
        });
      expect({ status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ status: 201, body: undefined });
      return res.body.id;
    };

    // Two published projects: a partial award in the north (active), a full award in the southwest (closed).
    const north = await reviewed({
      title: `Northern skills ${suffix}`,
      institution: `Northern Open College ${suffix}`,
      region: 'northern',
      sectors: ['mining', 'health_care'],
      partner: `Boreal Mining Works ${suffix}`,
    });
    const northDecision = await decide(north.id, {
      kind: 'fund_partial',
      amountCents: 8_000_000,
      conditions: MARKERS.fundedConditions,
      rationale: MARKERS.fundedRationale,
    });
    ids.northProject = await projectOf(northDecision);
    ids.northInst = north.institutionId;
    const northApplicant = await applicantOf(north.institutionId);
    await sign(ids.northProject, northApplicant);
    ids.mine = await credential(ids.northProject, northApplicant, {
      title: 'Underground mine safety leadership',
      sector: 'mining',
      area: 'Mine safety',
      mode: 'in_person',
      hours: 40,
      osap: 'approved',
      launchedOn: '2022-01-15',
    });
    ids.care = await credential(ids.northProject, northApplicant, {
      title: 'Remote care coordination',
      sector: 'health_care',
      area: 'Dementia care',
      mode: 'online',
      hours: 30,
      osap: 'submitted',
    });
    await t.dataSource.query(`UPDATE project_reports SET narrative = $2 WHERE project_id = $1`, [
      ids.northProject,
      MARKERS.reportNarrative,
    ]);
    await t.dataSource.query(`UPDATE project_milestones SET delivery_note = $2 WHERE project_id = $1`, [
      ids.northProject,
      MARKERS.milestoneNote,
    ]);

    const south = await reviewed({
      title: `Southwest digital ${suffix}`,
      institution: `Southwest Open Institute ${suffix}`,
      region: 'southwestern',
      sectors: ['hospitality_tourism', 'digital_technology'],
      partner: `Lakeshore Hotels ${suffix}`,
    });
    ids.southProject = await projectOf(await decide(south.id, { kind: 'fund_full', rationale: MARKERS.fundedRationale }));
    ids.southInst = south.institutionId;
    const southApplicant = await applicantOf(south.institutionId);
    await sign(ids.southProject, southApplicant);
    ids.tourism = await credential(ids.southProject, southApplicant, {
      title: 'Digital marketing for tourism',
      sector: 'hospitality_tourism',
      area: 'Digital marketing',
      mode: 'hybrid',
      hours: 24,
      osap: 'approved',
      launchedOn: '2022-02-01',
    });
    ids.security = await credential(ids.southProject, southApplicant, {
      title: 'Network security essentials',
      sector: 'digital_technology',
      area: 'Network security',
      mode: 'online',
      hours: 60,
      osap: 'not_submitted',
    });
    // Closing a project takes its whole cycle (milestones, payments, the final report: see projects.e2e-spec.ts);
    // here it is set directly, to show that a completed project stays published.
    await t.dataSource.query(`UPDATE projects SET status = 'closed', closed_at = now() WHERE id = $1`, [ids.southProject]);

    // Confirmed, but the agreement is not signed: not published.
    const pending = await reviewed({
      title: MARKERS.pendingTitle,
      institution: `Pending College ${suffix}`,
      region: 'northern',
      sectors: ['mining'],
      partner: `Pending Partner ${suffix}`,
    });
    ids.pendingProject = await projectOf(await decide(pending.id, { kind: 'fund_full', rationale: MARKERS.fundedRationale }));
    await credential(ids.pendingProject, await applicantOf(pending.institutionId), {
      title: MARKERS.pendingCredential,
      sector: 'mining',
      area: 'Mine safety',
      mode: 'online',
      hours: 10,
      osap: 'approved',
    });

    // Signed, then the award is rescinded: the project is cancelled and leaves the catalogue.
    const rescinded = await reviewed({
      title: MARKERS.rescindedTitle,
      institution: `Rescinded College ${suffix}`,
      region: 'northern',
      sectors: ['mining'],
      partner: `Rescinded Partner ${suffix}`,
    });
    const rescindedDecision = await decide(rescinded.id, { kind: 'fund_full', rationale: MARKERS.fundedRationale });
    ids.rescindedProject = await projectOf(rescindedDecision);
    const rescindedApplicant = await applicantOf(rescinded.institutionId);
    await sign(ids.rescindedProject, rescindedApplicant);
    await credential(ids.rescindedProject, rescindedApplicant, {
      title: MARKERS.rescindedCredential,
      sector: 'mining',
      area: 'Mine safety',
      mode: 'online',
      hours: 10,
      osap: 'approved',
    });
    const rescind = await t
      .http()
      .post(`/api/decisions/${rescindedDecision}/rescind`)
      .set(bearer(approver))
      .send({ reason: MARKERS.rescindReason });
    expect(rescind.status).toBe(200);
    const [cancelled] = await t.dataSource.query(`SELECT status FROM projects WHERE id = $1`, [ids.rescindedProject]);
    expect(cancelled.status).toBe('cancelled');

    // Declined (confirmed), recommended but not confirmed, reviewed but never decided, and a draft.
    const declined = await reviewed({
      title: MARKERS.declinedTitle,
      institution: `Declined College ${suffix}`,
      region: 'northern',
      sectors: ['mining'],
      partner: `Declined Partner ${suffix}`,
    });
    await decide(declined.id, { kind: 'decline', rationale: MARKERS.declineRationale });
    const recommended = await reviewed({
      title: MARKERS.recommendedTitle,
      institution: `Recommended College ${suffix}`,
      region: 'northern',
      sectors: ['mining'],
      partner: `Recommended Partner ${suffix}`,
    });
    await decide(recommended.id, { kind: 'fund_full', rationale: MARKERS.fundedRationale }, false);
    const unfunded = await eligibleProposal(t, fund.id, {
      title: MARKERS.unfundedTitle,
      sectors: ['mining'],
      regions: ['northern'],
    });
    await t.dataSource.query(`UPDATE proposals SET summary = $2 WHERE id = $1`, [unfunded.id, MARKERS.unfundedSummary]);
    await t.dataSource.query(
      `INSERT INTO proposals (fund_id, institution_id, status, title, summary, sectors, regions_served)
       VALUES ($1, $2, 'draft', $3, $3, ARRAY['mining'], ARRAY['northern'])`,
      [fund.id, north.institutionId, MARKERS.draftTitle],
    );
  }, 180_000);
  afterAll(() => t?.stop());

  const get = (url: string) => t.http().get(url);
  const byFund = (extra: object = {}) => enc({ fundId: fund.id, ...extra });
  const catalogue = async (filter: object, more = '') => {
    const res = await get(`/api/public/micro-credentials?filter=${byFund(filter)}${more}`);
    expect(res.status).toBe(200);
    return res;
  };
  const titles = (body: { title: string }[]) => body.map((r) => r.title).sort();

  /** Every public GET (with real ids), in both languages where it takes one. */
  const publicUrls = () => [
    '/api/public/projects',
    `/api/public/projects?filter=${byFund()}`,
    `/api/public/projects/${ids.northProject}`,
    `/api/public/projects/${ids.southProject}`,
    '/api/public/projects/facets?lang=en',
    `/api/public/projects/facets?lang=fr&filter=${byFund()}`,
    '/api/public/micro-credentials?range=[0,499]',
    `/api/public/micro-credentials?filter=${byFund()}`,
    '/api/public/micro-credentials/facets',
    `/api/public/micro-credentials/facets?lang=fr&filter=${byFund({ region: 'northern' })}`,
    '/api/public/open-data',
    '/api/public/open-data?lang=fr',
    ...['projects', 'micro-credentials'].flatMap((d) =>
      ['csv', 'json'].flatMap((f) => ['en', 'fr'].map((l) => `/api/public/open-data/${d}.${f}?lang=${l}`)),
    ),
  ];

  it('answers every public route without a token (and with a bad one)', async () => {
    const routes = apiRoutes(t.app).filter((r) => r.path.startsWith('/api/public/'));
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'GET /api/public/micro-credentials',
        'GET /api/public/micro-credentials/facets',
        'GET /api/public/open-data',
        'GET /api/public/open-data/micro-credentials.csv',
        'GET /api/public/open-data/micro-credentials.json',
        'GET /api/public/open-data/projects.csv',
        'GET /api/public/open-data/projects.json',
        'GET /api/public/projects',
        'GET /api/public/projects/:id',
        'GET /api/public/projects/facets',
      ].sort(),
    );
    for (const route of routes) {
      const url = concrete(route.path, { id: ids.northProject });
      const anonymous = await call(t, route.method, url);
      expect({ url, status: anonymous.status }).toEqual({ url, status: 200 });
      const forged = await call(t, route.method, url).set('Authorization', 'Bearer not-a-token');
      expect({ url, status: forged.status }).toEqual({ url, status: 200 });
    }
  });

  it('publishes only confirmed awards with a signed agreement, with their institution, amount, region, sectors and partners', async () => {
    const list = await get(`/api/public/projects?filter=${byFund()}&sort=${enc(['awardCents', 'ASC'])}`);
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toBe('projects 0-1/2');
    expect(list.body.map((p: { id: string }) => p.id)).toEqual([ids.northProject, ids.southProject]);
    expect(list.body[0]).toEqual({
      id: ids.northProject,
      fundId: fund.id,
      fundCode: fund.code,
      fundNameEn: `Review test fund ${fund.code}`,
      fundNameFr: `Fonds d’essai ${fund.code}`,
      title: `Northern skills ${suffix}`,
      summary: `Training with Boreal Mining Works ${suffix}.`,
      institutionId: ids.northInst,
      institutionName: `Northern Open College ${suffix}`,
      institutionType: 'public_college',
      region: 'northern',
      sectors: ['mining', 'health_care'],
      areasOfFocus: ['robotics'],
      regionsServed: ['northern'],
      status: 'active',
      awardCents: 8_000_000,
      awardedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      startOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      endOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      partners: [{ name: `Boreal Mining Works ${suffix}`, kind: 'employer', sector: 'mining' }],
      microCredentialCount: 2,
    });
    expect(list.body[1]).toMatchObject({ status: 'closed', awardCents: 10_000_000, region: 'southwestern' });

    const show = await get(`/api/public/projects/${ids.northProject}`);
    expect(show.status).toBe(200);
    expect(titles(show.body.microCredentials)).toEqual(['Remote care coordination', 'Underground mine safety leadership']);
    for (const hidden of [ids.pendingProject, ids.rescindedProject]) {
      const res = await get(`/api/public/projects/${hidden}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await get('/api/public/projects/not-a-uuid')).status).toBe(400);

    // The project filters.
    const projectIds = async (filter: object) =>
      (await get(`/api/public/projects?filter=${byFund(filter)}`)).body.map((p: { id: string }) => p.id).sort();
    expect(await projectIds({ region: 'northern' })).toEqual([ids.northProject]);
    expect(await projectIds({ sector: 'digital_technology' })).toEqual([ids.southProject]);
    expect(await projectIds({ institutionId: ids.southInst })).toEqual([ids.southProject]);
    expect(await projectIds({ q: 'boreal mining' })).toEqual([ids.northProject]); // the summary
    expect(await projectIds({ q: 'northern skills' })).toEqual([ids.northProject]);
    expect(await projectIds({ q: `Southwest Open Institute ${suffix}` })).toEqual([ids.southProject]);
    const facets = await get(`/api/public/projects/facets?lang=fr&filter=${byFund({ region: 'northern' })}`);
    expect(facets.body.total).toBe(1);
    expect(facets.body.region).toEqual(
      expect.arrayContaining([
        { value: 'northern', label: 'Nord', count: 1 },
        { value: 'southwestern', label: 'Sud-Ouest', count: 1 },
        { value: 'toronto', label: 'Toronto', count: 0 },
      ]),
    );
    expect(facets.body.sector).toEqual(expect.arrayContaining([{ value: 'mining', label: 'Exploitation minière', count: 1 }]));
    // (the demo's 2021 projects are published too, so other funds may appear)
    expect(facets.body.fundId).toEqual(
      expect.arrayContaining([{ value: fund.id, label: `Fonds d’essai ${fund.code}`, count: 1 }]),
    );
  });

  it('searches the catalogue by each criterion', async () => {
    const all = await catalogue({});
    expect(all.headers['content-range']).toBe('micro-credentials 0-3/4');
    expect(titles(all.body)).toEqual([
      'Digital marketing for tourism',
      'Network security essentials',
      'Remote care coordination',
      'Underground mine safety leadership',
    ]);
    const cases: [object, string[]][] = [
      [{ sector: 'mining' }, [ids.mine]],
      [{ sector: 'hospitality_tourism' }, [ids.tourism]],
      [{ areaOfFocus: 'dementia CARE' }, [ids.care]],
      [{ areaOfFocus: 'Network security' }, [ids.security]],
      [{ institutionId: ids.southInst }, [ids.tourism, ids.security]],
      [{ institutionId: ids.northInst }, [ids.mine, ids.care]],
      [{ region: 'northern' }, [ids.mine, ids.care]],
      [{ region: 'southwestern' }, [ids.tourism, ids.security]],
      [{ region: 'toronto' }, []],
      [{ deliveryMode: 'online' }, [ids.care, ids.security]],
      [{ deliveryMode: 'hybrid' }, [ids.tourism]],
      [{ deliveryMode: 'in_person' }, [ids.mine]],
      [{ osapStatus: 'approved' }, [ids.mine, ids.tourism]],
      [{ osapStatus: 'submitted' }, [ids.care]],
      [{ osapStatus: 'not_submitted' }, [ids.security]],
      [{ osapStatus: 'not_approved' }, []],
      [{ q: 'security' }, [ids.security]],
      [{ q: 'CARE coordination' }, [ids.care]],
      [{ q: 'mine safety' }, [ids.mine]],
      [{ projectId: ids.southProject }, [ids.tourism, ids.security]],
      [{ region: 'southwestern', osapStatus: 'approved' }, [ids.tourism]],
      [{ region: 'northern', deliveryMode: 'online', sector: 'health_care' }, [ids.care]],
    ];
    for (const [filter, expected] of cases) {
      const res = await catalogue(filter);
      expect({ filter, ids: res.body.map((r: { id: string }) => r.id).sort() }).toEqual({ filter, ids: [...expected].sort() });
    }

    const one = all.body.find((r: { id: string }) => r.id === ids.mine);
    expect(one).toEqual({
      id: ids.mine,
      title: 'Underground mine safety leadership',
      sector: 'mining',
      areaOfFocus: 'Mine safety',
      deliveryMode: 'in_person',
      hours: 40,
      plannedLaunchOn: '2022-01-10',
      launchedOn: '2022-01-15',
      osapStatus: 'approved',
      workIntegratedLearning: true,
      stackable: false,
      projectId: ids.northProject,
      projectTitle: `Northern skills ${suffix}`,
      fundId: fund.id,
      fundCode: fund.code,
      institutionId: ids.northInst,
      institutionName: `Northern Open College ${suffix}`,
      institutionType: 'public_college',
      region: 'northern',
    });

    // Paging and sorting follow the list contract.
    const page = await catalogue({}, `&sort=${enc(['hours', 'DESC'])}&range=[1,2]`);
    expect(page.headers['content-range']).toBe('micro-credentials 1-2/4');
    expect(page.body.map((r: { hours: number }) => r.hours)).toEqual([40, 30]);

    // Facets: each criterion counts with the other filters applied, and says its values in the language asked.
    const facets = await get(`/api/public/micro-credentials/facets?lang=fr&filter=${byFund({ region: 'northern' })}`);
    expect(facets.status).toBe(200);
    expect(facets.body.total).toBe(2);
    expect(facets.body.region).toEqual(
      expect.arrayContaining([
        { value: 'northern', label: 'Nord', count: 2 },
        { value: 'southwestern', label: 'Sud-Ouest', count: 2 },
      ]),
    );
    expect(facets.body.osapStatus).toEqual([
      { value: 'not_submitted', label: 'Non soumis au RAFEO', count: 0 },
      { value: 'submitted', label: 'Examen du RAFEO en cours', count: 1 },
      { value: 'approved', label: 'Approuvé pour le RAFEO', count: 1 },
      { value: 'not_approved', label: 'Non approuvé pour le RAFEO', count: 0 },
    ]);
    expect(facets.body.deliveryMode).toEqual([
      { value: 'online', label: 'En ligne', count: 1 },
      { value: 'hybrid', label: 'Hybride', count: 0 },
      { value: 'in_person', label: 'En personne', count: 1 },
    ]);
    expect(facets.body.areaOfFocus).toEqual([
      { value: 'Dementia care', label: 'Dementia care', count: 1 },
      { value: 'Mine safety', label: 'Mine safety', count: 1 },
    ]);
    expect(facets.body.institutionId).toEqual([{ value: ids.northInst, label: `Northern Open College ${suffix}`, count: 2 }]);
    expect(facets.body.sector).toEqual(
      expect.arrayContaining([
        { value: 'mining', label: 'Exploitation minière', count: 1 },
        { value: 'health_care', label: 'Soins de santé', count: 1 },
      ]),
    );
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const cases: [string, string][] = [
      [`/api/public/micro-credentials?filter=${enc({ region: 'atlantis' })}`, 'filter.region'],
      [`/api/public/micro-credentials?filter=${enc({ osapStatus: 'maybe' })}`, 'filter.osapStatus'],
      [`/api/public/micro-credentials?filter=${enc({ deliveryMode: 'pigeon' })}`, 'filter.deliveryMode'],
      [`/api/public/micro-credentials?filter=${enc({ sector: 'piracy' })}`, 'filter.sector'],
      [`/api/public/micro-credentials?filter=${enc({ institutionId: 'x' })}`, 'filter.institutionId'],
      [`/api/public/micro-credentials?filter=${enc({ areaOfFocus: 'x'.repeat(201) })}`, 'filter.areaOfFocus'],
      [`/api/public/micro-credentials?filter=${enc({ enrolled: 3 })}`, 'filter'],
      [`/api/public/micro-credentials?sort=${enc(['enrolled', 'ASC'])}`, 'sort'],
      [`/api/public/micro-credentials?range=[0,5000]`, 'range'],
      ['/api/public/micro-credentials?filter=notjson', 'filter'],
      [`/api/public/micro-credentials/facets?filter=${enc({ region: 'atlantis' })}`, 'filter.region'],
      ['/api/public/micro-credentials/facets?lang=de', 'lang'],
      [`/api/public/projects?filter=${enc({ fundId: 'MCF-2021' })}`, 'filter.fundId'],
      [`/api/public/projects?filter=${enc({ status: 'cancelled' })}`, 'filter'],
      ['/api/public/projects/facets?lang=es', 'lang'],
      ['/api/public/open-data/projects.csv?lang=de', 'lang'],
      [`/api/public/open-data/micro-credentials.json?filter=${enc({ region: 'atlantis' })}`, 'filter.region'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      expect({ url, status: res.status, code: res.body.code, field: res.body.errors?.[0]?.field }).toEqual({
        url,
        status: 400,
        code: 'VALIDATION_FAILED',
        field,
      });
    }
  });

  it('serves CSV (UTF-8 with a BOM, headers and labels in the language asked) and JSON with its schema', async () => {
    const csv = async (url: string) => {
      const res = await get(url)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}-(en|fr)\.csv"$/);
      return res.body as string;
    };
    const fr = await csv(`/api/public/open-data/micro-credentials.csv?lang=fr&filter=${byFund()}&sort=${enc(['title', 'ASC'])}`);
    expect(fr.startsWith('\ufeff')).toBe(true);
    const lines = fr.slice(1).split('\r\n');
    expect(lines[0]).toBe(MICRO_CREDENTIAL_HEADERS.fr);
    expect(lines).toHaveLength(6); // header, four records, the final line break
    expect(lines[1]).toBe(
      [
        ids.tourism,
        'Digital marketing for tourism',
        `Southwest Open Institute ${suffix}`,
        'Collège financé par les fonds publics',
        'Sud-Ouest',
        'Hôtellerie et tourisme',
        'Digital marketing',
        'Hybride',
        '24',
        '2022-01-10',
        '2022-02-01',
        'Approuvé pour le RAFEO',
        'Oui',
        'Non',
        ids.southProject,
        `Southwest digital ${suffix}`,
        fund.code,
      ].join(','),
    );
    const en = await csv(`/api/public/open-data/micro-credentials.csv?filter=${byFund()}`);
    expect(en.slice(1).split('\r\n')[0]).toBe(MICRO_CREDENTIAL_HEADERS.en);
    expect(en).toContain(',Online,');

    const projectsFr = await csv(
      `/api/public/open-data/projects.csv?lang=fr&filter=${byFund()}&sort=${enc(['awardCents', 'ASC'])}`,
    );
    const [header, first] = projectsFr.slice(1).split('\r\n');
    expect(header).toBe(PROJECT_HEADERS.fr);
    expect(first).toContain(',80000.00,');
    expect(first).toContain(`Boreal Mining Works ${suffix} (Employeur, Exploitation minière)`);
    expect(first).toContain(',Nord,Exploitation minière; Soins de santé,');
    expect((await csv('/api/public/open-data/projects.csv')).slice(1).split('\r\n')[0]).toBe(PROJECT_HEADERS.en);

    const json = await get(`/api/public/open-data/micro-credentials.json?lang=fr&filter=${byFund()}`);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toMatchObject({ dataset: 'micro-credentials', lang: 'fr', count: 4 });
    expect(json.body.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(json.body.records[0]));
    expect(json.body.labels.osapStatus).toEqual(expect.arrayContaining([{ code: 'approved', label: 'Approuvé pour le RAFEO' }]));
    const projects = await get(`/api/public/open-data/projects.json?filter=${byFund()}`);
    expect(projects.body.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(projects.body.records[0]));
    expect(projects.body.count).toBe(2);
  });

  it('shows no field outside the allow-list, and nothing of unfunded proposals, drafts, decisions, reviews, partners’ money or people', async () => {
    const seen = new Set<string>();
    const headers = new Set<string>();
    for (const url of publicUrls()) {
      const res = await get(url)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
        });
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      const text = res.body as string;
      for (const [name, marker] of Object.entries(MARKERS)) {
        expect({ url, name, leaked: text.toLowerCase().includes(marker.toLowerCase()) }).toEqual({ url, name, leaked: false });
      }
      expect({ url, leaked: /marker/i.test(text) }).toEqual({ url, leaked: false });
      if (url.includes('.csv')) csvHeaders(text).forEach((h) => headers.add(h));
      else fieldNames(JSON.parse(text), seen);
    }
    // The published data is really there, so the absence of the markers means something.
    const everything = await get(`/api/public/open-data/micro-credentials.json?filter=${byFund()}`);
    expect(everything.body.count).toBe(4);
    expect([...seen].sort()).toEqual([...ALLOWED_FIELDS].sort());
    expect([...headers].sort()).toEqual([...ALLOWED_CSV_HEADERS].sort());
  });

  it('lets browsers and proxies cache the answers (Cache-Control, ETag)', async () => {
    const first = await get(`/api/public/micro-credentials?filter=${byFund()}`);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.etag).toBeTruthy();
    const again = await get(`/api/public/micro-credentials?filter=${byFund()}`).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    const csv = await get('/api/public/open-data/projects.csv');
    expect(csv.headers['cache-control']).toBe('public, max-age=300');
    expect(csv.headers.etag).toBeTruthy();
  });

  it('is read-only: no write route under /api/public', () => {
    const writes = apiRoutes(t.app).filter((r) => r.path.startsWith('/api/public') && r.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('staff still need a token for the projects themselves', async () => {
    for (const url of ['/api/projects', `/api/projects/${ids.northProject}`, '/api/micro-credentials']) {
      expect({ url, status: (await get(url)).status }).toEqual({ url, status: 401 });
    }
  });
});

import { ObjectStorage } from '@cf/storage';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { PDF } from './proposal-fixtures';
import { TestApp } from './test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * A closed fund of its own (so that tests do not see each other's or the demo's reviews), with three
 * criteria on 0-10 weighted 40/30/30, like the 2021 fund.
 */
export async function reviewFund(t: TestApp, settings: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const code = `RV-${randomUUID().slice(0, 8).toUpperCase()}`;
  const [fund] = await t.dataSource.query(
    `INSERT INTO funds (code, name_en, name_fr, envelope_cents, opens_at, closes_at, eligible_institution_types, status)
     VALUES ($1, $2, $3, 1500000000, '2021-03-01T00:00:00Z', '2021-06-26T03:59:59.999Z',
             ARRAY['public_college','public_university','indigenous_institute','private_career_college','private_degree_granting'], 'closed')
     RETURNING id`,
    [code, `Review test fund ${code}`, `Fonds d’essai ${code}`],
  );
  for (const [position, [c, weight]] of (
    [
      ['employer_responsive', 40],
      ['upskilling', 30],
      ['critical_need', 30],
    ] as const
  ).entries()) {
    await t.dataSource.query(
      `INSERT INTO fund_criteria (fund_id, code, position, title_en, title_fr, guidance_en, guidance_fr, weight, scale_min, scale_max)
       VALUES ($1, $2, $3, $4, $5, 'Guidance', 'Conseils', $6, 0, 10)`,
      [fund.id, c, position, `Criterion ${c}`, `Critère ${c}`, weight],
    );
  }
  if (Object.keys(settings).length) {
    const officer = await t.token('officer@example.org');
    const current = await t.http().get(`/api/funds/${fund.id}/review-settings`).set(auth(officer));
    const res = await t
      .http()
      .put(`/api/funds/${fund.id}/review-settings`)
      .set(auth(officer))
      .send({ ...current.body, version: 1, ...settings });
    if (res.status !== 200) throw new Error(`settings: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { id: fund.id, code };
}

/**
 * A submitted proposal screened eligible in the fund, written directly (the submission rules are tested in
 * proposals.e2e-spec.ts): its lead institution (new, named as given), partners by name (created when new),
 * a letter of support stored as an attachment, and the immutable snapshot staff and reviewers read.
 */
export async function eligibleProposal(
  t: TestApp,
  fundId: string,
  opts: { institution?: string; partners?: string[]; sectors?: string[]; regions?: string[]; title?: string } = {},
): Promise<{ id: string; trackingNumber: string; institutionId: string; attachmentId: string }> {
  const q = t.dataSource.query.bind(t.dataSource);
  const [inst] = await q(
    `INSERT INTO institutions (name, type, region, address) VALUES ($1, 'public_college', 'central', '1 Test Rd, Toronto, ON') RETURNING id`,
    [opts.institution ?? `Review College ${randomUUID().slice(0, 8)}`],
  );
  const partnerIds: string[] = [];
  for (const name of opts.partners ?? []) {
    const [found] = await q(`SELECT id FROM partner_organizations WHERE lower(name) = lower($1)`, [name]);
    const [row] = found
      ? [found]
      : await q(
          `INSERT INTO partner_organizations (name, kind, sector, region, size) VALUES ($1, 'employer', 'advanced_manufacturing', 'central', 'large') RETURNING id`,
          [name],
        );
    partnerIds.push(row.id);
  }
  const [applicant] = await q(`SELECT id FROM users WHERE email = 'admin@example.org'`);
  const id = randomUUID();
  const attachmentId = randomUUID();
  const content = {
    title: opts.title ?? `Proposal ${id.slice(0, 8)}`,
    summary: 'A test proposal for the review stage.',
    sectors: opts.sectors ?? ['advanced_manufacturing'],
    areasOfFocus: ['robotics'],
    regionsServed: opts.regions ?? ['central'],
    microCredentials: [],
    partners: partnerIds.map((p) => ({
      id: randomUUID(),
      partnerOrganizationId: p,
      role: 'co_designer',
      cashCents: 0,
      inKindCents: 0,
      hiringIntent: 1,
      placements: 1,
      letterAttachmentId: attachmentId,
    })),
    budget: [],
    narratives: {},
    contacts: [],
  };
  const [{ n }] = await q(`SELECT nextval('proposal_tracking_seq')::text AS n`);
  const [fund] = await q(`SELECT code FROM funds WHERE id = $1`, [fundId]);
  const trackingNumber = `${fund.code}-${String(n).padStart(6, '0')}`;
  await q(
    `INSERT INTO proposals (id, fund_id, institution_id, status, title, summary, sectors, areas_of_focus, regions_served, partners,
                            tracking_number, submitted_version, last_submitted_at, created_by)
     VALUES ($1, $2, $3, 'eligible', $4, $5, $6, $7, $8, $9, $10, 1, '2021-06-25T12:00:00Z', $11)`,
    [
      id,
      fundId,
      inst.id,
      content.title,
      content.summary,
      content.sectors,
      content.areasOfFocus,
      content.regionsServed,
      JSON.stringify(content.partners),
      trackingNumber,
      applicant.id,
    ],
  );
  await q(
    `INSERT INTO proposal_submissions (proposal_id, version, tracking_number, submitted_at, submitted_by, on_time_by, snapshot)
     VALUES ($1, 1, $2, '2021-06-25T12:00:00Z', $3, 'deadline', $4)`,
    [id, trackingNumber, applicant.id, JSON.stringify(content)],
  );
  const storageKey = `attachments/${attachmentId}`;
  await t.app.get(ObjectStorage).put(storageKey, Readable.from(PDF), { contentType: 'application/pdf', maxBytes: 1_000_000 });
  await q(
    `INSERT INTO attachments (id, proposal_id, kind, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
     VALUES ($1, $2, 'letter_of_support', 'letter.pdf', 'application/pdf', $3, 'x', $4, $5, '2021-06-25T11:00:00Z')`,
    [attachmentId, id, PDF.length, storageKey, applicant.id],
  );
  return { id, trackingNumber, institutionId: inst.id, attachmentId };
}

/** A reviewer account in the pool: its user id and token. */
export async function newReviewer(
  t: TestApp,
  opts: {
    name?: string;
    affiliations?: { organizationName: string; startedOn?: string | null; endedOn?: string | null }[];
    maxLoad?: number;
    sectors?: string[];
    regions?: string[];
  } = {},
): Promise<{ id: string; token: string; name: string }> {
  const admin = await t.token('admin@example.org');
  const officer = await t.token('officer@example.org');
  const suffix = randomUUID().slice(0, 8);
  const name = opts.name ?? `Reviewer ${suffix}`;
  const email = `reviewer-${suffix}@example.org`;
  const user = await t
    .http()
    .post('/api/users')
    .set(auth(admin))
    .send({ email, displayName: name, roles: ['reviewer'], preferredLanguage: 'en', password: 'reviewer-password' });
  if (user.status !== 201) throw new Error(`create user: ${user.status} ${JSON.stringify(user.body)}`);
  const res = await t
    .http()
    .post('/api/reviewers')
    .set(auth(officer))
    .send({
      userId: user.body.id,
      maxLoad: opts.maxLoad ?? 20,
      sectors: opts.sectors ?? [],
      regions: opts.regions ?? [],
      affiliations: opts.affiliations ?? [],
    });
  if (res.status !== 201) throw new Error(`create reviewer: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: user.body.id, token: await t.token(email, 'reviewer-password'), name };
}

/** Every criterion scored `s` with a comment, an overall comment and a recommendation. */
export function fullReview(s: number, note = 'Scored against the rubric.') {
  return {
    scores: ['employer_responsive', 'upskilling', 'critical_need'].map((criterionCode) => ({
      criterionCode,
      score: s,
      comment: `${note} (${criterionCode})`,
    })),
    overallComment: `${note} Overall.`,
    recommendation: s >= 6 ? 'fund' : 'do_not_fund',
  };
}

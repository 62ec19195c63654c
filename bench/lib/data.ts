/**
 * The benchmark's data: a fresh PostgreSQL database per run, a fund open now (its deadline in the future) created
 * through the API, one complete draft made through the API as a template, then many more generated from it in SQL
 * (institutions, applicants, drafts with their letter of support), and 100,000 submitted proposals for the reads.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SECTORS } from '../../libs/proposals/src/domain/proposal-content';

export const ADMIN_PG = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `cf_bench_${new Date().toISOString().slice(0, 10).replace(/-/g, '')}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_PG });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_PG);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: ADMIN_PG });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Drops the databases of earlier runs that were interrupted (no one connected). */
export async function dropStaleDatabases(): Promise<void> {
  const c = new Client({ connectionString: ADMIN_PG });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'cf\\_bench\\_%'
          AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)`,
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}"`).catch(() => undefined);
  } finally {
    await c.end();
  }
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** An access token as the API signs them (HS256, issuer, audience), valid two hours: the load needs no sign-in. */
export function mintToken(secret: string, userId: string, roles: string[]): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({ sub: userId, roles, iat: now, exp: now + 7200, iss: 'challenge-fund', aud: 'challenge-fund-api' }),
  );
  const sig = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

/** A one-page PDF, valid enough for the upload's content sniffing. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

async function api(base: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export interface BenchFixture {
  fundId: string;
  fundCode: string;
  readsFundId: string;
  adminToken: string;
  officerToken: string;
  /** The demo password's argon2id hash, reused by the generated applicants. */
  passwordHash: string;
  /** The template draft, complete and ready to submit. */
  template: { proposalId: string; attachmentId: string; institutionId: string };
}

/** Creates the funds and the template draft through the API (the demo seeded: admin, officer, partners). */
export async function prepareFixture(base: string, db: Client, secret: string): Promise<BenchFixture> {
  const [admin] = (await db.query(`SELECT id, roles FROM users WHERE email = 'admin@example.org'`)).rows;
  const [officer] = (await db.query(`SELECT id, roles FROM users WHERE email = 'officer@example.org'`)).rows;
  const [demoApplicant] = (await db.query(`SELECT password_hash FROM users WHERE email = 'applicant@example.org'`)).rows;
  if (!admin || !officer || !demoApplicant) throw new Error('the demo accounts are missing (SEED_DEMO=true on the first start)');
  const adminToken = mintToken(secret, admin.id, admin.roles);
  const officerToken = mintToken(secret, officer.id, officer.roles);

  const [open] = (await db.query(`SELECT id FROM funds WHERE status = 'open' ORDER BY closes_at DESC LIMIT 1`)).rows;
  const demoFund = await api(base, adminToken, 'GET', `/api/funds/${open.id}`);
  const stamp = Date.now().toString(36).toUpperCase();
  const fundBody = (code: string, opensAt: Date, closesAt: Date) => ({
    code,
    nameEn: `Benchmark round ${code}`,
    nameFr: `Ronde d’essai ${code}`,
    envelopeCents: 1_500_000_000,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    eligibleInstitutionTypes: demoFund.eligibleInstitutionTypes,
    submissionsPerInstitution: 1,
    launchEarliest: demoFund.launchEarliest,
    launchLatest: demoFund.launchLatest,
    status: 'open',
    criteria: demoFund.criteria.map((c: Record<string, unknown>) => ({
      code: c.code,
      titleEn: c.titleEn,
      titleFr: c.titleFr,
      guidanceEn: c.guidanceEn,
      guidanceFr: c.guidanceFr,
      weight: c.weight,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
    })),
  });
  const now = Date.now();
  // the deadline in the future: the real clock judges these submissions
  const fund = await api(
    base,
    adminToken,
    'POST',
    '/api/funds',
    fundBody(`BR-${stamp}`, new Date(now - 86_400_000), new Date(now + 6 * 3_600_000)),
  );
  const reads = await api(
    base,
    adminToken,
    'POST',
    '/api/funds',
    fundBody(`BRR-${stamp}`, new Date(now - 30 * 86_400_000), new Date(now + 30 * 86_400_000)),
  );

  // the template: an institution and its applicant, a draft filled through the API like the console does
  const [inst] = (
    await db.query(
      `INSERT INTO institutions (name, type, region, address) VALUES ($1, 'public_college', 'central', '1 Bench Rd') RETURNING id`,
      [`Bench Template College ${stamp}`],
    )
  ).rows;
  const [user] = (
    await db.query(
      `INSERT INTO users (email, display_name, roles, institution_id, password_hash) VALUES ($1, 'Template', '{applicant}', $2, $3) RETURNING id`,
      [`bench-template-${stamp.toLowerCase()}@example.org`, inst.id, demoApplicant.password_hash],
    )
  ).rows;
  const token = mintToken(secret, user.id, ['applicant']);
  const created = await api(base, token, 'POST', '/api/proposals', { fundId: fund.id, title: 'Welding Robotics Upskilling' });
  const form = new FormData();
  form.append('kind', 'letter_of_support');
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'letter.pdf');
  const up = await fetch(`${base}/api/proposals/${created.id}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const letter = (await up.json()) as { id: string };
  const [employer] = (await db.query(`SELECT id FROM partner_organizations WHERE kind = 'employer' ORDER BY name LIMIT 1`)).rows;
  const narrative =
    'Employers co-designed this training after reviewing regional vacancy data; graduates get interviews. '.repeat(2);
  await api(base, token, 'PATCH', `/api/proposals/${created.id}`, {
    version: created.version,
    summary: 'Two stackable micro-credentials in collaborative welding robotics for manufacturing workers in the region.',
    sectors: ['advanced_manufacturing'],
    areasOfFocus: ['robotics'],
    regionsServed: ['central'],
    microCredentials: [
      {
        title: 'Collaborative Robot Programming',
        hours: 40,
        deliveryMode: 'hybrid',
        workIntegratedLearning: true,
        plannedLaunch: demoFund.launchEarliest ?? '2027-01-10',
        expectedEnrolment: 60,
        intendsOsap: true,
        stackable: true,
      },
    ],
    partners: [
      {
        partnerOrganizationId: employer.id,
        role: 'co_designer',
        cashCents: 1_000_000,
        inKindCents: 250_000,
        hiringIntent: 12,
        placements: 10,
        letterAttachmentId: letter.id,
      },
    ],
    budget: [{ category: 'curriculum_development', description: 'Design', requestedCents: 4_000_000, partnerCents: 1_000_000 }],
    narratives: Object.fromEntries(demoFund.criteria.map((c: { code: string }) => [c.code, narrative])),
    contacts: [{ name: 'Pat Lead', email: 'pat@example.org', phone: '416-555-0101', role: 'Lead' }],
  });
  const readiness = await api(base, token, 'GET', `/api/proposals/${created.id}/readiness`);
  if (!readiness.ready) throw new Error(`the template draft is not ready: ${JSON.stringify(readiness.problems)}`);
  return {
    fundId: fund.id,
    fundCode: fund.code,
    readsFundId: reads.id,
    adminToken,
    officerToken,
    passwordHash: demoApplicant.password_hash,
    template: { proposalId: created.id, attachmentId: letter.id, institutionId: inst.id },
  };
}

export interface Draft {
  proposalId: string;
  userId: string;
  token: string;
  version: number;
}

const REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto'];
const TYPES = [
  'public_college',
  'public_university',
  'indigenous_institute',
  'private_career_college',
  'private_degree_granting',
];

/**
 * `count` institutions, each with one applicant and one complete draft copied from the template (its own letter of
 * support row pointing at the template's stored file), in the bench fund. `label` names the set.
 */
export async function generateDrafts(
  db: Client,
  f: BenchFixture,
  secret: string,
  label: string,
  count: number,
): Promise<Draft[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS bench_sets (label text, proposal_id uuid, user_id uuid)`);
  await db.query('BEGIN');
  try {
    await db.query(
      `CREATE TEMP TABLE g ON COMMIT DROP AS
         SELECT i, gen_random_uuid() AS inst_id, gen_random_uuid() AS user_id, gen_random_uuid() AS prop_id,
                gen_random_uuid() AS att_id
           FROM generate_series(1, $1::int) i`,
      [count],
    );
    await db.query(
      `INSERT INTO institutions (id, name, type, region, address)
       SELECT inst_id, 'Bench ' || $1 || ' College ' || i, (ARRAY['public_college','public_university'])[1 + i % 2],
              (ARRAY['central','eastern','northern','southwestern','toronto'])[1 + i % 5], i || ' Bench Rd'
         FROM g`,
      [label],
    );
    await db.query(
      `INSERT INTO users (id, email, display_name, roles, institution_id, password_hash, preferred_language)
       SELECT user_id, 'bench-' || $1 || '-' || i || '@example.org', 'Applicant ' || i, '{applicant}', inst_id, $2,
              CASE WHEN i % 4 = 0 THEN 'fr' ELSE 'en' END
         FROM g`,
      [label.toLowerCase(), f.passwordHash],
    );
    await db.query(
      `INSERT INTO proposals (id, fund_id, institution_id, status, title, summary, sectors, areas_of_focus, regions_served,
                              micro_credentials, partners, budget, narratives, contacts, requested_cents,
                              partner_contribution_cents, created_by, version)
       SELECT g.prop_id, t.fund_id, g.inst_id, 'draft', t.title || ' ' || g.i, t.summary, t.sectors, t.areas_of_focus,
              t.regions_served, t.micro_credentials, jsonb_set(t.partners, '{0,letterAttachmentId}', to_jsonb(g.att_id::text)),
              t.budget, t.narratives, t.contacts, t.requested_cents, t.partner_contribution_cents, g.user_id, 2
         FROM g, proposals t WHERE t.id = $1`,
      [f.template.proposalId],
    );
    await db.query(
      `INSERT INTO attachments (id, proposal_id, kind, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
       SELECT g.att_id, g.prop_id, a.kind, a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key, g.user_id
         FROM g, attachments a WHERE a.id = $1`,
      [f.template.attachmentId],
    );
    await db.query(`INSERT INTO bench_sets (label, proposal_id, user_id) SELECT $1, prop_id, user_id FROM g`, [label]);
    const { rows } = await db.query<{ prop_id: string; user_id: string }>(`SELECT prop_id, user_id FROM g ORDER BY i`);
    await db.query('COMMIT');
    return rows.map((r) => ({
      proposalId: r.prop_id,
      userId: r.user_id,
      token: mintToken(secret, r.user_id, ['applicant']),
      version: 2,
    }));
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}

const WORDS = [
  'welding',
  'robotics',
  'nursing',
  'cybersecurity',
  'logistics',
  'agriculture',
  'mining',
  'forestry',
  'hospitality',
  'construction',
  'electrical',
  'automotive',
  'software',
  'data',
  'accounting',
  'childcare',
  'energy',
  'water',
  'aviation',
  'tourism',
  'retail',
  'manufacturing',
  'pharmacy',
  'dental',
  'culinary',
  'cloud',
  'batteries',
  'transit',
];

/**
 * `count` proposals of the reads fund as staff see them (submitted, then screened and further), spread over 2,000
 * institutions, with varied titles, sectors, regions, amounts and submission instants; then ANALYZE.
 */
export async function generateReadSet(db: Client, f: BenchFixture, count: number): Promise<void> {
  const sectorsList = [...SECTORS];
  await db.query('BEGIN');
  try {
    await db.query(
      `CREATE TEMP TABLE ri ON COMMIT DROP AS
         SELECT n, gen_random_uuid() AS id, (ARRAY[${TYPES.map((t) => `'${t}'`).join(',')}])[1 + n % 5] AS type,
                (ARRAY[${REGIONS.map((r) => `'${r}'`).join(',')}])[1 + (n / 5) % 5] AS region
           FROM generate_series(1, 2000) n`,
    );
    await db.query(
      `INSERT INTO institutions (id, name, type, region, address) SELECT id, 'Reads Institute ' || n, type, region, n || ' Read St' FROM ri`,
    );
    await db.query(
      `INSERT INTO proposals (fund_id, institution_id, status, title, summary, sectors, areas_of_focus, regions_served,
                              micro_credentials, partners, budget, narratives, contacts, requested_cents,
                              partner_contribution_cents, tracking_number, submitted_version, last_submitted_at,
                              created_by, created_at, updated_at, version)
       SELECT $1, ri.id,
              (ARRAY['submitted','submitted','submitted','eligible','eligible','ineligible','in_review','reviewed','recommended','awarded','declined','withdrawn'])[1 + (random() * 11)::int],
              initcap(w1) || ' and ' || w2 || ' skills ' || s.n,
              'A micro-credential in ' || w1 || ' for ' || w2 || ' employers, designed with local industry partners for regional jobs.',
              ARRAY[($3::text[])[1 + s.n % cardinality($3::text[])], ($3::text[])[1 + (s.n / 7) % cardinality($3::text[])]],
              t.areas_of_focus,
              ARRAY[(ARRAY['central','eastern','northern','southwestern','toronto'])[1 + (s.n / 3) % 5]],
              t.micro_credentials, t.partners, t.budget, t.narratives, t.contacts,
              (1000000 + (random() * 29000000)::bigint), t.partner_contribution_cents,
              'BRR-' || lpad(s.n::text, 7, '0'), 1,
              now() - interval '20 days' + (s.n * interval '15 seconds'), t.created_by,
              now() - interval '25 days', now() - interval '20 days' + (random() * interval '20 days'), 3
         FROM generate_series(1, $4::int) s(n)
         CROSS JOIN LATERAL (SELECT $5::text[] AS words) wl
         CROSS JOIN LATERAL (SELECT wl.words[1 + (s.n * 7) % cardinality(wl.words)] AS w1, wl.words[1 + (s.n * 13 / 3) % cardinality(wl.words)] AS w2) ws
         JOIN ri ON ri.n = 1 + s.n % 2000
         JOIN proposals t ON t.id = $2`,
      [f.readsFundId, f.template.proposalId, sectorsList, count, WORDS],
    );
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
  await db.query('ANALYZE');
}

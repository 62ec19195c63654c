import { Clock, instantFromZoned, TORONTO } from '@cf/platform';
import { randomUUID } from 'node:crypto';
import { TestApp } from './test-app';

/** A one-page PDF, valid enough for content sniffing. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

export const T2021 = {
  /** June 25, 2021, 11:59:59.999 p.m. Toronto: the 2021 fund's closing instant. */
  closes: instantFromZoned('2021-06-25T23:59:59.999', TORONTO),
  during: instantFromZoned('2021-06-20T12:00:00.000', TORONTO),
};

export function clockOf(t: TestApp): Clock {
  return t.app.get(Clock);
}

export async function fundId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM funds WHERE code = $1`, [code]);
  if (!row) throw new Error(`no fund ${code}`);
  return row.id;
}

export async function openFundCode(t: TestApp): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT code FROM funds WHERE status = 'open' ORDER BY closes_at DESC LIMIT 1`);
  return row.code;
}

/** A new institution with one applicant account; answers the applicant's token and ids. */
export async function newInstitution(
  t: TestApp,
  type = 'public_college',
  language: 'en' | 'fr' = 'en',
): Promise<{ institutionId: string; userId: string; email: string; token: string }> {
  const suffix = randomUUID().slice(0, 8);
  const [inst] = await t.dataSource.query(
    `INSERT INTO institutions (name, type, region, address) VALUES ($1, $2, 'central', '1 Test Rd, Toronto, ON') RETURNING id`,
    [`Test College ${suffix}`, type],
  );
  const admin = await t.token('admin@example.org');
  const email = `applicant-${suffix}@example.org`;
  const res = await t
    .http()
    .post('/api/users')
    .set('Authorization', `Bearer ${admin}`)
    .send({
      email,
      displayName: `Applicant ${suffix}`,
      roles: ['applicant'],
      institutionId: inst.id,
      preferredLanguage: language,
      password: 'long-enough-password',
    });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
  return { institutionId: inst.id, userId: res.body.id, email, token: await t.token(email, 'long-enough-password') };
}

export async function employerId(t: TestApp): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM partner_organizations WHERE kind = 'employer' ORDER BY name LIMIT 1`);
  return row.id;
}

export async function criteriaCodes(t: TestApp, fund: string): Promise<string[]> {
  const rows = await t.dataSource.query(`SELECT code FROM fund_criteria WHERE fund_id = $1 ORDER BY position`, [fund]);
  return rows.map((r: { code: string }) => r.code);
}

export async function uploadLetter(t: TestApp, token: string, proposalId: string, body = PDF, name = 'letter.pdf') {
  return t
    .http()
    .post(`/api/proposals/${proposalId}/attachments`)
    .set('Authorization', `Bearer ${token}`)
    .field('kind', 'letter_of_support')
    .attach('file', body, name);
}

/** Creates a draft in the fund and fills every section so that it can be submitted. */
export async function completeDraft(
  t: TestApp,
  token: string,
  fund: string,
  opts: { launch?: string } = {},
): Promise<{ id: string; version: number }> {
  const auth = { Authorization: `Bearer ${token}` };
  const created = await t.http().post('/api/proposals').set(auth).send({ fundId: fund, title: 'Welding Robotics Upskilling' });
  if (created.status !== 201) throw new Error(`create proposal: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const letter = await uploadLetter(t, token, id);
  if (letter.status !== 201) throw new Error(`upload: ${letter.status} ${JSON.stringify(letter.body)}`);
  const [fundRow] = await t.dataSource.query(`SELECT launch_earliest::text AS d FROM funds WHERE id = $1`, [fund]);
  const launch = opts.launch ?? fundRow.d ?? '2022-01-10';
  const narrative =
    'Employers co-designed this training after reviewing regional vacancy data; graduates get interviews. '.repeat(2);
  const res = await t
    .http()
    .patch(`/api/proposals/${id}`)
    .set(auth)
    .send({
      version: created.body.version,
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
          plannedLaunch: launch,
          expectedEnrolment: 60,
          intendsOsap: true,
          stackable: true,
        },
      ],
      partners: [
        {
          partnerOrganizationId: await employerId(t),
          role: 'co_designer',
          cashCents: 1_000_000,
          inKindCents: 250_000,
          hiringIntent: 12,
          placements: 10,
          letterAttachmentId: letter.body.id,
        },
      ],
      budget: [{ category: 'curriculum_development', description: 'Design', requestedCents: 4_000_000, partnerCents: 1_000_000 }],
      narratives: Object.fromEntries((await criteriaCodes(t, fund)).map((c) => [c, narrative])),
      contacts: [{ name: 'Pat Lead', email: 'pat@example.org', phone: '416-555-0101', role: 'Lead' }],
    });
  if (res.status !== 200) throw new Error(`fill proposal: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, version: res.body.version };
}

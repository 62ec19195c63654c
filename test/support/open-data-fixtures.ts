import { eligibleProposal } from './review-fixtures';
import { TestApp } from './test-app';

export interface PublishedCredential {
  title: string;
  sector: string;
  area: string;
  mode: 'online' | 'hybrid' | 'in_person';
  hours: number;
  osap: 'not_submitted' | 'submitted' | 'approved' | 'not_approved';
  launchedOn?: string | null;
}

/**
 * A published funded project written directly (the real flow — reviews, four-eyes confirmation, the project made on
 * confirmation — is exercised in open-data.e2e-spec.ts): a confirmed award, its project with a signed agreement,
 * and its micro-credentials. Answers the project's and the credentials' ids.
 */
export async function publishedProject(
  t: TestApp,
  fundId: string,
  opts: {
    title: string;
    institution: string;
    region: string;
    sectors: string[];
    partner: string;
    credentials: PublishedCredential[];
  },
): Promise<{ projectId: string; institutionId: string; credentialIds: string[] }> {
  const p = await eligibleProposal(t, fundId, {
    title: opts.title,
    institution: opts.institution,
    partners: [opts.partner],
    sectors: opts.sectors,
    regions: [opts.region],
  });
  const q = t.dataSource.query.bind(t.dataSource);
  await q(`UPDATE institutions SET region = $2 WHERE id = $1`, [p.institutionId, opts.region]);
  await q(`UPDATE proposals SET status = 'awarded', requested_cents = 20000000 WHERE id = $1`, [p.id]);
  await q(`UPDATE partner_organizations SET kind = 'employer', sector = $2 WHERE lower(name) = lower($1)`, [
    opts.partner,
    opts.sectors[0],
  ]);
  const [officer] = await q(`SELECT id FROM users WHERE email = 'officer@example.org'`);
  const [approver] = await q(`SELECT id FROM users WHERE email = 'approver@example.org'`);
  return t.dataSource.transaction(async (m) => {
    const [decision] = await m.query(
      `INSERT INTO award_decisions (fund_id, proposal_id, kind, amount_cents, requested_cents, rationale, status, recommended_by,
                                    decided_by, decided_at)
       VALUES ($1, $2, 'fund_full', 20000000, 20000000, 'Ranked high.', 'confirmed', $3, $4, now()) RETURNING id`,
      [fundId, p.id, officer.id, approver.id],
    );
    const [project] = await m.query(
      `INSERT INTO projects (award_decision_id, fund_id, proposal_id, institution_id, title, summary, sectors, areas_of_focus,
                             regions_served, award_cents, awarded_at, start_on, end_on, status, agreement_status,
                             agreement_signed_on, agreement_signed_at, agreement_document_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', $8, 20000000, now(), DATE '2022-01-01', DATE '2023-03-31', 'active', 'signed',
               DATE '2021-12-20', now(), 'agreements/test')
       RETURNING id`,
      [decision.id, fundId, p.id, p.institutionId, opts.title, `Training with ${opts.partner}.`, opts.sectors, [opts.region]],
    );
    await m.query(
      `WITH ms AS (INSERT INTO project_milestones (project_id, position, kind, title, due_on)
                   VALUES ($1, 0, 'final_report', 'Final report', DATE '2023-03-31') RETURNING id)
       INSERT INTO project_tranches (project_id, position, milestone_id, basis_points, amount_cents)
       SELECT $1, 0, ms.id, 10000, 20000000 FROM ms`,
      [project.id],
    );
    const credentialIds: string[] = [];
    for (const c of opts.credentials) {
      const [row] = await m.query(
        `INSERT INTO project_micro_credentials (project_id, title, sector, area_of_focus, delivery_mode, hours, planned_launch_on,
                                                launched_on, osap_status, osap_status_on)
         VALUES ($1, $2, $3, $4, $5, $6, DATE '2022-01-10', $7, $8, CASE WHEN $8 <> 'not_submitted' THEN DATE '2022-03-01' END)
         RETURNING id`,
        [project.id, c.title, c.sector, c.area, c.mode, c.hours, c.launchedOn ?? null, c.osap],
      );
      credentialIds.push(row.id);
    }
    return { projectId: project.id, institutionId: p.institutionId, credentialIds };
  });
}

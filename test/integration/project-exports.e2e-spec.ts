import ExcelJS from 'exceljs';
import { call, startTestApp, TestApp } from '../support/test-app';

/**
 * The exports of funded projects, payments and reports (issue 6) on the demo's four funded projects: CSV (UTF-8 with a
 * byte order mark, headers in the language asked) and XLSX (read back with ExcelJS), the same rows as the lists and
 * their filters, an applicant's institution's rows only, 400 naming the bad parameter.
 */

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 4180: quoted fields may hold commas, quotes ("") and line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('project exports (issue 6)', () => {
  let t: TestApp;
  let officer: string;
  let reviewer: string;
  let gbcApplicant: string; // George Brown College
  let boreal: string; // Collège Boréal, prefers French
  let algonquin: string; // Algonquin College
  let fundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.token('officer@example.org');
    reviewer = await t.token('reviewer@example.org');
    gbcApplicant = await t.token('applicant@example.org');
    boreal = await t.token('applicant2@example.org');
    algonquin = await t.token('applicant3@example.org');
    [{ id: fundId }] = await t.dataSource.query(`SELECT id FROM funds WHERE code = 'MCF-2021'`);
  }, 120_000);
  afterAll(() => t?.stop());

  /** The body as bytes, whatever its type. */
  const get = (url: string, token: string) =>
    call(t, 'GET', url)
      .set(bearer(token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** A list's records and its total (Content-Range). */
  async function list(path: string, token: string, filter: object = {}) {
    const res = await call(t, 'GET', `${path}?filter=${enc(filter)}&range=${enc([0, 999])}`).set(bearer(token));
    expect(res.status).toBe(200);
    const total = Number(String(res.headers['content-range']).split('/').pop());
    expect(res.body).toHaveLength(total);
    return { items: res.body as Record<string, any>[], total };
  }

  /** A CSV export: its header row and data rows; checks the BOM, the type and the file name. */
  async function csv(path: string, token: string, query: Record<string, unknown> = {}) {
    const params = new URLSearchParams({ format: 'csv' });
    for (const [k, v] of Object.entries(query)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    const res = await get(`${path}?${params.toString()}`, token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 3).equals(BOM)).toBe(true);
    const text = body.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    for (const r of rows) expect(r).toHaveLength(header.length);
    return { header, rows, col: (name: string) => rows.map((r) => r[header.indexOf(name)]) };
  }

  async function xlsx(path: string, token: string, query: Record<string, unknown> = {}) {
    const params = new URLSearchParams({ format: 'xlsx' });
    for (const [k, v] of Object.entries(query)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    const res = await get(`${path}?${params.toString()}`, token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z]+-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets).toHaveLength(1);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(row);
    });
    const cell = (row: ExcelJS.Row, name: string) => row.getCell(header.indexOf(name) + 1);
    return { sheet, header, rows, cell };
  }

  describe('projects', () => {
    it('CSV: the byte order mark, English headers, one row per project of the list, money as plain decimals', async () => {
      const all = await list('/api/projects', officer);
      expect(all.total).toBeGreaterThanOrEqual(4);
      const file = await csv('/api/projects/export', officer);
      expect(file.header.slice(0, 4)).toEqual(['Tracking number', 'Title', 'Fund', 'Institution']);
      expect(file.header).toEqual(expect.arrayContaining(['Award (CAD)', 'Disbursed (CAD)', 'Remaining (CAD)', 'At risk']));
      expect(file.rows).toHaveLength(all.total);
      // the list's order (awardedAt DESC by default), the same projects
      expect(file.col('Project ID')).toEqual(all.items.map((p) => p.id));
      for (const p of all.items) {
        const row = file.rows[file.col('Project ID').indexOf(p.id)];
        const at = (name: string) => row[file.header.indexOf(name)];
        expect(at('Award (CAD)')).toBe((p.awardCents / 100).toFixed(2));
        expect(at('Disbursed (CAD)')).toBe((p.disbursedCents / 100).toFixed(2));
        expect(at('Remaining (CAD)')).toBe((p.remainingCents / 100).toFixed(2));
        expect(at('Start')).toBe(p.startOn);
        expect(at('Start')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(at('At risk')).toBe(p.atRisk ? 'Yes' : 'No');
        expect(at('Tracking number')).toBe(p.trackingNumber ?? '');
      }
    });

    it('follows the filters and the sort of the list', async () => {
      for (const filter of [
        { fundId },
        { atRisk: true },
        { atRisk: false },
        { status: 'active' },
        { region: 'northern' },
        { q: 'zzz-none' },
      ]) {
        const expected = await list('/api/projects', officer, filter);
        const file = await csv('/api/projects/export', officer, { filter });
        expect({ filter, ids: file.col('Project ID').sort() }).toEqual({ filter, ids: expected.items.map((p) => p.id).sort() });
      }
      const byTitle = await csv('/api/projects/export', officer, { sort: ['title', 'ASC'] });
      const titles = byTitle.col('Title');
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    });

    it('CSV in French with lang=fr: headers and codes in French', async () => {
      const file = await csv('/api/projects/export', officer, { lang: 'fr' });
      expect(file.header.slice(0, 4)).toEqual(['Numéro de suivi', 'Titre', 'Fonds', 'Établissement']);
      expect(file.header).toEqual(expect.arrayContaining(['Financement accordé ($ CA)', 'Montant versé ($ CA)', 'À risque']));
      expect(file.col('Statut')).toContain('En cours');
      expect(file.col('À risque').every((v) => v === 'Oui' || v === 'Non')).toBe(true);
      expect(file.col('Type d’établissement')).toContain('Collège financé par les fonds publics');
    });

    it('defaults to the language the user prefers (Collège Boréal’s applicant reads French)', async () => {
      const file = await csv('/api/projects/export', boreal);
      expect(file.header[0]).toBe('Numéro de suivi');
      const en = await csv('/api/projects/export', boreal, { lang: 'en' });
      expect(en.header[0]).toBe('Tracking number');
    });

    it('XLSX: the sheet, its headers, money as numbers with two decimals, dates as date cells', async () => {
      const all = await list('/api/projects', officer);
      const book = await xlsx('/api/projects/export', officer);
      expect(book.sheet.name).toBe('Projects');
      expect(book.header.slice(0, 4)).toEqual(['Tracking number', 'Title', 'Fund', 'Institution']);
      expect(book.rows).toHaveLength(all.total);
      for (const row of book.rows) {
        const p = all.items.find((x) => x.id === book.cell(row, 'Project ID').value)!;
        expect(p).toBeDefined();
        const award = book.cell(row, 'Award (CAD)');
        expect(typeof award.value).toBe('number');
        expect(award.value).toBeCloseTo(p.awardCents / 100, 2);
        expect(award.numFmt).toBe('#,##0.00');
        expect(book.cell(row, 'Disbursed (CAD)').value).toBeCloseTo(p.disbursedCents / 100, 2);
        const start = book.cell(row, 'Start');
        expect(start.value).toBeInstanceOf(Date);
        expect((start.value as Date).toISOString().slice(0, 10)).toBe(p.startOn);
        expect(start.numFmt).toBe('yyyy-mm-dd');
        expect(book.cell(row, 'Milestones').value).toBe(p.milestonesTotal);
      }
      const fr = await xlsx('/api/projects/export', officer, { lang: 'fr', filter: { atRisk: true } });
      expect(fr.sheet.name).toBe('Projets');
      expect(fr.header[0]).toBe('Numéro de suivi');
      expect(fr.rows).toHaveLength((await list('/api/projects', officer, { atRisk: true })).total);
    });
  });

  describe('payments', () => {
    it('the list across projects, and its CSV and XLSX: the same payments, amounts in dollars', async () => {
      const all = await list('/api/project-payments', officer);
      expect(all.total).toBeGreaterThanOrEqual(5); // the demo: 1 + 2 + 2 tranches paid
      const [{ sum }] = await t.dataSource.query(`SELECT sum(amount_cents)::bigint AS sum FROM project_payments`);
      expect(all.items.reduce((a, p) => a + p.amountCents, 0)).toBe(Number(sum));
      for (const p of all.items) {
        expect(p).toEqual(
          expect.objectContaining({
            projectTitle: expect.any(String),
            institutionName: expect.any(String),
            basisPoints: expect.any(Number),
          }),
        );
      }
      const file = await csv('/api/project-payments/export', officer);
      expect(file.header.slice(0, 3)).toEqual(['Released on', 'Tracking number', 'Project']);
      expect(file.col('Payment ID')).toEqual(all.items.map((p) => p.id));
      expect(file.col('Amount (CAD)')).toEqual(all.items.map((p) => (p.amountCents / 100).toFixed(2)));
      expect(file.col('Released on').every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
      expect(file.col('Share of the award (%)')).toEqual(all.items.map((p) => String(p.basisPoints / 100)));

      const book = await xlsx('/api/project-payments/export', officer, { lang: 'fr' });
      expect(book.sheet.name).toBe('Paiements');
      expect(book.header.slice(0, 3)).toEqual(['Versé le', 'Numéro de suivi', 'Projet']);
      const total = book.rows.reduce((a, r) => a + Math.round(Number(book.cell(r, 'Montant ($ CA)').value) * 100), 0);
      expect(total).toBe(Number(sum));
      expect(book.cell(book.rows[0], 'Montant ($ CA)').numFmt).toBe('#,##0.00');
    });

    it('filters by project, fund and dates', async () => {
      const [p] = (await list('/api/project-payments', officer)).items;
      const byProject = await list('/api/project-payments', officer, { projectId: p.projectId });
      expect(byProject.items.every((x) => x.projectId === p.projectId)).toBe(true);
      expect((await csv('/api/project-payments/export', officer, { filter: { projectId: p.projectId } })).rows).toHaveLength(
        byProject.total,
      );
      expect((await list('/api/project-payments', officer, { fundId })).total).toBeGreaterThan(0);
      expect((await list('/api/project-payments', officer, { releasedTo: '2000-01-01' })).total).toBe(0);
      expect((await csv('/api/project-payments/export', officer, { filter: { releasedTo: '2000-01-01' } })).rows).toEqual([]);
      const bad = await call(t, 'GET', `/api/project-payments?filter=${enc({ releasedFrom: '2026-02-30' })}`).set(
        bearer(officer),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'filter.releasedFrom' })]);
    });
  });

  describe('reports', () => {
    it('CSV and XLSX of the reports list, the overdue filter, spending by budget category', async () => {
      const all = await list('/api/project-reports', officer);
      const overdue = await list('/api/project-reports', officer, { overdue: true });
      expect(overdue.total).toBeGreaterThanOrEqual(1); // Collège Boréal's second interim report
      const file = await csv('/api/project-reports/export', officer);
      expect(file.rows).toHaveLength(all.total);
      expect(file.header).toEqual(
        expect.arrayContaining(['Enrolments', 'Completions', 'Employed or advanced within 6 months', 'Spending total (CAD)']),
      );
      expect(file.header).toContain('Spending: Curriculum development (CAD)');
      const late = await csv('/api/project-reports/export', officer, { filter: { overdue: true } });
      expect(late.col('Report ID').sort()).toEqual(overdue.items.map((r) => r.id).sort());
      expect(new Set(late.col('Overdue'))).toEqual(new Set(['Yes']));
      // a submitted report's figures and spending
      const filed = all.items.find((r) => r.spending.length > 0)!;
      const row = file.rows[file.col('Report ID').indexOf(filed.id)];
      expect(row[file.header.indexOf('Enrolments')]).toBe(String(filed.enrolments));
      expect(row[file.header.indexOf('Spending total (CAD)')]).toBe((filed.spendingTotalCents / 100).toFixed(2));
      expect(row[file.header.indexOf('Tracking number')]).toBe(filed.trackingNumber ?? '');

      const book = await xlsx('/api/project-reports/export', officer, { lang: 'fr', filter: { overdue: true } });
      expect(book.sheet.name).toBe('Rapports');
      expect(book.header).toEqual(expect.arrayContaining(['Inscriptions', 'Achèvements', 'Échéance', 'En retard']));
      expect(book.rows).toHaveLength(overdue.total);
      expect(book.cell(book.rows[0], 'Rapport').value).toMatch(/^Rapport (intermédiaire \d|final)$/);
      expect(book.cell(book.rows[0], 'Échéance').value).toBeInstanceOf(Date);
    });
  });

  describe('who', () => {
    it('an applicant exports their institution’s rows only, even when they ask for another’s', async () => {
      const [{ id: algonquinId }] = await t.dataSource.query(`SELECT id FROM institutions WHERE name = 'Algonquin College'`);
      const [{ id: gbcId }] = await t.dataSource.query(`SELECT id FROM institutions WHERE name = 'George Brown College'`);
      for (const [path, listPath] of [
        ['/api/projects/export', '/api/projects'],
        ['/api/project-payments/export', '/api/project-payments'],
        ['/api/project-reports/export', '/api/project-reports'],
      ]) {
        const own = await list(listPath, algonquin);
        expect(own.total).toBeGreaterThan(0);
        expect(own.items.every((x) => (x.institutionId ?? algonquinId) === algonquinId)).toBe(true);
        const file = await csv(path, algonquin);
        expect(file.rows).toHaveLength(own.total);
        expect(new Set(file.col('Institution'))).toEqual(new Set(['Algonquin College']));
        const other = await csv(path, algonquin, { filter: { institutionId: gbcId } });
        expect(other.rows).toEqual([]);
        const book = await xlsx(path, algonquin);
        expect(book.rows).toHaveLength(own.total);
      }
      // the officer sees George Brown's too
      expect((await csv('/api/projects/export', officer, { filter: { institutionId: gbcId } })).rows.length).toBeGreaterThan(0);
      expect((await csv('/api/projects/export', gbcApplicant)).col('Institution')).toEqual(['George Brown College']);
    });

    it('a reviewer gets 403; no token 401', async () => {
      for (const path of [
        '/api/projects/export',
        '/api/project-payments/export',
        '/api/project-reports/export',
        '/api/project-payments',
      ]) {
        expect((await call(t, 'GET', `${path}?format=csv`).set(bearer(reviewer))).status).toBe(403);
        expect((await call(t, 'GET', `${path}?format=csv`)).status).toBe(401);
      }
    });

    it('a bad format, language or filter answers 400 naming the field', async () => {
      for (const path of ['/api/projects/export', '/api/project-payments/export', '/api/project-reports/export']) {
        for (const [query, field] of [
          ['format=pdf', 'format'],
          ['', 'format'],
          ['format=csv&lang=de', 'lang'],
          [`format=xlsx&filter=${enc({ fundId: 'nope' })}`, 'filter.fundId'],
          [`format=csv&filter=${enc({ nope: 1 })}`, 'filter'],
          [`format=csv&sort=${enc(['nope', 'ASC'])}`, 'sort'],
        ]) {
          const res = await call(t, 'GET', `${path}?${query}`).set(bearer(officer));
          expect({ path, query, status: res.status, code: res.body.code }).toEqual({
            path,
            query,
            status: 400,
            code: 'VALIDATION_FAILED',
          });
          expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        }
      }
      const both = await call(t, 'GET', '/api/projects/export?format=doc&lang=es').set(bearer(officer));
      expect(both.body.errors.map((e: { field: string }) => e.field)).toEqual(['format', 'lang']);
    });
  });
});

import { AuditService } from '@cf/audit';
import { AuthUser, ConflictError, ListQuery, NotFoundError, Page, ValidationFailedError } from '@cf/platform';
import { JobQueue } from '@cf/queue';
import { RankingService } from '@cf/reviews';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AwardsService } from './awards.service';
import {
  ComparableScenario,
  compareScenarios,
  ScenarioCandidate,
  ScenarioComparison,
  ScenarioInputs,
  ScenarioOutcome,
  ScenarioParams,
  scenarioParamProblems,
} from './domain/scenario';
import {
  ApplyScenarioDto,
  ApplyScenarioResultDto,
  CreateScenarioDto,
  ScenarioDto,
  ScenarioParamsDto,
  ScenarioStatus,
} from './dto/scenario.dto';
import { SCENARIO_COMPUTE_JOB, ScenarioComputeJob } from './scenario-compute.processor';

export interface ScenarioFilter {
  fundId?: string;
  status?: ScenarioStatus;
}

interface ScenarioRow {
  id: string;
  fund_id: string;
  name: string;
  params: ScenarioParams;
  inputs: ScenarioInputs;
  status: ScenarioStatus;
  outcome: ScenarioOutcome | null;
  error: string | null;
  version: number;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  computed_at: Date | null;
  applied_at: Date | null;
}

const SELECT = `SELECT s.*, u.display_name AS created_by_name FROM award_scenarios s JOIN users u ON u.id = s.created_by`;

/** Ranked proposals that a scenario may fund: not already awarded or declined by a confirmed decision. */
const CANDIDATE_FACTS = `
  SELECT p.id, p.institution_id, p.status,
         jsonb_array_length(coalesce(s.snapshot->'microCredentials', p.micro_credentials, '[]'::jsonb)) AS micro_credentials,
         (SELECT d.status || ' ' || d.kind FROM award_decisions d
           WHERE d.proposal_id = p.id AND d.status IN ('recommended', 'confirmed')
           ORDER BY d.recommended_at DESC LIMIT 1) AS live
    FROM proposals p
    LEFT JOIN proposal_submissions s ON s.proposal_id = p.id AND s.version = p.submitted_version
   WHERE p.fund_id = $1`;

const FINAL_DECISIONS = ['confirmed fund_full', 'confirmed fund_partial', 'confirmed decline'];

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toDto(r: ScenarioRow): ScenarioDto {
  const byId = new Map(r.inputs.candidates.map((c) => [c.proposalId, c]));
  const o = r.outcome;
  const merits = new Map<string, number>();
  if (o) for (const s of o.selected) merits.set(s.id, s.merit);
  return {
    id: r.id,
    fundId: r.fund_id,
    name: r.name,
    params: r.params as ScenarioParamsDto,
    status: r.status,
    error: r.error,
    version: r.version,
    snapshotAt: r.inputs.takenAt,
    envelopeCents: r.inputs.envelopeCents,
    committedCents: r.inputs.committedCents,
    outcome: o && {
      status: o.status,
      message: o.message ?? null,
      gap: o.gap,
      durationMs: o.durationMs,
      candidates: o.candidates,
      count: o.selected.length,
      totalMerit: o.totalMerit,
      totalCents: o.totalCents,
      microCredentials: o.microCredentials,
      violations: o.violations,
      greedy: o.greedy,
      optimal: o.optimal,
      selected: o.selected
        .map((s) => {
          const c = byId.get(s.id);
          return {
            proposalId: s.id,
            trackingNumber: c?.trackingNumber ?? null,
            title: c?.title ?? '',
            institutionName: c?.institutionName ?? '',
            institutionType: c?.institutionType ?? '',
            region: c?.region ?? '',
            rank: c?.rank ?? 0,
            merit: s.merit,
            percent: s.percent,
            amountCents: s.amountCents,
            requestedCents: c?.requestedCents ?? 0,
            microCredentials: s.microCredentials,
          };
        })
        .sort((a, b) => a.rank - b.rank),
    },
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    computedAt: iso(r.computed_at),
    appliedAt: iso(r.applied_at),
  };
}

/** Defaults made explicit, so a scenario's params say exactly what was solved. */
function normalizeParams(p: ScenarioParamsDto): ScenarioParams {
  const out: ScenarioParams = { objective: p.objective ?? 'merit', method: p.method ?? 'optimal' };
  for (const key of [
    'criterionWeights',
    'cutLine',
    'partial',
    'targetMicroCredentials',
    'minShareByType',
    'maxShareByType',
    'minShareByRegion',
    'maxShareByRegion',
    'shareBasis',
    'maxPerInstitutionCents',
  ] as const) {
    if (p[key] !== undefined && p[key] !== null) (out as unknown as Record<string, unknown>)[key] = p[key];
  }
  if (out.partial) out.partial = { minPercent: out.partial.minPercent, step: out.partial.step };
  return out;
}

/**
 * What-if scenarios (issue 5). Creating or recomputing one takes a snapshot of the fund in the request (one ranking
 * query) and only enqueues the solving (`scenario.compute`), which the worker runs; comparing is read-only; applying
 * turns a scenario's selection into recommendations in one transaction (another person still confirms each).
 */
@Injectable()
export class ScenariosService {
  private readonly logger = new Logger('ScenariosService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ranking: RankingService,
    private readonly awards: AwardsService,
    private readonly queue: JobQueue,
  ) {}

  async list(query: ListQuery<ScenarioFilter & { id?: string[] }>): Promise<Page<ScenarioDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const f = query.filter;
    if (f.id) where.push(`s.id = ANY($${params.push(f.id)}::uuid[])`);
    if (f.fundId) where.push(`s.fund_id = $${params.push(f.fundId)}`);
    if (f.status) where.push(`s.status = $${params.push(f.status)}`);
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const m = this.dataSource.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM (${sql}) x`, params);
    const order = { createdAt: 's.created_at', name: 'lower(s.name)' }[query.sort.field] ?? 's.created_at';
    const rows: ScenarioRow[] = await m.query(
      `${sql} ORDER BY ${order} ${query.sort.order}, s.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { items: rows.map(toDto), total };
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<ScenarioDto> {
    return toDto(await this.row(m, id));
  }

  async create(officer: AuthUser, dto: CreateScenarioDto): Promise<ScenarioDto> {
    const params = normalizeParams(dto.params);
    const created = await this.dataSource.transaction(async (m) => {
      const inputs = await this.snapshot(m, dto.fundId, 'fundId');
      const problems = scenarioParamProblems(params, inputs.criteria);
      if (problems.length) throw new ValidationFailedError(problems);
      await this.assertNameFree(m, dto.fundId, dto.name);
      const [row] = await m.query(
        `INSERT INTO award_scenarios (fund_id, name, params, inputs, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [dto.fundId, dto.name.trim(), JSON.stringify(params), JSON.stringify(inputs), officer.id],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'scenario.create',
        entityType: 'award_scenario',
        entityId: row.id,
        changes: { fundId: dto.fundId, name: dto.name.trim(), params, candidates: inputs.candidates.length },
      });
      return this.get(row.id, m);
    });
    await this.enqueue(created.id, created.version);
    return this.get(created.id);
  }

  /** A new snapshot of the fund (scores, decisions and the ledger may have moved) and a new solve. */
  async recompute(officer: AuthUser, id: string): Promise<ScenarioDto> {
    const updated = await this.dataSource.transaction(async (m) => {
      const s = await this.row(m, id, true);
      const inputs = await this.snapshot(m, s.fund_id, 'id');
      const problems = scenarioParamProblems(s.params, inputs.criteria);
      if (problems.length) throw new ValidationFailedError(problems);
      await m.query(
        `UPDATE award_scenarios SET inputs = $2, status = 'queued', outcome = NULL, error = NULL, computed_at = NULL,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, JSON.stringify(inputs)],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'scenario.recompute',
        entityType: 'award_scenario',
        entityId: id,
        changes: { version: s.version + 1, candidates: inputs.candidates.length },
      });
      return this.get(id, m);
    });
    await this.enqueue(updated.id, updated.version);
    return this.get(updated.id);
  }

  async remove(officer: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const s = await this.row(m, id, true);
      await m.query(`DELETE FROM award_scenarios WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'scenario.delete',
        entityType: 'award_scenario',
        entityId: id,
        changes: { fundId: s.fund_id, name: s.name },
      });
    });
  }

  /** Side by side against the first id (the base): totals, distributions, moves in and out. */
  async compare(ids: string[]): Promise<ScenarioComparison> {
    const rows: ScenarioRow[] = await this.dataSource.query(`${SELECT} WHERE s.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems: { field: string; reason: string }[] = [];
    const comparable: ComparableScenario[] = [];
    ids.forEach((id, i) => {
      const r = byId.get(id);
      if (!r) problems.push({ field: `ids.${i}`, reason: 'is not a scenario' });
      else if (!r.outcome) problems.push({ field: `ids.${i}`, reason: `is ${r.status}, not computed yet` });
      else comparable.push({ id: r.id, name: r.name, inputs: r.inputs, outcome: r.outcome });
    });
    if (new Set(rows.map((r) => r.fund_id)).size > 1) problems.push({ field: 'ids', reason: 'must all be of one fund' });
    if (problems.length) throw new ValidationFailedError(problems);
    return compareScenarios(comparable);
  }

  /**
   * Turns the scenario's selection into recommendations (fund in full, or in part at the scenario's amount), in one
   * transaction. Proposals that meanwhile got a live decision or left the decidable states are skipped and listed;
   * a confirmed waitlist is superseded (promotion). Another person confirms each recommendation, within the envelope.
   */
  async apply(officer: AuthUser, id: string, dto: ApplyScenarioDto): Promise<ApplyScenarioResultDto> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.row(m, id, true);
      if (!s.outcome || (s.outcome.status !== 'optimal' && s.outcome.status !== 'feasible')) {
        throw new ConflictError(
          'SCENARIO_NOT_SOLVED',
          `This scenario is ${s.outcome?.status ?? s.status}: there is nothing to apply`,
          {
            status: s.outcome?.status ?? s.status,
          },
        );
      }
      const ids = s.outcome.selected.map((x) => x.id);
      const facts: { id: string; status: string; live: string | null }[] = await m.query(
        `${CANDIDATE_FACTS} AND p.id = ANY($2::uuid[]) ORDER BY p.id FOR UPDATE OF p`,
        [s.fund_id, ids],
      );
      const factOf = new Map(facts.map((f) => [f.id, f]));
      const recommended: string[] = [];
      const skipped: { proposalId: string; reason: string }[] = [];
      const rank = new Map(s.inputs.candidates.map((c) => [c.proposalId, c.rank]));
      const selection = [...s.outcome.selected].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
      for (const sel of selection) {
        const f = factOf.get(sel.id);
        const live = f?.live ?? null;
        if (!f) skipped.push({ proposalId: sel.id, reason: 'no longer in this fund' });
        else if (live && live !== 'confirmed waitlist')
          skipped.push({ proposalId: sel.id, reason: `already has a ${live} decision` });
        else if (!live && !['reviewed', 'recommended', 'not_recommended'].includes(f.status)) {
          skipped.push({ proposalId: sel.id, reason: `is ${f.status}` });
        } else {
          const partial = sel.percent < 100;
          const decision = await this.awards.recommendWithin(m, officer, {
            proposalId: sel.id,
            kind: partial ? 'fund_partial' : 'fund_full',
            ...(partial ? { amountCents: sel.amountCents, conditions: dto.conditions } : {}),
            rationale: `${dto.rationale.trim()} (scenario “${s.name}”)`,
          });
          recommended.push(decision.id);
        }
      }
      await m.query(`UPDATE award_scenarios SET applied_by = $2, applied_at = now(), updated_at = now() WHERE id = $1`, [
        id,
        officer.id,
      ]);
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'scenario.apply',
        entityType: 'award_scenario',
        entityId: id,
        changes: { version: s.version, recommended, skipped },
      });
      return { recommended, skipped };
    });
  }

  /** The fund as a scenario sees it: envelope, committed, criteria and the ranked candidates. */
  private async snapshot(m: EntityManager, fundId: string, field: string): Promise<ScenarioInputs> {
    const [ledger] = await m.query(`SELECT envelope_cents, committed_cents FROM fund_ledgers WHERE fund_id = $1`, [fundId]);
    if (!ledger) throw new ValidationFailedError([{ field, reason: 'is not a fund' }]);
    const criteria: { code: string; weight: string; scale_min: number; scale_max: number }[] = await m.query(
      `SELECT code, weight, scale_min, scale_max FROM fund_criteria WHERE fund_id = $1 ORDER BY position`,
      [fundId],
    );
    const { items } = await this.ranking.ranking(fundId, {}, { offset: 0, limit: 100_000 }, m);
    const facts: { id: string; institution_id: string; micro_credentials: number; live: string | null }[] = await m.query(
      CANDIDATE_FACTS,
      [fundId],
    );
    const factOf = new Map(facts.map((f) => [f.id, f]));
    const candidates: ScenarioCandidate[] = [];
    for (const r of items) {
      const f = factOf.get(r.proposalId);
      if (!f || r.finalScore === null || r.rawTotal === null) continue;
      if (f.live && FINAL_DECISIONS.includes(f.live)) continue;
      candidates.push({
        proposalId: r.proposalId,
        trackingNumber: r.trackingNumber,
        title: r.title,
        institutionId: f.institution_id,
        institutionName: r.institutionName,
        institutionType: r.institutionType,
        region: r.region,
        requestedCents: r.requestedCents,
        microCredentials: Number(f.micro_credentials),
        rank: r.rank,
        finalScore: r.finalScore,
        rawTotal: r.rawTotal,
        criterionMeans: Object.fromEntries(r.criteria.filter((c) => c.mean !== null).map((c) => [c.code, c.mean as number])),
        liveDecision: f.live,
      });
    }
    return {
      takenAt: new Date().toISOString(),
      envelopeCents: Number(ledger.envelope_cents),
      committedCents: Number(ledger.committed_cents),
      criteria: criteria.map((c) => ({ code: c.code, weight: Number(c.weight), scaleMin: c.scale_min, scaleMax: c.scale_max })),
      candidates,
    };
  }

  private async assertNameFree(m: EntityManager, fundId: string, name: string): Promise<void> {
    const [taken] = await m.query(`SELECT id FROM award_scenarios WHERE fund_id = $1 AND lower(btrim(name)) = lower(btrim($2))`, [
      fundId,
      name,
    ]);
    if (taken)
      throw new ConflictError('SCENARIO_NAME_TAKEN', `This fund already has a scenario named “${name.trim()}”`, {
        scenarioId: taken.id,
      });
  }

  private async row(m: EntityManager, id: string, lock = false): Promise<ScenarioRow> {
    const [row] = await m.query(`${SELECT} WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`, [id]);
    if (!row) throw new NotFoundError('Scenario', id);
    return row;
  }

  /** After the commit: the job carries the id and the version it solves (an older job never overwrites a newer run). */
  private async enqueue(scenarioId: string, version: number): Promise<void> {
    const job: ScenarioComputeJob = { scenarioId, version };
    try {
      await this.queue.enqueue(SCENARIO_COMPUTE_JOB, job, { jobId: `scenario-${scenarioId}-${version}`, attempts: 3 });
    } catch (error) {
      // the row stays queued; "recompute" enqueues it again
      this.logger.warn({ err: error, scenarioId }, 'Could not enqueue the scenario; it stays queued');
    }
  }
}

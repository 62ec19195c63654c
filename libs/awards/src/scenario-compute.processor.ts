import { JobHandler, JobProcessor } from '@cf/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScenarioInputs, ScenarioParams, solveScenario } from './domain/scenario';

export const SCENARIO_COMPUTE_JOB = 'scenario.compute';

export interface ScenarioComputeJob {
  scenarioId: string;
  version: number;
}

/** Solver time limit: past it, the best portfolio found is kept with its gap. */
const TIME_LIMIT_SECONDS = 20;

/**
 * Solves one scenario version. Idempotent: it claims the row only while that version is not solved yet, and writes
 * the outcome only if the version is still current (a recompute meanwhile makes this run's outcome obsolete).
 * Solving is deterministic, so a failure is recorded on the scenario rather than retried.
 */
@Injectable()
@JobProcessor(SCENARIO_COMPUTE_JOB)
export class ScenarioComputeProcessor implements JobHandler<ScenarioComputeJob> {
  private readonly logger = new Logger('ScenarioComputeProcessor');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle({ scenarioId, version }: ScenarioComputeJob): Promise<void> {
    const [claimed]: [{ params: ScenarioParams; inputs: ScenarioInputs }[], number] = await this.dataSource.query(
      `UPDATE award_scenarios SET status = 'running', updated_at = now()
        WHERE id = $1 AND version = $2 AND status <> 'done' RETURNING params, inputs`,
      [scenarioId, version],
    );
    if (!claimed.length) return;
    const { params, inputs } = claimed[0];
    let outcome: unknown = null;
    let error: string | null = null;
    try {
      outcome = await solveScenario(inputs, params, { timeLimitSeconds: TIME_LIMIT_SECONDS });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      this.logger.warn({ err: e, scenarioId, version }, 'Scenario could not be solved');
    }
    await this.dataSource.query(
      `UPDATE award_scenarios SET status = $3, outcome = $4, error = $5, computed_at = now(), updated_at = now()
        WHERE id = $1 AND version = $2`,
      [scenarioId, version, error ? 'failed' : 'done', error ? null : JSON.stringify(outcome), error],
    );
  }
}

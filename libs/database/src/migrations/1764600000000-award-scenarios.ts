import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What-if scenarios of the awards (issue 5): named choices (params), the frozen snapshot of the fund they were solved
 * on (inputs), and the solver's outcome. `version` grows at each recompute, so a job of an older version never
 * overwrites a newer outcome.
 */
export class AwardScenarios1764600000000 implements MigrationInterface {
  name = 'AwardScenarios1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_scenarios (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        params jsonb NOT NULL,
        inputs jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        outcome jsonb,
        error text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        computed_at timestamptz,
        applied_by uuid REFERENCES users(id),
        applied_at timestamptz,
        CHECK ((status = 'done') = (outcome IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX award_scenarios_fund_name ON award_scenarios (fund_id, lower(btrim(name)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_scenarios`);
  }
}

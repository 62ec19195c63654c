import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review stage: the reviewer pool with affiliations, per-fund review settings, assignments, declared
 * conflicts, reviews scored per criterion, and moderated (consensus) scores.
 */
export class Reviews1764300000000 implements MigrationInterface {
  name = 'Reviews1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reviewers (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        max_load integer NOT NULL CHECK (max_load BETWEEN 0 AND 10000),
        sectors text[] NOT NULL DEFAULT '{}',
        regions text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE reviewer_affiliations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reviewer_id uuid NOT NULL REFERENCES reviewers(user_id) ON DELETE CASCADE,
        position integer NOT NULL,
        organization_name text NOT NULL CHECK (length(btrim(organization_name)) > 0),
        started_on date,
        ended_on date,
        CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
      )`);
    await q.query(`CREATE INDEX reviewer_affiliations_reviewer_idx ON reviewer_affiliations (reviewer_id, position)`);

    await q.query(`
      CREATE TABLE fund_review_settings (
        fund_id uuid PRIMARY KEY REFERENCES funds(id) ON DELETE CASCADE,
        reviewers_per_proposal integer NOT NULL DEFAULT 3 CHECK (reviewers_per_proposal BETWEEN 1 AND 10),
        conflict_lookback_years integer NOT NULL DEFAULT 2 CHECK (conflict_lookback_years BETWEEN 0 AND 20),
        review_days integer NOT NULL DEFAULT 14 CHECK (review_days BETWEEN 1 AND 365),
        reminder_days_before integer NOT NULL DEFAULT 2 CHECK (reminder_days_before BETWEEN 0 AND 60),
        disagreement_threshold numeric(5,2) NOT NULL DEFAULT 25 CHECK (disagreement_threshold > 0 AND disagreement_threshold <= 100),
        min_reviews_to_normalize integer NOT NULL DEFAULT 3 CHECK (min_reviews_to_normalize BETWEEN 2 AND 1000),
        peer_scores_after_submit boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);

    await q.query(`
      CREATE TABLE review_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        reviewer_id uuid NOT NULL REFERENCES reviewers(user_id),
        source text NOT NULL CHECK (source IN ('auto','manual')),
        due_at timestamptz NOT NULL,
        assigned_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        reminded_at timestamptz,
        removed_at timestamptz,
        removed_by uuid REFERENCES users(id),
        removed_reason text
      )`);
    // One active assignment per (proposal, reviewer): the database refuses a double assignment under any concurrency.
    await q.query(
      `CREATE UNIQUE INDEX review_assignments_active_key ON review_assignments (proposal_id, reviewer_id) WHERE removed_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX review_assignments_fund_idx ON review_assignments (fund_id, reviewer_id) WHERE removed_at IS NULL`,
    );
    await q.query(`CREATE INDEX review_assignments_due_idx ON review_assignments (due_at) WHERE removed_at IS NULL`);

    await q.query(`
      CREATE TABLE review_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        reviewer_id uuid NOT NULL REFERENCES reviewers(user_id),
        source text NOT NULL CHECK (source IN ('reviewer','officer')),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (proposal_id, reviewer_id)
      )`);

    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL UNIQUE REFERENCES review_assignments(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        reviewer_id uuid NOT NULL REFERENCES reviewers(user_id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted')),
        overall_comment text NOT NULL DEFAULT '',
        recommendation text CHECK (recommendation IN ('fund','fund_with_conditions','do_not_fund')),
        submitted_at timestamptz,
        reopened_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX reviews_fund_idx ON reviews (fund_id, status, reviewer_id)`);
    await q.query(`CREATE INDEX reviews_proposal_idx ON reviews (proposal_id)`);
    await q.query(`
      CREATE TABLE review_scores (
        review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        criterion_id uuid NOT NULL REFERENCES fund_criteria(id),
        score integer,
        comment text NOT NULL DEFAULT '',
        PRIMARY KEY (review_id, criterion_id)
      )`);

    await q.query(`
      CREATE TABLE review_moderations (
        proposal_id uuid PRIMARY KEY REFERENCES proposals(id),
        consensus_score numeric(5,2) NOT NULL CHECK (consensus_score BETWEEN 0 AND 100),
        rationale text NOT NULL CHECK (length(btrim(rationale)) > 0),
        moderated_by uuid NOT NULL REFERENCES users(id),
        moderated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_moderations`);
    await q.query(`DROP TABLE review_scores`);
    await q.query(`DROP TABLE reviews`);
    await q.query(`DROP TABLE review_conflicts`);
    await q.query(`DROP TABLE review_assignments`);
    await q.query(`DROP TABLE fund_review_settings`);
    await q.query(`DROP TABLE reviewer_affiliations`);
    await q.query(`DROP TABLE reviewers`);
  }
}

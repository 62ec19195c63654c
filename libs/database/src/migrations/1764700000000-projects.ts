import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funded projects (issue 6): a confirmed award becomes a project with its agreement, milestones, payment tranches
 * tied to milestones, payments, interim and final reports, and the funded micro-credentials. The database holds the
 * money rules itself: a project's disbursed amount never exceeds its award (CHECK, moved only by a conditional
 * update), its tranches sum to the award (a constraint trigger checked at commit), a tranche is paid once (UNIQUE),
 * payments are never changed or deleted, and a cancelled project has paid nothing.
 */
export class Projects1764700000000 implements MigrationInterface {
  name = 'Projects1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_decision_id uuid NOT NULL UNIQUE REFERENCES award_decisions(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        tracking_number text,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        sectors text[] NOT NULL DEFAULT '{}',
        areas_of_focus text[] NOT NULL DEFAULT '{}',
        regions_served text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'agreement_pending' CHECK (status IN ('agreement_pending','active','closed','cancelled')),
        award_cents bigint NOT NULL CHECK (award_cents > 0),
        disbursed_cents bigint NOT NULL DEFAULT 0,
        awarded_at timestamptz NOT NULL,
        start_on date NOT NULL,
        end_on date NOT NULL,
        agreement_status text NOT NULL DEFAULT 'draft' CHECK (agreement_status IN ('draft','sent','signed')),
        agreement_sent_at timestamptz,
        agreement_sent_by uuid REFERENCES users(id),
        agreement_signed_on date,
        agreement_signed_at timestamptz,
        agreement_signed_by uuid REFERENCES users(id),
        agreement_document_key text,
        agreement_document_name text,
        agreement_document_type text,
        agreement_document_size bigint,
        agreement_document_sha256 text,
        agreement_document_uploaded_at timestamptz,
        agreement_document_uploaded_by uuid REFERENCES users(id),
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancel_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT projects_disbursed_within_award CHECK (disbursed_cents >= 0 AND disbursed_cents <= award_cents),
        CONSTRAINT projects_cancelled_unpaid CHECK (status <> 'cancelled' OR disbursed_cents = 0),
        CONSTRAINT projects_dates CHECK (end_on >= start_on),
        CONSTRAINT projects_signed CHECK (
          (agreement_status = 'signed') = (agreement_signed_on IS NOT NULL) AND
          (agreement_status <> 'signed' OR agreement_document_key IS NOT NULL)),
        CONSTRAINT projects_running_signed CHECK (status NOT IN ('active','closed') OR agreement_status = 'signed')
      )`);
    // One running project per proposal (a rescinded award's project is cancelled; a new award makes a new one).
    await q.query(`CREATE UNIQUE INDEX projects_live_proposal_key ON projects (proposal_id) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX projects_fund_idx ON projects (fund_id, status)`);
    await q.query(`CREATE INDEX projects_institution_idx ON projects (institution_id, status)`);
    await q.query(`CREATE INDEX projects_sectors_idx ON projects USING gin (sectors)`);

    await q.query(`
      CREATE TABLE project_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        kind text NOT NULL CHECK (kind IN ('agreement_signed','micro_credential_launched','enrolment_open','final_report','other')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        deliverable text NOT NULL DEFAULT '',
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','accepted','returned')),
        delivered_at timestamptz,
        delivered_by uuid REFERENCES users(id),
        delivery_note text,
        evidence_url text,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        review_comment text,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (project_id, position),
        CONSTRAINT project_milestones_reviewed CHECK (status NOT IN ('accepted','returned') OR reviewed_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX project_milestones_due_idx ON project_milestones (due_on) WHERE status <> 'accepted'`);

    await q.query(`
      CREATE TABLE project_tranches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        milestone_id uuid NOT NULL REFERENCES project_milestones(id),
        basis_points integer NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','released')),
        released_at timestamptz,
        released_by uuid REFERENCES users(id),
        UNIQUE (project_id, position),
        CONSTRAINT project_tranches_released CHECK ((status = 'released') = (released_at IS NOT NULL))
      )`);
    // The tranches of a project sum to its award, checked when the transaction commits (all rows are in by then).
    await q.query(`
      CREATE FUNCTION project_tranches_sum_award() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pid uuid := coalesce(NEW.project_id, OLD.project_id);
        award bigint;
        total bigint;
      BEGIN
        SELECT award_cents INTO award FROM projects WHERE id = pid;
        IF award IS NULL THEN RETURN NULL; END IF;
        SELECT coalesce(sum(amount_cents), 0) INTO total FROM project_tranches WHERE project_id = pid;
        IF total <> award THEN
          RAISE EXCEPTION 'project_tranches_sum_award: the tranches of project % sum to % cents, not the award of % cents', pid, total, award
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER project_tranches_sum_award AFTER INSERT OR UPDATE OF amount_cents, project_id OR DELETE ON project_tranches
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION project_tranches_sum_award()`);

    await q.query(`
      CREATE TABLE project_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        tranche_id uuid NOT NULL UNIQUE REFERENCES project_tranches(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        released_by uuid NOT NULL REFERENCES users(id),
        released_at timestamptz NOT NULL,
        note text
      )`);
    await q.query(`CREATE INDEX project_payments_project_idx ON project_payments (project_id, released_at)`);
    await q.query(`CREATE INDEX project_payments_fund_idx ON project_payments (fund_id, released_at)`);
    await q.query(`
      CREATE FUNCTION project_payments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'project_payments is append-only: a payment is never changed or deleted';
      END $$`);
    await q.query(`
      CREATE TRIGGER project_payments_immutable BEFORE UPDATE OR DELETE ON project_payments
      FOR EACH ROW EXECUTE FUNCTION project_payments_immutable()`);

    await q.query(`
      CREATE TABLE project_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        kind text NOT NULL CHECK (kind IN ('interim','final')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','draft','submitted','accepted','returned')),
        enrolments integer CHECK (enrolments >= 0),
        completions integer CHECK (completions >= 0),
        employed_or_advanced integer CHECK (employed_or_advanced >= 0),
        employer_partners integer CHECK (employer_partners >= 0),
        narrative text NOT NULL DEFAULT '',
        saved_at timestamptz,
        saved_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        submitted_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        review_comment text,
        reminded_at timestamptz,
        overdue_notified_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (project_id, position),
        CONSTRAINT project_reports_submitted CHECK (status NOT IN ('submitted','accepted') OR submitted_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX project_reports_one_final ON project_reports (project_id) WHERE kind = 'final'`);
    await q.query(
      `CREATE INDEX project_reports_open_due_idx ON project_reports (due_on) WHERE status IN ('not_started','draft','returned')`,
    );
    await q.query(`
      CREATE TABLE project_report_spending (
        report_id uuid NOT NULL REFERENCES project_reports(id) ON DELETE CASCADE,
        category text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        PRIMARY KEY (report_id, category)
      )`);

    await q.query(`
      CREATE TABLE project_micro_credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        proposal_item_id text,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        sector text NOT NULL,
        area_of_focus text NOT NULL DEFAULT '',
        delivery_mode text NOT NULL CHECK (delivery_mode IN ('online','in_person','hybrid')),
        hours integer NOT NULL CHECK (hours >= 0),
        planned_launch_on date,
        launched_on date,
        osap_status text NOT NULL DEFAULT 'not_submitted' CHECK (osap_status IN ('not_submitted','submitted','approved','not_approved')),
        osap_status_on date,
        expected_enrolment integer NOT NULL DEFAULT 0 CHECK (expected_enrolment >= 0),
        enrolled integer NOT NULL DEFAULT 0 CHECK (enrolled >= 0),
        completed integer NOT NULL DEFAULT 0,
        work_integrated_learning boolean NOT NULL DEFAULT false,
        stackable boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_micro_credentials_completed CHECK (completed >= 0 AND completed <= enrolled)
      )`);
    await q.query(`CREATE INDEX project_micro_credentials_project_idx ON project_micro_credentials (project_id)`);
    await q.query(`CREATE INDEX project_micro_credentials_sector_idx ON project_micro_credentials (sector, osap_status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_micro_credentials`);
    await q.query(`DROP TABLE project_report_spending`);
    await q.query(`DROP TABLE project_reports`);
    await q.query(`DROP TABLE project_payments`);
    await q.query(`DROP FUNCTION project_payments_immutable()`);
    await q.query(`DROP TABLE project_tranches`);
    await q.query(`DROP FUNCTION project_tranches_sum_award()`);
    await q.query(`DROP TABLE project_milestones`);
    await q.query(`DROP TABLE projects`);
  }
}

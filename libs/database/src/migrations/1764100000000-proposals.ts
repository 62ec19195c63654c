import { MigrationInterface, QueryRunner } from 'typeorm';

/** Funds and criteria, partner organizations, proposals with submissions, extensions, attachments, the outbox. */
export class Proposals1764100000000 implements MigrationInterface {
  name = 'Proposals1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE funds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,30}$'),
        name_en text NOT NULL,
        name_fr text NOT NULL,
        description_en text NOT NULL DEFAULT '',
        description_fr text NOT NULL DEFAULT '',
        envelope_cents bigint NOT NULL CHECK (envelope_cents > 0),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        time_zone text NOT NULL DEFAULT 'America/Toronto',
        eligible_institution_types text[] NOT NULL CHECK (cardinality(eligible_institution_types) > 0),
        cap_single_cents bigint NOT NULL DEFAULT 5000000 CHECK (cap_single_cents > 0),
        cap_stack_cents bigint NOT NULL DEFAULT 30000000 CHECK (cap_stack_cents > 0),
        stack_min_credentials integer NOT NULL DEFAULT 5 CHECK (stack_min_credentials >= 2),
        submissions_per_institution integer NOT NULL DEFAULT 1 CHECK (submissions_per_institution >= 1),
        target_credentials integer NOT NULL DEFAULT 250 CHECK (target_credentials >= 1),
        launch_earliest date,
        launch_latest date,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed','archived')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (closes_at > opens_at),
        CHECK (launch_latest IS NULL OR launch_earliest IS NULL OR launch_latest >= launch_earliest)
      )`);
    await q.query(`CREATE UNIQUE INDEX funds_code_key ON funds (code)`);

    await q.query(`
      CREATE TABLE fund_criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
        code text NOT NULL,
        position integer NOT NULL,
        title_en text NOT NULL,
        title_fr text NOT NULL,
        guidance_en text NOT NULL DEFAULT '',
        guidance_fr text NOT NULL DEFAULT '',
        weight numeric(7,3) NOT NULL CHECK (weight > 0),
        scale_min integer NOT NULL,
        scale_max integer NOT NULL,
        CHECK (scale_max > scale_min),
        UNIQUE (fund_id, code)
      )`);

    await q.query(`
      CREATE TABLE partner_organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('employer','industry_association','training_provider','community_organization')),
        sector text NOT NULL,
        region text NOT NULL CHECK (region IN ('central','eastern','northern','southwestern','toronto','outside_ontario')),
        size text NOT NULL CHECK (size IN ('micro','small','medium','large')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX partner_organizations_name_key ON partner_organizations (lower(name))`);

    await q.query(`CREATE SEQUENCE proposal_tracking_seq`);
    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','eligible','ineligible','in_review','reviewed','recommended','not_recommended','awarded','declined','withdrawn')),
        title text NOT NULL DEFAULT '',
        summary text NOT NULL DEFAULT '',
        sectors text[] NOT NULL DEFAULT '{}',
        areas_of_focus text[] NOT NULL DEFAULT '{}',
        regions_served text[] NOT NULL DEFAULT '{}',
        micro_credentials jsonb NOT NULL DEFAULT '[]',
        partners jsonb NOT NULL DEFAULT '[]',
        budget jsonb NOT NULL DEFAULT '[]',
        narratives jsonb NOT NULL DEFAULT '{}',
        contacts jsonb NOT NULL DEFAULT '[]',
        requested_cents bigint NOT NULL DEFAULT 0 CHECK (requested_cents >= 0),
        partner_contribution_cents bigint NOT NULL DEFAULT 0 CHECK (partner_contribution_cents >= 0),
        tracking_number text,
        submitted_version integer NOT NULL DEFAULT 0,
        last_submitted_at timestamptz,
        has_unsubmitted_changes boolean NOT NULL DEFAULT false,
        screening_reasons text,
        screened_by uuid REFERENCES users(id),
        screened_at timestamptz,
        withdrawn_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(tracking_number, ''))) STORED
      )`);
    await q.query(`CREATE UNIQUE INDEX proposals_tracking_number_key ON proposals (tracking_number)`);
    await q.query(`CREATE INDEX proposals_fund_status_idx ON proposals (fund_id, status)`);
    await q.query(`CREATE INDEX proposals_institution_idx ON proposals (institution_id, fund_id)`);
    await q.query(`CREATE INDEX proposals_updated_idx ON proposals (updated_at DESC, id)`);
    await q.query(`CREATE INDEX proposals_search_idx ON proposals USING gin (search)`);
    await q.query(`CREATE INDEX proposals_sectors_idx ON proposals USING gin (sectors)`);
    await q.query(`CREATE INDEX proposals_regions_idx ON proposals USING gin (regions_served)`);

    await q.query(`
      CREATE TABLE proposal_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        version integer NOT NULL CHECK (version >= 1),
        tracking_number text NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by uuid NOT NULL REFERENCES users(id),
        on_time_by text NOT NULL CHECK (on_time_by IN ('deadline','extension')),
        idempotency_key text,
        snapshot jsonb NOT NULL,
        UNIQUE (proposal_id, version)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX proposal_submissions_idempotency_key ON proposal_submissions (proposal_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER proposal_submissions_immutable BEFORE UPDATE OR DELETE ON proposal_submissions
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE proposal_extensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        until timestamptz NOT NULL,
        reason text NOT NULL CHECK (length(reason) > 0),
        granted_by uuid NOT NULL REFERENCES users(id),
        granted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX proposal_extensions_proposal_idx ON proposal_extensions (proposal_id, granted_at DESC)`);

    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        kind text NOT NULL CHECK (kind IN ('letter_of_support','budget','other')),
        partner_item_id uuid,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX attachments_proposal_idx ON attachments (proposal_id) WHERE deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        delivered_at timestamptz,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE delivered_at IS NULL`);

    await q.query(`
      CREATE TABLE fund_reminders (
        fund_id uuid NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
        kind text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fund_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fund_reminders`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP TABLE proposal_extensions`);
    await q.query(`DROP TABLE proposal_submissions`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`DROP TABLE proposals`);
    await q.query(`DROP SEQUENCE proposal_tracking_seq`);
    await q.query(`DROP TABLE partner_organizations`);
    await q.query(`DROP TABLE fund_criteria`);
    await q.query(`DROP TABLE funds`);
  }
}

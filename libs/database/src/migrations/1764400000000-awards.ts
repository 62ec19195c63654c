import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Awards: the envelope ledger of each fund and the funding decisions (an officer recommends, another person
 * confirms or returns). The database itself holds the two money rules: committed never exceeds the envelope
 * (CHECK on one row, moved only by conditional updates), and the approver is never the recommender (CHECK).
 */
export class Awards1764400000000 implements MigrationInterface {
  name = 'Awards1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fund_ledgers (
        fund_id uuid PRIMARY KEY REFERENCES funds(id) ON DELETE CASCADE,
        envelope_cents bigint NOT NULL CHECK (envelope_cents > 0),
        committed_cents bigint NOT NULL DEFAULT 0,
        disbursed_cents bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fund_ledgers_committed_within_envelope CHECK (committed_cents >= 0 AND committed_cents <= envelope_cents),
        CONSTRAINT fund_ledgers_disbursed_within_committed CHECK (disbursed_cents >= 0 AND disbursed_cents <= committed_cents)
      )`);
    await q.query(`INSERT INTO fund_ledgers (fund_id, envelope_cents) SELECT id, envelope_cents FROM funds`);
    // The ledger follows the fund's envelope; lowering it below what is committed fails (the CHECK above).
    await q.query(`
      CREATE FUNCTION sync_fund_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO fund_ledgers (fund_id, envelope_cents) VALUES (NEW.id, NEW.envelope_cents);
        ELSIF NEW.envelope_cents IS DISTINCT FROM OLD.envelope_cents THEN
          UPDATE fund_ledgers SET envelope_cents = NEW.envelope_cents, updated_at = now() WHERE fund_id = NEW.id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER funds_sync_ledger AFTER INSERT OR UPDATE OF envelope_cents ON funds
      FOR EACH ROW EXECUTE FUNCTION sync_fund_ledger()`);

    await q.query(`
      CREATE TABLE award_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        kind text NOT NULL CHECK (kind IN ('fund_full','fund_partial','waitlist','decline')),
        amount_cents bigint NOT NULL DEFAULT 0,
        requested_cents bigint NOT NULL CHECK (requested_cents >= 0),
        conditions text NOT NULL DEFAULT '',
        rationale text NOT NULL CHECK (length(btrim(rationale)) > 0),
        status text NOT NULL DEFAULT 'recommended' CHECK (status IN ('recommended','confirmed','returned','rescinded','superseded')),
        recommended_by uuid NOT NULL REFERENCES users(id),
        recommended_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        rescinded_by uuid REFERENCES users(id),
        rescinded_at timestamptz,
        rescind_reason text,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT award_decisions_amount CHECK (
          CASE WHEN kind IN ('fund_full','fund_partial') THEN amount_cents > 0 AND amount_cents <= requested_cents ELSE amount_cents = 0 END),
        CONSTRAINT award_decisions_four_eyes CHECK (decided_by IS NULL OR decided_by <> recommended_by),
        CONSTRAINT award_decisions_decided CHECK ((status IN ('confirmed','returned','rescinded')) = (decided_by IS NOT NULL) OR status = 'superseded')
      )`);
    // At most one live decision (recommended or confirmed) per proposal.
    await q.query(
      `CREATE UNIQUE INDEX award_decisions_live_key ON award_decisions (proposal_id) WHERE status IN ('recommended','confirmed')`,
    );
    await q.query(`CREATE INDEX award_decisions_fund_idx ON award_decisions (fund_id, status, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_decisions`);
    await q.query(`DROP TRIGGER funds_sync_ledger ON funds`);
    await q.query(`DROP FUNCTION sync_fund_ledger()`);
    await q.query(`DROP TABLE fund_ledgers`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox delivery: when a row is next due for (re)dispatch, a short lease while one sender works
 * on it, and an optional key that makes an enqueue idempotent (the same reminder twice is one mail).
 */
export class OutboxDelivery1764200000000 implements MigrationInterface {
  name = 'OutboxDelivery1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE outbox ADD COLUMN locked_until timestamptz`);
    await q.query(`ALTER TABLE outbox ADD COLUMN dedupe_key text`);
    await q.query(`CREATE UNIQUE INDEX outbox_dedupe_key ON outbox (topic, dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await q.query(`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE delivered_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_due_idx`);
    await q.query(`DROP INDEX outbox_dedupe_key`);
    await q.query(`ALTER TABLE outbox DROP COLUMN dedupe_key`);
    await q.query(`ALTER TABLE outbox DROP COLUMN locked_until`);
    await q.query(`ALTER TABLE outbox DROP COLUMN next_attempt_at`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds an outbox row's lease: the job id (`<row id>-<attempt>`). A retry of the same job (BullMQ runs a job
 * again once the worker that held it was killed, or after a failure) takes its own lease back at once, instead of
 * waiting for it to expire; any other job still waits (issue 7, the fault suite).
 */
export class OutboxLeaseHolder1764800000000 implements MigrationInterface {
  name = 'OutboxLeaseHolder1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN locked_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN locked_by`);
  }
}

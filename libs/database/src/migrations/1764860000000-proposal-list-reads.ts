import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads of the proposal list over many proposals (issue 7). A working copy carries its content as JSON (about 2 kB a
 * row), so counting or sorting the list read 2 kB per proposal: TOAST now moves the large values out of the row
 * once it passes 128 bytes (new and updated rows; the list's columns stay in the row, 40 to 60 bytes a row). Indexes
 * serve the list's descending sorts by amount and by submission, and the default sort (updated_at DESC, id) is now
 * matched by the query (it no longer asks NULLS LAST of a column that is never null).
 */
export class ProposalListReads1764860000000 implements MigrationInterface {
  name = 'ProposalListReads1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE proposals SET (toast_tuple_target = 128)`);
    await q.query(`CREATE INDEX proposals_requested_idx ON proposals (requested_cents DESC, id)`);
    await q.query(`CREATE INDEX proposals_last_submitted_idx ON proposals (last_submitted_at DESC NULLS LAST, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX proposals_last_submitted_idx`);
    await q.query(`DROP INDEX proposals_requested_idx`);
    await q.query(`ALTER TABLE proposals RESET (toast_tuple_target)`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proposal list's columns stay in the row (issue 7). With the row's large values moved out by TOAST
 * (1764860000000), PostgreSQL moved out the list's own columns too (the search vector, the arrays the filters read, the
 * title), so a filtered count fetched them back from TOAST row by row (760,000 buffer reads to count 100,000 proposals
 * by a search word). `STORAGE MAIN` keeps them in the row unless it could not fit in a page; the JSON content still
 * goes out.
 */
export class ProposalListColumnsInline1764870000000 implements MigrationInterface {
  name = 'ProposalListColumnsInline1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE proposals
        ALTER COLUMN title SET STORAGE MAIN,
        ALTER COLUMN tracking_number SET STORAGE MAIN,
        ALTER COLUMN search SET STORAGE MAIN,
        ALTER COLUMN sectors SET STORAGE MAIN,
        ALTER COLUMN areas_of_focus SET STORAGE MAIN,
        ALTER COLUMN regions_served SET STORAGE MAIN`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE proposals
        ALTER COLUMN title SET STORAGE EXTENDED,
        ALTER COLUMN tracking_number SET STORAGE EXTENDED,
        ALTER COLUMN search SET STORAGE EXTENDED,
        ALTER COLUMN sectors SET STORAGE EXTENDED,
        ALTER COLUMN areas_of_focus SET STORAGE EXTENDED,
        ALTER COLUMN regions_served SET STORAGE EXTENDED`);
  }
}

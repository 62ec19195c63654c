import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decision letters: one PDF per confirmed decision and language, rendered by the `letter.generate` job (asked for
 * through the outbox, topic `letter`, in the confirmation's transaction), kept in the object store. A row is
 * `pending` until its PDF is stored, `failed` with the error when rendering or storing failed (the job retries);
 * `emailed_at` is when the mail to the applicant was written to the outbox (once per decision).
 */
export class DecisionLetters1764500000000 implements MigrationInterface {
  name = 'DecisionLetters1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES award_decisions(id),
        language text NOT NULL CHECK (language IN ('en','fr')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','generated','failed')),
        storage_key text,
        byte_size integer CHECK (byte_size > 0),
        sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        generated_at timestamptz,
        emailed_at timestamptz,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decision_letters_decision_language_key UNIQUE (decision_id, language),
        CONSTRAINT decision_letters_generated CHECK (
          status <> 'generated' OR (storage_key IS NOT NULL AND byte_size IS NOT NULL AND sha256 IS NOT NULL AND generated_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_letters`);
  }
}

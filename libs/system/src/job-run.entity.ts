import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A diagnostic job: proves end to end that the queue and a processor run. */
@Entity({ name: 'job_runs' })
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  status: 'queued' | 'done';

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ name: 'processed_by', type: 'text', nullable: true })
  processedBy: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;
}

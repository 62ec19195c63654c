import { JobContext, JobHandler, JobProcessor } from '@cf/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const PING_JOB = 'system.ping';

/** Marks the run done once; a retry or a duplicate delivery changes nothing. */
@Injectable()
@JobProcessor(PING_JOB)
export class PingProcessor implements JobHandler<{ runId: string }> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(data: { runId: string }, job: JobContext): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_runs SET status = 'done', processed_at = now(), processed_by = $2, attempts = $3
        WHERE id = $1 AND status = 'queued'`,
      [data.runId, job.runner, job.attempt],
    );
  }
}

import { AuthUser, CurrentUser, NotFoundError, Roles } from '@cf/platform';
import { JobQueue } from '@cf/queue';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobRunEntity } from './job-run.entity';
import { PING_JOB } from './ping.processor';

export class JobRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ enum: ['queued', 'done'] }) status: string;
  @ApiProperty({ enum: ['bullmq', 'in-process'] }) queueMode: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) processedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'worker or in-process' }) processedBy: string | null;
}

/** Operations self-check: an admin enqueues a ping job and watches a processor complete it. */
@ApiTags('system')
@ApiBearerAuth()
@Roles('admin')
@Controller('system/jobs')
export class SystemController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  @Post('ping')
  @HttpCode(202)
  async ping(@CurrentUser() user: AuthUser): Promise<JobRunDto> {
    const run = await this.dataSource
      .getRepository(JobRunEntity)
      .save({ kind: PING_JOB, status: 'queued', requestedBy: user.id });
    await this.queue.enqueue(PING_JOB, { runId: run.id }, { jobId: run.id });
    return this.toDto(await this.dataSource.getRepository(JobRunEntity).findOneByOrFail({ id: run.id }));
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<JobRunDto> {
    const run = await this.dataSource.getRepository(JobRunEntity).findOneBy({ id });
    if (!run) throw new NotFoundError('Job run', id);
    return this.toDto(run);
  }

  private toDto(r: JobRunEntity): JobRunDto {
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      queueMode: this.queue.mode,
      requestedAt: r.requestedAt.toISOString(),
      processedAt: r.processedAt?.toISOString() ?? null,
      processedBy: r.processedBy,
    };
  }
}

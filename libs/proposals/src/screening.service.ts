import { AuditService } from '@cf/audit';
import { AuthUser, Clock, ConflictError, formatZoned, ValidationFailedError } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { applicantWindow } from './domain/deadline-policy';
import { ExtensionDto, GrantExtensionDto, ProposalDto, ScreenDto } from './dto/proposal.dto';
import { ProposalAccess } from './proposal-access';
import { ExtensionEntity, ProposalEntity } from './proposal.entity';
import { deadlineContext, ProposalContextLoader, toExtensionDto, toProposalDto } from './proposal-view';

/** The program officer's acts on a proposal: screening for eligibility, and deadline extensions. */
@Injectable()
export class ScreeningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProposalAccess,
    private readonly contexts: ProposalContextLoader,
    private readonly clock: Clock,
  ) {}

  /**
   * Eligible or ineligible, with reasons. Only once the applicant can no longer change the
   * proposal (its deadline, extension included, has passed), so the screened version is final.
   * A screening may be revised until review starts.
   */
  async screen(officer: AuthUser, id: string, dto: ScreenDto, receivedAt: Date): Promise<ProposalDto> {
    const reasons = dto.reasons?.trim() ?? '';
    if (dto.outcome === 'ineligible' && !reasons) {
      throw new ValidationFailedError([{ field: 'reasons', reason: 'give the reasons a proposal is ineligible' }]);
    }
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.lockAny(m, id);
      if (!['submitted', 'eligible', 'ineligible'].includes(p.status)) {
        throw new ConflictError('NOT_SCREENABLE', `A ${p.status} proposal cannot be screened`, { status: p.status });
      }
      const ctx = await this.contexts.loadOne(m, p);
      const window = applicantWindow(deadlineContext(ctx), receivedAt);
      if (window.open) {
        throw new ConflictError(
          'STILL_OPEN',
          `The applicant can still change this proposal until ${formatZoned(window.until, ctx.timeZone)}; screen it after that`,
          { until: window.until.toISOString() },
        );
      }
      const before = { status: p.status, screeningReasons: p.screeningReasons };
      Object.assign(p, {
        status: dto.outcome,
        screeningReasons: reasons || null,
        screenedBy: officer.id,
        screenedAt: receivedAt,
        version: p.version + 1,
      });
      const saved = await m.getRepository(ProposalEntity).save(p);
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'proposal.screen',
        entityType: 'proposal',
        entityId: p.id,
        changes: {
          status: { from: before.status, to: dto.outcome },
          screeningReasons: { from: before.screeningReasons, to: saved.screeningReasons },
          submittedVersion: p.submittedVersion,
        },
      });
      return toProposalDto(saved, ctx, this.clock.now());
    });
  }

  /** Moves one proposal's deadline to an instant after the fund's, with a reason. The latest grant counts. */
  async grantExtension(officer: AuthUser, id: string, dto: GrantExtensionDto): Promise<ExtensionDto> {
    const until = new Date(dto.until);
    if (Number.isNaN(until.getTime())) throw new ValidationFailedError([{ field: 'until', reason: 'is not a valid instant' }]);
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.lockAny(m, id);
      if (p.status !== 'draft' && p.status !== 'submitted') {
        throw new ConflictError('NOT_EXTENDABLE', `A ${p.status} proposal cannot get an extension`, { status: p.status });
      }
      const ctx = await this.contexts.loadOne(m, p);
      if (until.getTime() <= ctx.closesAt.getTime()) {
        throw new ValidationFailedError([
          { field: 'until', reason: `must be after the fund's deadline (${formatZoned(ctx.closesAt, ctx.timeZone)})` },
        ]);
      }
      const saved = await m.getRepository(ExtensionEntity).save(
        m.create(ExtensionEntity, {
          proposalId: p.id,
          until,
          reason: dto.reason.trim(),
          grantedBy: officer.id,
          grantedAt: this.clock.now(),
        }),
      );
      await m.getRepository(ProposalEntity).update({ id: p.id }, { version: p.version + 1 });
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'proposal.extension.grant',
        entityType: 'proposal',
        entityId: p.id,
        changes: {
          extensionUntil: { from: ctx.extensionUntil?.toISOString() ?? null, to: until.toISOString() },
          reason: saved.reason,
        },
      });
      return toExtensionDto(saved, ctx.timeZone);
    });
  }
}

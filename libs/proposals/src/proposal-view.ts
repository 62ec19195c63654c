import { formatZoned } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { applicantWindow, DeadlineContext, effectiveDeadline } from './domain/deadline-policy';
import { ProposalContent } from './domain/proposal-content';
import { DeadlineDto, ExtensionDto, ProposalDto, ReceiptDto } from './dto/proposal.dto';
import { ExtensionEntity, ProposalEntity, SubmissionEntity } from './proposal.entity';

/** What a proposal's answer needs beyond its own row: its fund's intake, its institution, its extension. */
export interface ProposalContext {
  fundCode: string;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  institutionName: string;
  institutionType: string;
  institutionRegion: string;
  extensionUntil: Date | null;
}

/** Loads the contexts of many proposals in three queries (no N+1). */
@Injectable()
export class ProposalContextLoader {
  async load(m: EntityManager, proposals: Pick<ProposalEntity, 'id' | 'fundId' | 'institutionId'>[]) {
    const out = new Map<string, ProposalContext>();
    if (!proposals.length) return out;
    if (proposals.length === 1) return out.set(proposals[0].id, await this.loadOne(m, proposals[0]));
    const fundIds = [...new Set(proposals.map((p) => p.fundId))];
    const institutionIds = [...new Set(proposals.map((p) => p.institutionId))];
    // One after the other: inside a transaction the manager has a single connection.
    const funds = await m.query(`SELECT id, code, opens_at, closes_at, time_zone FROM funds WHERE id = ANY($1::uuid[])`, [
      fundIds,
    ]);
    const institutions = await m.query(`SELECT id, name, type, region FROM institutions WHERE id = ANY($1::uuid[])`, [
      institutionIds,
    ]);
    const extensions = await m.query(
      `SELECT DISTINCT ON (proposal_id) proposal_id, until FROM proposal_extensions
        WHERE proposal_id = ANY($1::uuid[]) ORDER BY proposal_id, granted_at DESC, id`,
      [proposals.map((p) => p.id)],
    );
    const fundBy = new Map<string, { code: string; opens_at: Date; closes_at: Date; time_zone: string }>(
      funds.map((f: { id: string }) => [f.id, f]),
    );
    const instBy = new Map<string, { name: string; type: string; region: string }>(
      institutions.map((i: { id: string }) => [i.id, i]),
    );
    const extBy = new Map<string, Date>(extensions.map((e: { proposal_id: string; until: Date }) => [e.proposal_id, e.until]));
    for (const p of proposals) {
      const f = fundBy.get(p.fundId)!;
      const i = instBy.get(p.institutionId)!;
      out.set(p.id, {
        fundCode: f.code,
        opensAt: new Date(f.opens_at),
        closesAt: new Date(f.closes_at),
        timeZone: f.time_zone,
        institutionName: i.name,
        institutionType: i.type,
        institutionRegion: i.region,
        extensionUntil: extBy.has(p.id) ? new Date(extBy.get(p.id)!) : null,
      });
    }
    return out;
  }

  /** One proposal's context in one query (a request's hot path: one round trip instead of three). */
  async loadOne(m: EntityManager, p: Pick<ProposalEntity, 'id' | 'fundId' | 'institutionId'>): Promise<ProposalContext> {
    const [r]: {
      code: string;
      opens_at: Date;
      closes_at: Date;
      time_zone: string;
      name: string;
      type: string;
      region: string;
      until: Date | null;
    }[] = await m.query(
      `SELECT f.code, f.opens_at, f.closes_at, f.time_zone, i.name, i.type, i.region,
              (SELECT e.until FROM proposal_extensions e WHERE e.proposal_id = $1 ORDER BY e.granted_at DESC, e.id LIMIT 1) AS until
         FROM funds f, institutions i WHERE f.id = $2 AND i.id = $3`,
      [p.id, p.fundId, p.institutionId],
    );
    return {
      fundCode: r.code,
      opensAt: new Date(r.opens_at),
      closesAt: new Date(r.closes_at),
      timeZone: r.time_zone,
      institutionName: r.name,
      institutionType: r.type,
      institutionRegion: r.region,
      extensionUntil: r.until ? new Date(r.until) : null,
    };
  }
}

export function deadlineContext(ctx: ProposalContext): DeadlineContext {
  return { opensAt: ctx.opensAt, closesAt: ctx.closesAt, extensionUntil: ctx.extensionUntil };
}

export function toDeadlineDto(ctx: ProposalContext, now: Date): DeadlineDto {
  const d = deadlineContext(ctx);
  const eff = effectiveDeadline(d);
  return {
    closesAt: ctx.closesAt.toISOString(),
    extensionUntil: ctx.extensionUntil?.toISOString() ?? null,
    effectiveDeadline: eff.toISOString(),
    effectiveDeadlineLocal: formatZoned(eff, ctx.timeZone),
    open: applicantWindow(d, now).open,
    serverTime: now.toISOString(),
  };
}

export function contentOf(p: ProposalEntity): ProposalContent {
  return {
    title: p.title,
    summary: p.summary,
    sectors: p.sectors,
    areasOfFocus: p.areasOfFocus,
    regionsServed: p.regionsServed,
    microCredentials: p.microCredentials,
    partners: p.partners,
    budget: p.budget,
    narratives: p.narratives,
    contacts: p.contacts,
  };
}

export function toProposalDto(p: ProposalEntity, ctx: ProposalContext, now: Date): ProposalDto {
  return {
    id: p.id,
    fundId: p.fundId,
    fundCode: ctx.fundCode,
    institutionId: p.institutionId,
    institutionName: ctx.institutionName,
    status: p.status,
    ...contentOf(p),
    requestedCents: p.requestedCents,
    partnerContributionCents: p.partnerContributionCents,
    trackingNumber: p.trackingNumber,
    submittedVersion: p.submittedVersion,
    lastSubmittedAt: p.lastSubmittedAt?.toISOString() ?? null,
    hasUnsubmittedChanges: p.hasUnsubmittedChanges,
    screeningReasons: p.screeningReasons,
    screenedAt: p.screenedAt?.toISOString() ?? null,
    withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
    deadline: toDeadlineDto(ctx, now),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export function toReceiptDto(s: SubmissionEntity, timeZone: string): ReceiptDto {
  return {
    proposalId: s.proposalId,
    trackingNumber: s.trackingNumber,
    version: s.version,
    submittedAt: s.submittedAt.toISOString(),
    submittedAtLocal: formatZoned(s.submittedAt, timeZone),
    onTimeBy: s.onTimeBy,
  };
}

export function toExtensionDto(e: ExtensionEntity, timeZone: string): ExtensionDto {
  return {
    id: e.id,
    proposalId: e.proposalId,
    until: e.until.toISOString(),
    untilLocal: formatZoned(e.until, timeZone),
    reason: e.reason,
    grantedBy: e.grantedBy,
    grantedAt: e.grantedAt.toISOString(),
  };
}

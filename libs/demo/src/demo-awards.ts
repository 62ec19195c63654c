import { AwardsService } from '@cf/awards';
import { RankingService } from '@cf/reviews';
import { Injectable, Logger } from '@nestjs/common';
import { demoActor } from './demo-actor';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Decisions on the 2021 fund, through the awards service (four eyes, ledger, audit): down the ranking of the
 * reviewed proposals, a full award and a partial one with conditions (confirmed by the approver), a confirmed
 * waitlist, and a recommendation awaiting the approver. Runs once: skipped when the fund has decisions.
 */
@Injectable()
export class DemoAwardsSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly awards: AwardsService,
    private readonly ranking: RankingService,
  ) {}

  async seed(fundCode: string): Promise<void> {
    const [fund] = await this.dataSource.query(`SELECT id FROM funds WHERE code = $1`, [fundCode]);
    if (!fund) return;
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM award_decisions WHERE fund_id = $1`, [fund.id]);
    if (n > 0) return;
    const officer = await demoActor(this.dataSource, 'officer@example.org');
    const approver = await demoActor(this.dataSource, 'approver@example.org');
    const rows = (await this.ranking.ranking(fund.id, {}, { offset: 0, limit: 100 })).items;
    const [{ statuses }] = await this.dataSource.query(
      `SELECT json_object_agg(id, status) AS statuses FROM proposals WHERE fund_id = $1`,
      [fund.id],
    );
    const reviewed = rows.filter((r) => statuses[r.proposalId] === 'reviewed');
    const plan = [
      { kind: 'fund_full' as const, confirm: true, rationale: 'Ranked first; strong employer commitments and regional need.' },
      {
        kind: 'fund_partial' as const,
        confirm: true,
        share: 0.8,
        conditions: 'Reduce the marketing line; report enrolment each term.',
        rationale: 'Fundable, but the marketing budget is out of proportion to the expected enrolment.',
      },
      {
        kind: 'waitlist' as const,
        confirm: true,
        rationale: 'Sound proposal below the funding line; fund if money is released.',
      },
      { kind: 'fund_full' as const, confirm: false, rationale: 'Recommended after moderation; awaiting the approver.' },
    ];
    let written = 0;
    for (const [i, r] of reviewed.slice(0, plan.length).entries()) {
      const step = plan[i];
      const amountCents = 'share' in step ? Math.floor(r.requestedCents * (step.share ?? 1)) : undefined;
      const decision = await this.awards.recommend(officer, {
        proposalId: r.proposalId,
        kind: step.kind,
        amountCents,
        conditions: 'conditions' in step ? step.conditions : undefined,
        rationale: step.rationale,
      });
      if (step.confirm) await this.awards.confirm(approver, decision.id, 'Confirmed: within the envelope and the criteria.');
      written++;
    }
    this.logger.log(`Demo awards: ${written} decisions on ${fundCode}`);
  }
}

import { PasswordHasher, UserEntity } from '@cf/identity';
import { AuthUser, ConflictError, DomainError } from '@cf/platform';
import { AssignmentsService, Recommendation, ReviewersService, ReviewsService } from '@cf/reviews';
import { Injectable, Logger } from '@nestjs/common';
import { demoActor } from './demo-actor';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from './demo-data';

/** The demo's reviewer pool: some affiliations conflict with 2021 proposals (a lead institution, partners). */
export const DEMO_REVIEWERS: {
  email: string;
  displayName: string;
  language: 'en' | 'fr';
  sectors: string[];
  regions: string[];
  affiliations: { organizationName: string; startedOn: string | null; endedOn: string | null }[];
  /** How much harsher (−) or more lenient (+) than the panel this reviewer scores, in rubric points. */
  bias: number;
}[] = [
  {
    email: 'reviewer@example.org',
    displayName: 'Rita Reviewer',
    language: 'en',
    sectors: ['health_care', 'social_services'],
    regions: ['toronto', 'central'],
    // Near-match spelling of a partner of two 2021 proposals ("Sinai Health"): conflicted on both.
    affiliations: [{ organizationName: 'SINAI HEALTH', startedOn: '2016-04-01', endedOn: null }],
    bias: 0,
  },
  {
    email: 'reviewer2@example.org',
    displayName: 'Rémi Réviseur',
    language: 'fr',
    sectors: ['construction_trades', 'mining'],
    regions: ['northern'],
    // Left the lead institution of a 2021 proposal last year: still within the two-year look-back.
    affiliations: [{ organizationName: 'College Boreal', startedOn: '2012-08-15', endedOn: '2025-06-30' }],
    bias: -2,
  },
  {
    email: 'reviewer3@example.org',
    displayName: 'Grace Lindqvist',
    language: 'en',
    sectors: ['energy_environment', 'advanced_manufacturing'],
    regions: ['eastern', 'northern'],
    affiliations: [{ organizationName: 'Hydro One Networks', startedOn: '2018-01-01', endedOn: null }],
    bias: 0,
  },
  {
    email: 'reviewer4@example.org',
    displayName: 'Daniel Okafor',
    language: 'en',
    sectors: ['agriculture_food', 'hospitality_tourism'],
    regions: ['southwestern', 'central'],
    // Ended long ago: no conflict.
    affiliations: [{ organizationName: 'Maple Leaf Foods Ltd.', startedOn: '2005-01-01', endedOn: '2018-12-31' }],
    bias: 1,
  },
  {
    email: 'reviewer5@example.org',
    displayName: 'Sophie Tremblay',
    language: 'fr',
    sectors: ['digital_technology', 'finance_insurance'],
    regions: ['eastern', 'toronto'],
    affiliations: [],
    bias: 0,
  },
  {
    email: 'reviewer6@example.org',
    displayName: 'Marcus Bell',
    language: 'en',
    sectors: ['transportation_logistics', 'health_care'],
    regions: ['central', 'southwestern'],
    affiliations: [],
    bias: 0,
  },
];

/** Rubric points each reviewed 2021 proposal deserves, in tracking-number order (quality differs). */
const QUALITY = [8, 6, 7, 5, 9];

/**
 * Reviews for the 2021 fund, written through the review services (so every rule and audit record applies):
 * the pool, three reviewers on each of the first five eligible proposals (conflicted reviewers are refused and
 * the next one is taken), submitted reviews with a harsh reviewer and one strong disagreement, a draft and an
 * untouched assignment for the progress board. The last eligible proposal is left unassigned for the demo of
 * auto-assignment. Runs once: skipped when the pool is not empty.
 */
@Injectable()
export class DemoReviewsSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly reviewers: ReviewersService,
    private readonly assignments: AssignmentsService,
    private readonly reviews: ReviewsService,
  ) {}

  async seed(fundCode: string): Promise<void> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM reviewers`);
    if (n > 0) return;
    const [fund] = await this.dataSource.query(`SELECT id FROM funds WHERE code = $1`, [fundCode]);
    if (!fund) return;
    const officer = await demoActor(this.dataSource, 'officer@example.org');
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const pool: (AuthUser & { bias: number })[] = [];
    for (const r of DEMO_REVIEWERS) {
      const users = this.dataSource.getRepository(UserEntity);
      if (!(await users.existsBy({ email: r.email }))) {
        await users.insert({
          email: r.email,
          displayName: r.displayName,
          roles: ['reviewer'],
          institutionId: null,
          preferredLanguage: r.language,
          isActive: true,
          passwordHash,
        });
      }
      const user = await demoActor(this.dataSource, r.email);
      await this.reviewers.create(officer, {
        userId: user.id,
        maxLoad: 6,
        sectors: r.sectors,
        regions: r.regions,
        affiliations: r.affiliations,
      });
      pool.push({ ...user, bias: r.bias });
    }

    const proposals: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM proposals WHERE fund_id = $1 AND status = 'eligible' ORDER BY tracking_number`,
      [fund.id],
    );
    const reviewed = proposals.slice(0, Math.min(QUALITY.length, proposals.length - 1));
    let next = 0;
    let written = 0;
    for (const [i, p] of reviewed.entries()) {
      const panel: (AuthUser & { bias: number })[] = [];
      for (let tries = 0; panel.length < 3 && tries < pool.length; tries++) {
        const candidate = pool[next++ % pool.length];
        try {
          const a = await this.assignments.create(officer, { proposalId: p.id, reviewerId: candidate.id });
          panel.push(candidate);
          // The last proposal keeps one untouched assignment and one draft, for the progress board.
          if (i === reviewed.length - 1 && panel.length === 3) continue;
          const points = (j: number) => Math.max(0, Math.min(10, QUALITY[i] + candidate.bias + ((j + panel.length) % 3) - 1));
          // One strong disagreement: on the second proposal, its first reviewer saw much more in it.
          const lift = i === 1 && panel.length === 1 ? 3 : 0;
          const scores = ['employer_responsive', 'upskilling', 'critical_need'].map((criterionCode, j) => ({
            criterionCode,
            score: Math.min(10, points(j) + lift),
            comment: COMMENTS[criterionCode][points(j) + lift >= 7 ? 0 : 1],
          }));
          const mean = scores.reduce((s, x) => s + (x.score ?? 0), 0) / scores.length;
          const recommendation: Recommendation = mean >= 7 ? 'fund' : mean >= 5 ? 'fund_with_conditions' : 'do_not_fund';
          await this.reviews.save(candidate, a.id, {
            scores,
            overallComment:
              mean >= 7
                ? 'A strong, well-evidenced partnership; the employers commit to hiring.'
                : 'Promising, but the employer commitments and the evidence of need are thin.',
            recommendation,
          });
          if (i === reviewed.length - 1 && panel.length === 2) continue; // a draft
          await this.reviews.submit(candidate, a.id, new Date());
          written++;
        } catch (error) {
          if (error instanceof ConflictError && ['CONFLICT_OF_INTEREST', 'MAX_LOAD', 'ALREADY_ASSIGNED'].includes(error.code))
            continue;
          if (error instanceof DomainError) throw new Error(`Demo reviews: ${error.code} ${error.message}`, { cause: error });
          throw error;
        }
      }
    }
    this.logger.log(
      `Demo reviews: ${pool.length} reviewers, ${reviewed.length} proposals under review, ${written} reviews submitted`,
    );
  }
}

const COMMENTS: Record<string, [string, string]> = {
  employer_responsive: [
    'Employers co-designed the curriculum and commit to interviews and hires in the region.',
    'Employer involvement is described, but there are few concrete hiring commitments.',
  ],
  upskilling: [
    'Evening and online delivery fits working learners; employers recognize the credential.',
    'It is unclear how current employees would fit this schedule around their jobs.',
  ],
  critical_need: [
    'The community need is documented with recent regional labour market data.',
    'The need is asserted more than shown; the evidence is dated.',
  ],
};

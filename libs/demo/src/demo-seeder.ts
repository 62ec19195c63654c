import { FundCriterionEntity, FundEntity } from '@cf/funds';
import { PasswordHasher, UserEntity } from '@cf/identity';
import { InstitutionEntity } from '@cf/institutions';
import { Clock, instantFromZoned, TORONTO } from '@cf/platform';
import {
  AttachmentEntity,
  ProposalContent,
  ProposalEntity,
  PartnerOrganizationEntity,
  ProposalStatus,
  SubmissionEntity,
  totals,
} from '@cf/proposals';
import { ObjectStorage } from '@cf/storage';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { DEMO_INSTITUTIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { DEMO_PARTNERS, DEMO_PLANS, FUND_CRITERIA, fund2021, narrativeFor, openRound } from './demo-proposals';
import { DemoAwardsSeeder } from './demo-awards';
import { demoLetterPdf } from './demo-pdf';
import { DemoProjectsSeeder } from './demo-projects';
import { DemoReviewsSeeder } from './demo-reviews';
import { DemoScenariosSeeder } from './demo-scenarios';

export { demoLetterPdf };

/** Writes the demo data; safe to run again (it adds only what is missing). */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
    private readonly reviews: DemoReviewsSeeder,
    private readonly awards: DemoAwardsSeeder,
    private readonly projects: DemoProjectsSeeder,
    private readonly scenarios: DemoScenariosSeeder,
  ) {}

  async isEmpty(): Promise<boolean> {
    return !(await this.dataSource.getRepository(UserEntity).exists());
  }

  async seed(): Promise<void> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    await this.dataSource.transaction(async (m) => {
      const institutions = m.getRepository(InstitutionEntity);
      for (const i of DEMO_INSTITUTIONS) {
        const found = await institutions.createQueryBuilder('i').where('lower(i.name) = lower(:n)', { n: i.name }).getOne();
        if (!found) await institutions.insert(i);
      }
      const users = m.getRepository(UserEntity);
      for (const u of DEMO_USERS) {
        if (await users.existsBy({ email: u.email })) continue;
        const inst = u.institution ? await institutions.findOneByOrFail({ name: u.institution }) : null;
        await users.insert({
          email: u.email,
          displayName: u.displayName,
          roles: u.roles,
          institutionId: inst?.id ?? null,
          preferredLanguage: u.preferredLanguage,
          isActive: true,
          passwordHash,
        });
      }
    });
    await this.seedFundsAndProposals();
    await this.reviews.seed('MCF-2021');
    await this.awards.seed('MCF-2021');
    await this.scenarios.seed('MCF-2021');
    await this.projects.seed('MCF-2021');
    this.logger.log(`Demo data ready: ${DEMO_USERS.length} accounts (password ${DEMO_PASSWORD})`);
  }

  /** The 2021 fund (closed, with its submissions) and an open round with drafts. */
  private async seedFundsAndProposals(): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const orgs = m.getRepository(PartnerOrganizationEntity);
      for (const o of DEMO_PARTNERS) {
        const found = await orgs.createQueryBuilder('o').where('lower(o.name) = lower(:n)', { n: o.name }).getOne();
        if (!found) await orgs.insert(o as Partial<PartnerOrganizationEntity>);
      }
    });
    const institutions = await this.dataSource.getRepository(InstitutionEntity).find({ order: { name: 'ASC' } });
    const byName = new Map(DEMO_INSTITUTIONS.map((d) => [d.name, institutions.find((i) => i.name === d.name)!]));
    const applicantOf = async (institutionId: string) =>
      (await this.dataSource.getRepository(UserEntity).findOneBy({ institutionId }))?.id ?? null;

    const f2021 = await this.ensureFund(fund2021());
    if (f2021) {
      const statuses: ProposalStatus[] = [
        'submitted',
        'eligible',
        'submitted',
        'eligible',
        'ineligible',
        'eligible',
        'eligible',
        'eligible',
        'draft',
        'withdrawn',
        'submitted',
        'eligible',
      ];
      let i = 0;
      for (const d of DEMO_INSTITUTIONS.slice(0, statuses.length)) {
        const inst = byName.get(d.name)!;
        const minutesBefore = [9000, 7000, 5500, 4000, 3000, 2000, 1500, 900, 0, 600, 61, 1][i];
        await this.seedProposal(f2021, inst.id, await applicantOf(inst.id), DEMO_PLANS[i % DEMO_PLANS.length], statuses[i], {
          submittedAt: new Date(f2021.closesAt.getTime() - minutesBefore * 60_000),
          launch: `2022-0${1 + (i % 8)}-10`,
        });
        i++;
      }
    }
    const round = await this.ensureFund(openRound(now));
    if (round) {
      const seeded: [string, ProposalStatus | 'partial', number][] = [
        ['George Brown College', 'partial', 0],
        ['Collège Boréal', 'submitted', 8],
        ['Fanshawe College', 'draft', 4],
        ['University of Waterloo', 'submitted', 2],
        ['Six Nations Polytechnic', 'draft', 5],
      ];
      for (const [name, status, plan] of seeded) {
        const inst = byName.get(name)!;
        await this.seedProposal(round, inst.id, await applicantOf(inst.id), DEMO_PLANS[plan], status, {
          submittedAt: new Date(now.getTime() - 86_400_000 * 2),
          launch: round.launchEarliest!,
        });
      }
    }
  }

  private async ensureFund(def: ReturnType<typeof fund2021>): Promise<FundEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const funds = m.getRepository(FundEntity);
      if (await funds.existsBy({ code: def.code })) return null;
      const saved = await funds.save(
        m.create(FundEntity, {
          ...def,
          criteria: FUND_CRITERIA.map((c, position) => Object.assign(new FundCriterionEntity(), { ...c, position })),
        }),
      );
      return funds.findOneOrFail({ where: { id: saved.id }, relations: { criteria: true } });
    });
  }

  private async seedProposal(
    fund: FundEntity,
    institutionId: string,
    applicantId: string | null,
    plan: (typeof DEMO_PLANS)[number],
    status: ProposalStatus | 'partial',
    at: { submittedAt: Date; launch: string },
  ): Promise<void> {
    if (!applicantId) {
      applicantId = (await this.dataSource.getRepository(UserEntity).findOneByOrFail({ email: 'admin@example.org' })).id;
    }
    const proposalId = randomUUID();
    const orgs = await this.dataSource
      .getRepository(PartnerOrganizationEntity)
      .find({ where: plan.partners.map((name) => ({ name })) });
    const partial = status === 'partial';
    const letters: AttachmentEntity[] = [];
    if (!partial) {
      for (const o of orgs) {
        const bytes = demoLetterPdf(`${o.name} supports the proposal "${plan.title}".`);
        const key = `attachments/${randomUUID()}`;
        const put = await this.storage.put(key, Readable.from(bytes), { contentType: 'application/pdf', maxBytes: 1_000_000 });
        letters.push(
          Object.assign(new AttachmentEntity(), {
            id: randomUUID(),
            proposalId,
            kind: 'letter_of_support',
            partnerItemId: null,
            fileName: `letter-${o.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
            contentType: 'application/pdf',
            sizeBytes: put.sizeBytes,
            sha256: put.sha256,
            storageKey: key,
            uploadedBy: applicantId,
            uploadedAt: at.submittedAt,
            deletedAt: null,
          }),
        );
      }
    }
    const content: ProposalContent = {
      title: plan.title,
      summary: partial
        ? 'Work in progress.'
        : `${plan.title}: a series of ${plan.credentials.length} micro-credential(s) co-designed with ${orgs.map((o) => o.name).join(' and ')} to meet regional demand for skilled workers.`,
      sectors: [plan.sector as ProposalContent['sectors'][number]],
      areasOfFocus: plan.focus,
      regionsServed: ['central', 'toronto'],
      microCredentials: (partial ? plan.credentials.slice(0, 1) : plan.credentials).map((title, i) => ({
        id: randomUUID(),
        title,
        hours: 30 + 10 * i,
        deliveryMode: (['online', 'hybrid', 'in_person'] as const)[i % 3],
        workIntegratedLearning: i % 2 === 0,
        plannedLaunch: at.launch,
        expectedEnrolment: 40 + 5 * i,
        intendsOsap: true,
        stackable: plan.credentials.length >= 5,
      })),
      partners: partial
        ? []
        : orgs.map((o, i) => ({
            id: randomUUID(),
            partnerOrganizationId: o.id,
            role: o.kind === 'employer' ? 'co_designer' : 'subject_matter_expert',
            cashCents: o.kind === 'employer' ? 1_000_000 : 0,
            inKindCents: 500_000,
            hiringIntent: o.kind === 'employer' ? 10 + i : 0,
            placements: o.kind === 'employer' ? 8 : 0,
            letterAttachmentId: letters[i].id,
          })),
      budget: [
        {
          id: randomUUID(),
          category: 'curriculum_development',
          description: 'Curriculum design with employer subject matter experts',
          requestedCents: 2_500_000 * Math.min(plan.credentials.length, 2) - (partial ? 0 : 37_500),
          partnerCents: 1_000_000,
        },
        {
          id: randomUUID(),
          category: 'learner_supports',
          description: 'Bursaries and tutoring for learners facing barriers',
          requestedCents: 1_200_000,
          partnerCents: 500_000,
        },
      ],
      narratives: partial ? {} : Object.fromEntries(FUND_CRITERIA.map((c) => [c.code, narrativeFor(plan.title, c.code)])),
      contacts: [{ id: randomUUID(), name: 'Program Lead', email: 'programs@example.org', phone: '416-555-0100', role: 'Lead' }],
    };
    const sums = totals(content.budget);
    const submitted = !['draft', 'partial'].includes(status);
    await this.dataSource.transaction(async (m: EntityManager) => {
      await m.getRepository(ProposalEntity).insert({
        id: proposalId,
        fundId: fund.id,
        institutionId,
        status: partial ? 'draft' : (status as ProposalStatus),
        ...content,
        requestedCents: sums.requestedCents,
        partnerContributionCents: sums.partnerCents,
        createdBy: applicantId,
        version: 1,
        submittedVersion: 0,
        hasUnsubmittedChanges: false,
      });
      if (letters.length) await m.getRepository(AttachmentEntity).insert(letters);
      if (!submitted) return;
      const [{ n }] = await m.query(`SELECT nextval('proposal_tracking_seq')::text AS n`);
      const trackingNumber = `${fund.code}-${String(n).padStart(6, '0')}`;
      await m.getRepository(SubmissionEntity).insert({
        proposalId,
        version: 1,
        trackingNumber,
        submittedAt: at.submittedAt,
        submittedBy: applicantId!,
        onTimeBy: 'deadline',
        idempotencyKey: null,
        snapshot: { ...content, requestedCents: sums.requestedCents, partnerContributionCents: sums.partnerCents },
      });
      await m.getRepository(ProposalEntity).update(
        { id: proposalId },
        {
          trackingNumber,
          submittedVersion: 1,
          lastSubmittedAt: at.submittedAt,
          withdrawnAt: status === 'withdrawn' ? at.submittedAt : null,
          screeningReasons:
            status === 'ineligible'
              ? 'The lead partner is a training provider; the fund requires at least one employer partner.'
              : null,
          screenedAt:
            status === 'eligible' || status === 'ineligible' ? instantFromZoned('2021-07-08T10:00:00.000', TORONTO) : null,
        },
      );
    });
  }
}

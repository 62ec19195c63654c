import { AwardsService } from '@cf/awards';
import { PasswordHasher, UserEntity } from '@cf/identity';
import { AuthUser, Clock, ConflictError } from '@cf/platform';
import {
  addDays,
  addMonths,
  AgreementService,
  MicroCredentialDto,
  MicroCredentialsService,
  MilestonesService,
  PaymentsService,
  ReportsService,
  today,
} from '@cf/projects';
import { ScreeningService } from '@cf/proposals';
import { AssignmentsService, ReviewsService } from '@cf/reviews';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { demoActor } from './demo-actor';
import { DEMO_PASSWORD } from './demo-data';
import { demoLetterPdf } from './demo-pdf';

/** The applicant account the demo adds for the institution of the project with its first payment. */
export const DEMO_PROJECT_APPLICANT = { email: 'applicant3@example.org', displayName: 'Priya Raman' };

/** Institutions whose submitted 2021 proposals the demo screens, reviews and funds (two more awards). */
const EXTRA_AWARDS = ['George Brown College', 'Fanshawe College'];

const COMMENT = 'Employer-designed, with hiring commitments and a clear regional need.';

interface DemoProject {
  id: string;
  institution_name: string;
  award_cents: string;
  has_applicant: boolean;
}

/**
 * Funded projects at different stages on the 2021 fund, through the projects' services (so every rule and audit
 * record applies): two more awards (George Brown College's and Fanshawe College's submitted proposals, screened,
 * reviewed by three reviewers and confirmed), then
 *
 * - one just signed (the agreement sent, the signed copy uploaded, the signature recorded today);
 * - one five months in, its first tranche paid and a micro-credential launched, approved for OSAP, with enrolments;
 * - one thirteen months in, its first interim report submitted and awaiting review, the second overdue;
 * - one seventeen months in and near completion: everything accepted and paid but the final report (a draft) and
 *   the last tranche (George Brown College, so `applicant@example.org` sees it).
 *
 * The demo runs on the day it is seeded, so a project "N months in" has its schedule moved back N months first (the
 * one step not taken through a service). Runs once: skipped when a 2021 project already has its agreement sent.
 */
@Injectable()
export class DemoProjectsSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly screening: ScreeningService,
    private readonly assignments: AssignmentsService,
    private readonly reviews: ReviewsService,
    private readonly awards: AwardsService,
    private readonly agreements: AgreementService,
    private readonly milestones: MilestonesService,
    private readonly payments: PaymentsService,
    private readonly reports: ReportsService,
    private readonly microCredentials: MicroCredentialsService,
  ) {}

  async seed(fundCode: string): Promise<void> {
    const [fund] = await this.dataSource.query(`SELECT id FROM funds WHERE code = $1`, [fundCode]);
    if (!fund) return;
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM projects WHERE fund_id = $1 AND agreement_status <> 'draft'`,
      [fund.id],
    );
    if (n > 0) return;
    const officer = await demoActor(this.dataSource, 'officer@example.org');
    const approver = await demoActor(this.dataSource, 'approver@example.org');
    for (const name of EXTRA_AWARDS) await this.award(fund.id, name, officer, approver);

    const projects: DemoProject[] = await this.dataSource.query(
      `SELECT pr.id, i.name AS institution_name, pr.award_cents,
              EXISTS (SELECT 1 FROM users u WHERE u.institution_id = pr.institution_id AND 'applicant' = ANY(u.roles)) AS has_applicant
         FROM projects pr JOIN institutions i ON i.id = pr.institution_id
        WHERE pr.fund_id = $1 AND pr.status = 'agreement_pending'
        ORDER BY pr.created_at, pr.id`,
      [fund.id],
    );
    const byName = (name: string) => projects.find((p) => p.institution_name === name);
    const nearCompletion = byName('George Brown College');
    const justSigned = byName('Fanshawe College');
    const others = projects.filter((p) => p !== nearCompletion && p !== justSigned);
    // The interim report belongs to an institution with a demo applicant (Collège Boréal's, when it was funded).
    const reporting = others.find((p) => p.has_applicant) ?? others[0];
    const firstPayment = others.find((p) => p !== reporting);
    if (!nearCompletion || !justSigned || !reporting || !firstPayment) {
      this.logger.warn(`Demo projects: expected four funded projects on ${fundCode}, found ${projects.length}`);
      return;
    }
    await this.justSigned(justSigned.id, officer);
    await this.firstPayment(firstPayment.id, officer);
    await this.reporting(reporting.id, officer);
    await this.nearCompletion(nearCompletion.id, officer);
    this.logger.log(`Demo projects: ${projects.length} funded projects on ${fundCode} at different stages`);
  }

  /** Screens a submitted 2021 proposal eligible, has three reviewers score it, recommends and confirms it. */
  private async award(fundId: string, institution: string, officer: AuthUser, approver: AuthUser): Promise<void> {
    const [p] = await this.dataSource.query(
      `SELECT p.id FROM proposals p JOIN institutions i ON i.id = p.institution_id
        WHERE p.fund_id = $1 AND i.name = $2 AND p.status = 'submitted' ORDER BY p.tracking_number LIMIT 1`,
      [fundId, institution],
    );
    if (!p) return;
    const now = this.clock.now();
    await this.screening.screen(officer, p.id, { outcome: 'eligible' }, now);
    const pool: { id: string }[] = await this.dataSource.query(
      `SELECT r.user_id AS id FROM reviewers r
        WHERE r.active AND (SELECT count(*) FROM review_assignments a WHERE a.reviewer_id = r.user_id AND a.removed_at IS NULL) < r.max_load
        ORDER BY (SELECT count(*) FROM review_assignments a WHERE a.reviewer_id = r.user_id AND a.removed_at IS NULL), r.user_id`,
    );
    let reviewed = 0;
    for (const candidate of pool) {
      if (reviewed === 3) break;
      try {
        const a = await this.assignments.create(officer, { proposalId: p.id, reviewerId: candidate.id });
        const reviewer = await demoActor(
          this.dataSource,
          (await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: candidate.id })).email,
        );
        await this.reviews.save(reviewer, a.id, {
          scores: ['employer_responsive', 'upskilling', 'critical_need'].map((criterionCode, j) => ({
            criterionCode,
            score: 7 + ((j + reviewed) % 2),
            comment: COMMENT,
          })),
          overallComment: 'A strong, well-evidenced partnership; fund it.',
          recommendation: 'fund',
        });
        await this.reviews.submit(reviewer, a.id, this.clock.now());
        reviewed++;
      } catch (error) {
        if (error instanceof ConflictError) continue; // conflicted, at maximum load: the next reviewer
        throw error;
      }
    }
    const decision = await this.awards.recommend(officer, {
      proposalId: p.id,
      kind: 'fund_full',
      rationale: 'Reviewed after the first round of decisions; fundable within the envelope.',
    });
    await this.awards.confirm(approver, decision.id, 'Confirmed: within the envelope and the criteria.');
  }

  /** The project's schedule as if the award had been confirmed `months` months ago. */
  private async backdate(projectId: string, months: number): Promise<string> {
    await this.dataSource.transaction(async (m) => {
      const shift = `make_interval(months => ${Number(months)})`;
      await m.query(
        `UPDATE projects SET awarded_at = awarded_at - ${shift}, start_on = (start_on - ${shift})::date, end_on = (end_on - ${shift})::date
          WHERE id = $1`,
        [projectId],
      );
      await m.query(`UPDATE project_milestones SET due_on = (due_on - ${shift})::date WHERE project_id = $1`, [projectId]);
      await m.query(`UPDATE project_reports SET due_on = (due_on - ${shift})::date WHERE project_id = $1`, [projectId]);
    });
    const [{ start_on }] = await this.dataSource.query(`SELECT start_on::text AS start_on FROM projects WHERE id = $1`, [
      projectId,
    ]);
    return start_on;
  }

  private async sign(projectId: string, officer: AuthUser, uploader: AuthUser, signedOn: string): Promise<void> {
    await this.agreements.send(officer, projectId, 'The transfer payment agreement, for signature.');
    const [p] = await this.dataSource.query(`SELECT title FROM projects WHERE id = $1`, [projectId]);
    const pdf = demoLetterPdf(`Transfer payment agreement: ${p.title}. Signed by both parties.`);
    await this.agreements.attachDocument(uploader, projectId, 'transfer-payment-agreement-signed.pdf', pdf);
    await this.agreements.sign(officer, projectId, signedOn);
  }

  private async milestone(projectId: string, kind: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT id FROM project_milestones WHERE project_id = $1 AND kind = $2`, [
      projectId,
      kind,
    ]);
    return row.id;
  }

  private async releaseNext(projectId: string, officer: AuthUser, note: string): Promise<void> {
    const tranches = await this.payments.tranches(officer, projectId);
    const next = tranches.find((t) => t.releasable);
    if (next) await this.payments.release(officer, projectId, next.id, note);
  }

  private async launch(
    projectId: string,
    applicant: AuthUser,
    mc: MicroCredentialDto,
    launchedOn: string,
    osap: { status: 'approved' | 'submitted'; on: string },
    enrolled: number,
    completed: number,
  ): Promise<void> {
    await this.microCredentials.update(applicant, projectId, mc.id, {
      title: mc.title,
      sector: mc.sector,
      areaOfFocus: mc.areaOfFocus,
      deliveryMode: mc.deliveryMode,
      hours: mc.hours,
      plannedLaunchOn: mc.plannedLaunchOn,
      launchedOn,
      osapStatus: osap.status,
      osapStatusOn: osap.on,
      expectedEnrolment: mc.expectedEnrolment,
      enrolled,
      completed,
      workIntegratedLearning: mc.workIntegratedLearning,
      stackable: mc.stackable,
      version: mc.version,
    });
  }

  private async deliverAndAccept(
    projectId: string,
    kind: string,
    applicant: AuthUser,
    officer: AuthUser,
    note: string,
  ): Promise<void> {
    const id = await this.milestone(projectId, kind);
    await this.milestones.deliver(applicant, projectId, id, { note });
    await this.milestones.review(officer, projectId, id, 'accept', 'Verified against the evidence.');
  }

  private async fileReport(
    projectId: string,
    position: number,
    applicant: AuthUser,
    figures: {
      enrolments: number;
      completions: number;
      employedOrAdvanced: number;
      employerPartners: number;
      spentCents: number;
    },
    submit: boolean,
  ): Promise<string> {
    const [r] = await this.dataSource.query(`SELECT id, version FROM project_reports WHERE project_id = $1 AND position = $2`, [
      projectId,
      position,
    ]);
    const saved = await this.reports.save(applicant, projectId, r.id, {
      version: r.version,
      enrolments: figures.enrolments,
      completions: figures.completions,
      employedOrAdvanced: figures.employedOrAdvanced,
      employerPartners: figures.employerPartners,
      spending: [
        { category: 'curriculum_development', amountCents: Math.round(figures.spentCents * 0.6) },
        { category: 'instructional_staff', amountCents: Math.round(figures.spentCents * 0.3) },
        {
          category: 'learner_supports',
          amountCents: figures.spentCents - Math.round(figures.spentCents * 0.6) - Math.round(figures.spentCents * 0.3),
        },
      ],
      narrative: 'Enrolment is on plan; employer partners host work placements and interview graduates.',
    });
    if (submit) await this.reports.submit(applicant, projectId, r.id, saved.version);
    return r.id;
  }

  /** Stage 1: the agreement signed today; the first tranche can be released. */
  private async justSigned(projectId: string, officer: AuthUser): Promise<void> {
    await this.sign(projectId, officer, officer, today(this.clock.now()));
  }

  /** Stage 2: five months in; first tranche paid; a micro-credential launched, OSAP-approved, with enrolments. */
  private async firstPayment(projectId: string, officer: AuthUser): Promise<void> {
    const applicant = await this.applicantFor(projectId);
    const start = await this.backdate(projectId, 5);
    await this.sign(projectId, officer, applicant, addDays(start, 14));
    await this.releaseNext(projectId, officer, 'First instalment on signature.');
    const [mc] = await this.microCredentials.list(applicant, projectId);
    if (mc) {
      const launchedOn = addDays(addMonths(start, 4), -10);
      await this.launch(projectId, applicant, mc, launchedOn, { status: 'approved', on: addDays(launchedOn, 21) }, 34, 0);
      await this.deliverAndAccept(
        projectId,
        'micro_credential_launched',
        applicant,
        officer,
        `“${mc.title}” launched on ${launchedOn}.`,
      );
    }
  }

  /** Stage 3: thirteen months in; the first interim report submitted, awaiting review; the second overdue. */
  private async reporting(projectId: string, officer: AuthUser): Promise<void> {
    const applicant = await this.applicantFor(projectId);
    const start = await this.backdate(projectId, 13);
    await this.sign(projectId, officer, applicant, addDays(start, 20));
    await this.releaseNext(projectId, officer, 'First instalment on signature.');
    const mcs = await this.microCredentials.list(applicant, projectId);
    for (const [i, mc] of mcs.entries()) {
      const launchedOn = addDays(addMonths(start, 4), -7 * i);
      const osap =
        i === 0
          ? { status: 'approved' as const, on: addDays(launchedOn, 30) }
          : { status: 'submitted' as const, on: addDays(launchedOn, 5) };
      await this.launch(projectId, applicant, mc, launchedOn, osap, 41 - 6 * i, 12 - 3 * i);
    }
    if (mcs.length) {
      await this.deliverAndAccept(projectId, 'micro_credential_launched', applicant, officer, 'Both micro-credentials launched.');
      await this.releaseNext(projectId, officer, 'Second instalment: micro-credentials launched.');
      await this.deliverAndAccept(projectId, 'enrolment_open', applicant, officer, 'Enrolment open on the college site.');
    }
    await this.fileReport(
      projectId,
      0,
      applicant,
      { enrolments: 52, completions: 18, employedOrAdvanced: 9, employerPartners: 3, spentCents: 2_400_000 },
      true,
    );
  }

  /** Stage 4: seventeen months in; all accepted and paid but the final report (a draft) and the last tranche. */
  private async nearCompletion(projectId: string, officer: AuthUser): Promise<void> {
    const applicant = await this.applicantFor(projectId);
    const start = await this.backdate(projectId, 17);
    await this.sign(projectId, officer, applicant, addDays(start, 12));
    await this.releaseNext(projectId, officer, 'First instalment on signature.');
    const mcs = await this.microCredentials.list(applicant, projectId);
    for (const [i, mc] of mcs.entries()) {
      const launchedOn = addDays(addMonths(start, 3), 7 * i);
      await this.launch(
        projectId,
        applicant,
        mc,
        launchedOn,
        { status: 'approved', on: addDays(launchedOn, 40) },
        48 - 5 * i,
        39 - 5 * i,
      );
    }
    if (mcs.length) {
      await this.deliverAndAccept(projectId, 'micro_credential_launched', applicant, officer, 'All micro-credentials launched.');
      await this.releaseNext(projectId, officer, 'Second instalment: micro-credentials launched.');
      await this.deliverAndAccept(projectId, 'enrolment_open', applicant, officer, 'Enrolment open; the second intake is full.');
    }
    for (const [position, f] of [
      [0, { enrolments: 61, completions: 22, employedOrAdvanced: 11, employerPartners: 4, spentCents: 2_000_000 }],
      [1, { enrolments: 118, completions: 87, employedOrAdvanced: 58, employerPartners: 5, spentCents: 3_600_000 }],
    ] as const) {
      const id = await this.fileReport(projectId, position, applicant, f, true);
      await this.reports.review(officer, projectId, id, 'accept', 'Thank you: complete and consistent.');
    }
    await this.fileReport(
      projectId,
      2,
      applicant,
      { enrolments: 131, completions: 104, employedOrAdvanced: 0, employerPartners: 5, spentCents: 4_300_000 },
      false,
    );
  }

  /** The institution's applicant (the demo adds one for an institution without). */
  private async applicantFor(projectId: string): Promise<AuthUser> {
    const [p] = await this.dataSource.query(`SELECT institution_id FROM projects WHERE id = $1`, [projectId]);
    const users = this.dataSource.getRepository(UserEntity);
    const found = await users
      .createQueryBuilder('u')
      .where('u.institution_id = :i', { i: p.institution_id })
      .andWhere(`'applicant' = ANY(u.roles)`)
      .orderBy('u.email')
      .getOne();
    if (found) return demoActor(this.dataSource, found.email);
    if (!(await users.existsBy({ email: DEMO_PROJECT_APPLICANT.email }))) {
      await users.insert({
        email: DEMO_PROJECT_APPLICANT.email,
        displayName: DEMO_PROJECT_APPLICANT.displayName,
        roles: ['applicant'],
        institutionId: p.institution_id,
        preferredLanguage: 'en',
        isActive: true,
        passwordHash: await this.hasher.hash(DEMO_PASSWORD),
      });
    }
    return demoActor(this.dataSource, DEMO_PROJECT_APPLICANT.email);
  }
}

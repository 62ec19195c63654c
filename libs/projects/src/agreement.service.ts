import { AuditService } from '@cf/audit';
import { APP_CONFIG, AppConfig } from '@cf/config';
import { AuthUser, Clock, ConflictError, NotFoundError, ValidationFailedError } from '@cf/platform';
import {
  displayFileName,
  fileTooLarge,
  ObjectStorage,
  receiveMultipartFile,
  sniffFileType,
  StoredFile,
  unsupportedFileType,
} from '@cf/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { today } from './domain/overdue-policy';
import {
  AGREEMENT_MACHINE,
  AgreementStatus,
  MILESTONE_MACHINE,
  MilestoneStatus,
  PROJECT_MACHINE,
  transition,
} from './domain/status-machines';
import { ProjectDto } from './dto/project.dto';
import { assertRunning, ProjectAccess, ProjectRef } from './project-access';
import { ProjectsService } from './projects.service';

/** A signed agreement: a PDF, or a scan as PNG or JPEG, by its content. */
const AGREEMENT_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);
const AGREEMENT_TYPES_TEXT = 'a PDF, or a scan as PNG or JPEG';

/**
 * The transfer payment agreement of a project: an officer prepares and sends it (draft → sent), either side uploads
 * the signed copy, and an officer records the signature (sent → signed) with the date on it. Signing makes the
 * project active and accepts its "agreement signed" milestone, so the first tranche can be released. Audited.
 */
@Injectable()
export class AgreementService {
  private readonly logger = new Logger('ProjectAgreements');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: ProjectAccess,
    private readonly projects: ProjectsService,
  ) {}

  async send(officer: AuthUser, id: string, note: string | undefined): Promise<ProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadForOfficer(m, officer, id, true);
      assertRunning(p);
      const step = transition(AGREEMENT_MACHINE, 'agreement', p.agreement_status as AgreementStatus, 'send');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: p.agreement_status });
      await m.query(
        `UPDATE projects SET agreement_status = 'sent', agreement_sent_at = $2, agreement_sent_by = $3, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, this.clock.now(), officer.id],
      );
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'project.agreement_send',
        entityType: 'project',
        entityId: id,
        changes: { agreementStatus: { from: p.agreement_status, to: 'sent' }, note: note?.trim() || null },
      });
      return this.projects.read(m, id);
    });
  }

  /** The signed copy (multipart `file`), by the institution or an officer, before the signature is recorded. */
  async upload(user: AuthUser, id: string, req: Request): Promise<ProjectDto> {
    // Refuse before reading a byte of the body when we can.
    const p0 = await this.loadForUpload(this.dataSource.manager, user, id, false);
    this.assertCanUpload(p0);
    const maxBytes = this.config.uploads.maxBytes;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw fileTooLarge(maxBytes);
    const key = `agreements/${randomUUID()}`;
    let stored: StoredFile | null = null;
    try {
      stored = await receiveMultipartFile(req, this.storage, key, {
        maxBytes,
        allowed: AGREEMENT_TYPES,
        allowedText: AGREEMENT_TYPES_TEXT,
      });
      return await this.recordDocument(user, id, key, stored);
    } catch (e) {
      if (stored) await this.storage.delete(key).catch((err) => this.logger.error(`could not remove ${key}: ${String(err)}`));
      throw e;
    }
  }

  /** The signed copy from bytes already in hand (the demo seeder), with the same type check as an upload. */
  async attachDocument(user: AuthUser, id: string, fileName: string, bytes: Buffer): Promise<ProjectDto> {
    this.assertCanUpload(await this.loadForUpload(this.dataSource.manager, user, id, false));
    const detected = await sniffFileType(bytes);
    if (!detected || !AGREEMENT_TYPES.has(detected.mime)) throw unsupportedFileType(detected?.mime ?? null, AGREEMENT_TYPES_TEXT);
    const key = `agreements/${randomUUID()}`;
    const put = await this.storage.put(key, Readable.from(bytes), {
      contentType: detected.mime,
      maxBytes: this.config.uploads.maxBytes,
    });
    try {
      return await this.recordDocument(user, id, key, {
        ...put,
        fileName: displayFileName(fileName),
        contentType: detected.mime,
      });
    } catch (e) {
      await this.storage.delete(key).catch((err) => this.logger.error(`could not remove ${key}: ${String(err)}`));
      throw e;
    }
  }

  private recordDocument(user: AuthUser, id: string, key: string, s: StoredFile): Promise<ProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.loadForUpload(m, user, id, true);
      this.assertCanUpload(p);
      await m.query(
        `UPDATE projects SET agreement_document_key = $2, agreement_document_name = $3, agreement_document_type = $4,
                agreement_document_size = $5, agreement_document_sha256 = $6, agreement_document_uploaded_at = $7,
                agreement_document_uploaded_by = $8, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, key, s.fileName, s.contentType, s.sizeBytes, s.sha256, this.clock.now(), user.id],
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: 'project.agreement_upload',
        entityType: 'project',
        entityId: id,
        changes: { fileName: s.fileName, contentType: s.contentType, sizeBytes: s.sizeBytes, sha256: s.sha256 },
      });
      return this.projects.read(m, id);
    });
  }

  async openDocument(
    user: AuthUser,
    id: string,
  ): Promise<{ fileName: string; contentType: string; sizeBytes: number; body: Readable }> {
    await this.access.loadReadable(this.dataSource.manager, user, id);
    const [row] = await this.dataSource.query(
      `SELECT agreement_document_key AS key, agreement_document_name AS name, agreement_document_type AS type,
              agreement_document_size AS size FROM projects WHERE id = $1`,
      [id],
    );
    if (!row?.key) throw new NotFoundError('Agreement document');
    return { fileName: row.name, contentType: row.type, sizeBytes: Number(row.size), body: await this.storage.get(row.key) };
  }

  /** An officer records the signature: the project becomes active and its "agreement signed" milestone accepted. */
  async sign(officer: AuthUser, id: string, signedOn: string): Promise<ProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.access.loadForOfficer(m, officer, id, true);
      const step = transition(AGREEMENT_MACHINE, 'agreement', p.agreement_status as AgreementStatus, 'sign');
      if (!step.ok) throw new ConflictError(step.code, step.message, { status: p.agreement_status });
      const [row] = await m.query(
        `SELECT agreement_document_key AS key, start_on::text AS start_on FROM projects WHERE id = $1`,
        [id],
      );
      if (!row.key) {
        throw new ConflictError('AGREEMENT_DOCUMENT_MISSING', 'Upload the signed agreement before recording the signature');
      }
      const now = this.clock.now();
      const problems = [];
      if (signedOn > today(now)) problems.push({ field: 'signedOn', reason: `cannot be after today (${today(now)})` });
      if (signedOn < row.start_on) problems.push({ field: 'signedOn', reason: `cannot be before the award (${row.start_on})` });
      if (problems.length) throw new ValidationFailedError(problems);
      const projectStep = transition(PROJECT_MACHINE, 'project', p.status, 'sign');
      if (!projectStep.ok) throw new ConflictError(projectStep.code, projectStep.message, { status: p.status });
      await m.query(
        `UPDATE projects SET agreement_status = 'signed', agreement_signed_on = $2, agreement_signed_at = $3, agreement_signed_by = $4,
                status = $5, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, signedOn, now, officer.id, projectStep.to],
      );
      await this.completeMilestone(m, officer, id, 'agreement_signed', `Agreement signed on ${signedOn}`, now);
      await this.audit.record(m, {
        actorId: officer.id,
        action: 'project.agreement_sign',
        entityType: 'project',
        entityId: id,
        changes: {
          agreementStatus: { from: p.agreement_status, to: 'signed' },
          status: { from: p.status, to: projectStep.to },
          signedOn,
        },
      });
      return this.projects.read(m, id);
    });
  }

  /** Accepts the project's milestone of `kind` that follows another record (the agreement, the final report). */
  async completeMilestone(
    m: EntityManager,
    actor: AuthUser,
    projectId: string,
    kind: string,
    note: string,
    now: Date,
  ): Promise<void> {
    const rows: { id: string; status: MilestoneStatus }[] = await m.query(
      `SELECT id, status FROM project_milestones WHERE project_id = $1 AND kind = $2 FOR UPDATE`,
      [projectId, kind],
    );
    for (const ms of rows) {
      const step = transition(MILESTONE_MACHINE, 'milestone', ms.status, 'complete');
      if (!step.ok) continue; // already accepted
      await m.query(
        `UPDATE project_milestones SET status = 'accepted', delivered_at = coalesce(delivered_at, $2), delivered_by = coalesce(delivered_by, $3),
                delivery_note = coalesce(delivery_note, $4), reviewed_at = $2, reviewed_by = $3, version = version + 1
          WHERE id = $1`,
        [ms.id, now, actor.id, note],
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'project.milestone_accept',
        entityType: 'project_milestone',
        entityId: ms.id,
        changes: { projectId, kind, status: { from: ms.status, to: 'accepted' }, automatic: true, note },
      });
    }
  }

  private async loadForUpload(m: EntityManager, user: AuthUser, id: string, lock: boolean): Promise<ProjectRef> {
    const p = await this.access.loadReadable(m, user, id, lock);
    // Staff who are not officers read but do not upload; an applicant only their own (loadReadable checked).
    if (!this.access.isOfficer(user) && !this.access.isOwnInstitution(user, p.institution_id))
      throw new NotFoundError('Project', id);
    return p;
  }

  private assertCanUpload(p: ProjectRef): void {
    assertRunning(p);
    const step = transition(AGREEMENT_MACHINE, 'agreement', p.agreement_status as AgreementStatus, 'upload');
    if (!step.ok) throw new ConflictError(step.code, step.message, { status: p.agreement_status });
  }
}

import { AuditService } from '@cf/audit';
import { APP_CONFIG, AppConfig } from '@cf/config';
import { AuthUser, Clock, ConflictError, DomainError, NotFoundError, ValidationFailedError } from '@cf/platform';
import { fileTooLarge, ObjectStorage, receiveMultipartFile, StoredFile } from '@cf/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { EDITABLE_STATUSES } from '../domain/proposal-status';
import { ProposalAccess } from '../proposal-access';
import { AttachmentEntity, ProposalEntity } from '../proposal.entity';
import { ProposalContextLoader } from '../proposal-view';
import { assertWindowOpen } from '../proposals.service';
import { ALLOWED_TYPES, ATTACHMENT_KINDS, AttachmentKind, SNIFF_BYTES } from './attachment-types';

export class UnsupportedFileTypeError extends DomainError {
  constructor(detected: string | null) {
    super(
      'UNSUPPORTED_FILE_TYPE',
      `file: ${detected ? `a ${detected} file` : 'this file'} is not accepted; upload a PDF, a Word document (DOCX), a PNG or a JPEG`,
      415,
      { errors: [{ field: 'file', reason: 'must be a PDF, DOCX, PNG or JPEG (checked from its content)' }], detected },
    );
  }
}

/** Whether an attachment was part of the proposal at its latest submission. */
function asSubmitted(a: AttachmentEntity, p: ProposalEntity): boolean {
  const at = p.lastSubmittedAt?.getTime();
  if (at === undefined) return false;
  return a.uploadedAt.getTime() <= at && (!a.deletedAt || a.deletedAt.getTime() > at);
}

/**
 * Attachments of a proposal: streamed to the object store (never buffered whole), size-limited
 * while streaming, typed from their content rather than their name, and readable only through
 * the proposal's own access rule. A failed upload leaves no file behind.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    private readonly access: ProposalAccess,
    private readonly contexts: ProposalContextLoader,
    private readonly clock: Clock,
  ) {}

  get maxBytes(): number {
    return this.config.uploads.maxBytes;
  }

  async list(user: AuthUser, proposalId: string): Promise<AttachmentEntity[]> {
    const p = await this.access.loadReadable(this.dataSource.manager, user, proposalId);
    if (this.access.isOwnInstitution(user, p)) {
      return this.dataSource.getRepository(AttachmentEntity).find({
        where: { proposalId: p.id, deletedAt: IsNull() },
        order: { uploadedAt: 'ASC' },
      });
    }
    // Staff see the attachments as they were at the latest submission.
    const all = await this.dataSource
      .getRepository(AttachmentEntity)
      .find({ where: { proposalId: p.id }, order: { uploadedAt: 'ASC' } });
    return all.filter((a) => asSubmitted(a, p));
  }

  async open(user: AuthUser, proposalId: string, attachmentId: string): Promise<{ meta: AttachmentEntity; body: Readable }> {
    const meta = await this.find(this.dataSource.manager, user, proposalId, attachmentId, 'read');
    return { meta, body: await this.storage.get(meta.storageKey) };
  }

  /** The applicant may change attachments exactly when they may change the proposal. */
  private async assertCanChange(m: EntityManager, user: AuthUser, p: ProposalEntity, receivedAt: Date): Promise<void> {
    if (!this.access.isOwnInstitution(user, p)) throw new NotFoundError('Proposal', p.id);
    if (!EDITABLE_STATUSES.includes(p.status)) {
      throw new ConflictError('NOT_EDITABLE', `A ${p.status} proposal can no longer be changed`, { status: p.status });
    }
    assertWindowOpen(await this.contexts.loadOne(m, p), receivedAt, 'change the attachments');
  }

  async upload(user: AuthUser, proposalId: string, req: Request, receivedAt: Date): Promise<AttachmentEntity> {
    // Refuse before reading a byte of the body when we can.
    const m0 = this.dataSource.manager;
    const p0 = await m0.getRepository(ProposalEntity).findOneBy({ id: proposalId });
    if (!p0) throw new NotFoundError('Proposal', proposalId);
    await this.assertCanChange(m0, user, p0, receivedAt);
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > this.maxBytes + 64 * 1024) throw fileTooLarge(this.maxBytes);

    const key = `attachments/${randomUUID()}`;
    let stored: (StoredFile & { kind: AttachmentKind }) | null = null;
    try {
      stored = await this.receive(req, key);
      const s = stored;
      return await this.dataSource.transaction(async (m) => {
        const p = await this.access.lockOwn(m, user, proposalId);
        await this.assertCanChange(m, user, p, receivedAt);
        const saved = await m.getRepository(AttachmentEntity).save(
          m.create(AttachmentEntity, {
            proposalId: p.id,
            kind: s.kind,
            partnerItemId: null,
            fileName: s.fileName,
            contentType: s.contentType,
            sizeBytes: s.sizeBytes,
            sha256: s.sha256,
            storageKey: key,
            uploadedBy: user.id,
            uploadedAt: this.clock.now(),
          }),
        );
        await this.audit.record(m, {
          actorId: user.id,
          action: 'attachment.upload',
          entityType: 'proposal',
          entityId: p.id,
          changes: { attachmentId: saved.id, kind: s.kind, fileName: s.fileName, sizeBytes: s.sizeBytes, sha256: s.sha256 },
        });
        return saved;
      });
    } catch (e) {
      if (stored) await this.storage.delete(key).catch((err) => this.logger.error(`could not remove ${key}: ${String(err)}`));
      throw e;
    }
  }

  /** Parses the multipart body: `kind` first, then one `file`, streamed into the store. */
  private async receive(req: Request, key: string): Promise<StoredFile & { kind: AttachmentKind }> {
    let kind: AttachmentKind | null = null;
    const stored = await receiveMultipartFile(req, this.storage, key, {
      maxBytes: this.maxBytes,
      allowed: ALLOWED_TYPES,
      allowedText: 'a PDF, a Word document (DOCX), a PNG or a JPEG',
      sniffBytes: SNIFF_BYTES,
      unsupported: (detected) => new UnsupportedFileTypeError(detected),
      multipartReason: 'must be multipart/form-data with the fields kind and file',
      parts: 7,
      onField: (name, value) => {
        if (name !== 'kind') return;
        if (!(ATTACHMENT_KINDS as readonly string[]).includes(value)) {
          return new ValidationFailedError([{ field: 'kind', reason: `must be one of: ${ATTACHMENT_KINDS.join(', ')}` }]);
        }
        kind = value as AttachmentKind;
      },
      beforeFile: () =>
        kind ? undefined : new ValidationFailedError([{ field: 'kind', reason: 'is required, and must come before the file' }]),
    });
    return { ...stored, kind: kind! };
  }

  async remove(user: AuthUser, proposalId: string, attachmentId: string, receivedAt: Date): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const p = await this.access.lockOwn(m, user, proposalId);
      await this.assertCanChange(m, user, p, receivedAt);
      const a = await this.find(m, user, proposalId, attachmentId, 'write');
      const usedBy = p.partners.findIndex((x) => x.letterAttachmentId === a.id);
      if (usedBy >= 0) {
        throw new ConflictError('ATTACHMENT_IN_USE', `This letter is attached to partner ${usedBy + 1}; remove it there first`, {
          errors: [{ field: `partners.${usedBy}.letterAttachmentId`, reason: 'refers to this attachment' }],
        });
      }
      // Kept in the store: an earlier submission's snapshot may refer to it.
      await m.getRepository(AttachmentEntity).update({ id: a.id }, { deletedAt: this.clock.now() });
      await this.audit.record(m, {
        actorId: user.id,
        action: 'attachment.delete',
        entityType: 'proposal',
        entityId: p.id,
        changes: { attachmentId: a.id, fileName: a.fileName },
      });
    });
  }

  private async find(
    m: EntityManager,
    user: AuthUser,
    proposalId: string,
    attachmentId: string,
    mode: 'read' | 'write',
  ): Promise<AttachmentEntity> {
    const p = await this.access.loadReadable(m, user, proposalId);
    const a = await m.getRepository(AttachmentEntity).findOneBy({ id: attachmentId, proposalId: p.id });
    // The institution sees its current files; staff see them as of the latest submission.
    const visible = this.access.isOwnInstitution(user, p) ? !a?.deletedAt : mode === 'read' && !!a && asSubmitted(a, p);
    if (!a || !visible) {
      throw new NotFoundError('Attachment', attachmentId);
    }
    return a;
  }
}

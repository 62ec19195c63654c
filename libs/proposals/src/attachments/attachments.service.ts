import { AuditService } from '@cf/audit';
import { APP_CONFIG, AppConfig } from '@cf/config';
import { AuthUser, Clock, ConflictError, DomainError, fileNameProblem, NotFoundError, ValidationFailedError } from '@cf/platform';
import { ObjectStorage } from '@cf/storage';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import busboy from 'busboy';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { EDITABLE_STATUSES } from '../domain/proposal-status';
import { ProposalAccess } from '../proposal-access';
import { AttachmentEntity, ProposalEntity } from '../proposal.entity';
import { ProposalContextLoader } from '../proposal-view';
import { assertWindowOpen } from '../proposals.service';
import { ALLOWED_TYPES, ATTACHMENT_KINDS, AttachmentKind, sniffedType, SNIFF_BYTES } from './attachment-types';

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

/** The client's file name, for display only: no path, no control characters, at most 200 characters. */
export function safeFileName(name: string | undefined): string {
  const base = [...(name ?? '')].map((c) => (c.charCodeAt(0) < 32 || c === '/' || c === '\\' ? '_' : c)).join('');
  return base.trim().slice(0, 200) || 'file';
}

/** Whether an attachment was part of the proposal at its latest submission. */
function asSubmitted(a: AttachmentEntity, p: ProposalEntity): boolean {
  const at = p.lastSubmittedAt?.getTime();
  if (at === undefined) return false;
  return a.uploadedAt.getTime() <= at && (!a.deletedAt || a.deletedAt.getTime() > at);
}

/** Reads up to `n` bytes from the start of a stream, then hands back a stream of the whole. */
async function peek(stream: Readable, n: number): Promise<{ head: Buffer; whole: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = stream[Symbol.asyncIterator]();
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value as Buffer);
    size += (next.value as Buffer).length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head: head.subarray(0, n), whole: Readable.from(rest(), { objectMode: false }) };
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
    if (Number.isFinite(declared) && declared > this.maxBytes + 64 * 1024) throw this.tooLarge();
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      throw new ValidationFailedError([{ field: 'body', reason: 'must be multipart/form-data with the fields kind and file' }]);
    }

    const key = `attachments/${randomUUID()}`;
    let stored: { sizeBytes: number; sha256: string; fileName: string; contentType: string; kind: AttachmentKind } | null = null;
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
  private receive(
    req: Request,
    key: string,
  ): Promise<{ sizeBytes: number; sha256: string; fileName: string; contentType: string; kind: AttachmentKind }> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        req.unpipe(bb);
        req.resume(); // drain what the client still sends, so it reads our answer
        reject(e);
      };
      let bb: busboy.Busboy;
      try {
        bb = busboy({
          headers: req.headers,
          // the name as sent, so that a name with a path is refused instead of cut down to its last part
          preservePath: true,
          limits: { files: 1, fields: 5, fieldSize: 1024, parts: 7, fileSize: this.maxBytes + 1 },
        });
      } catch {
        reject(new ValidationFailedError([{ field: 'body', reason: 'must be multipart/form-data with a boundary' }]));
        return;
      }
      let kind: AttachmentKind | null = null;
      let sawFile = false;
      bb.on('field', (name, value) => {
        if (name === 'kind') {
          if (!(ATTACHMENT_KINDS as readonly string[]).includes(value)) {
            fail(new ValidationFailedError([{ field: 'kind', reason: `must be one of: ${ATTACHMENT_KINDS.join(', ')}` }]));
          } else kind = value as AttachmentKind;
        }
      });
      bb.on('file', (name, file, info) => {
        if (name !== 'file' || sawFile) {
          file.resume();
          return;
        }
        sawFile = true;
        if (!kind) {
          file.resume();
          fail(new ValidationFailedError([{ field: 'kind', reason: 'is required, and must come before the file' }]));
          return;
        }
        const nameProblem = fileNameProblem(info.filename);
        if (nameProblem) {
          file.resume();
          fail(new ValidationFailedError([{ field: 'file', reason: `the name ${nameProblem}` }]));
          return;
        }
        const chosenKind = kind;
        const fileName = safeFileName(info.filename);
        void (async () => {
          const { head, whole } = await peek(file, SNIFF_BYTES);
          if (head.length === 0) {
            whole.resume();
            throw new ValidationFailedError([{ field: 'file', reason: 'is empty' }]);
          }
          const detected = await sniffedType(head);
          if (!detected || !ALLOWED_TYPES.has(detected.mime)) {
            whole.resume();
            throw new UnsupportedFileTypeError(detected?.mime ?? null);
          }
          const put = await this.storage.put(key, whole, { contentType: detected.mime, maxBytes: this.maxBytes });
          return { ...put, fileName, contentType: detected.mime, kind: chosenKind };
        })().then(
          (r) => {
            if (settled) {
              void this.storage.delete(key);
              return;
            }
            settled = true;
            resolve(r);
          },
          (e) => {
            if ((e as { code?: string }).code === 'FILE_TOO_LARGE') fail(this.tooLarge());
            else fail(e);
          },
        );
      });
      bb.on('partsLimit', () => fail(new ValidationFailedError([{ field: 'body', reason: 'has too many parts' }])));
      bb.on('error', (e) => fail(new ValidationFailedError([{ field: 'body', reason: `is not valid multipart: ${String(e)}` }])));
      bb.on('close', () => {
        if (!sawFile) fail(new ValidationFailedError([{ field: 'file', reason: 'is required' }]));
      });
      req.on('aborted', () => fail(new ValidationFailedError([{ field: 'file', reason: 'the upload was interrupted' }])));
      req.pipe(bb);
    });
  }

  private tooLarge(): DomainError {
    const mb = (this.maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
    return new DomainError('FILE_TOO_LARGE', `file: the file is larger than the limit of ${mb} MB`, 413, {
      errors: [{ field: 'file', reason: `must be at most ${mb} MB` }],
      maxBytes: this.maxBytes,
    });
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

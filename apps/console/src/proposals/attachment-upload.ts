import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate, type Identifier } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { errorBody, errorMessage, errorStatus } from '../common/api-error';
import { saveBlob } from '../common/download';
import type { AppDataProvider } from '../providers/data-provider';
import type { Attachment, AttachmentKind } from '../types';
import { proposalKeys } from './proposal-queries';

/** What the server accepts (it decides by the content; this only saves a useless upload). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_FILES =
  '.pdf,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg';
const ACCEPTED_EXTENSIONS = /\.(pdf|docx|png|jpe?g)$/i;

/** Uploads a file to a proposal, with the checks and messages people need. */
export const useAttachmentUpload = (proposalId: Identifier | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const translate = useTranslate();
  const [uploading, setUploading] = useState(false);

  const upload = async (kind: AttachmentKind, file: File): Promise<Attachment | null> => {
    if (proposalId === undefined) return null;
    if (file.size > MAX_UPLOAD_BYTES) {
      notify('cf.attachments.too_large', { type: 'error', messageArgs: { name: file.name, limit: 10 } });
      return null;
    }
    if (!ACCEPTED_EXTENSIONS.test(file.name)) {
      notify('cf.attachments.unsupported', { type: 'error', messageArgs: { name: file.name } });
      return null;
    }
    setUploading(true);
    try {
      const attachment = await dataProvider.uploadProposalAttachment(proposalId, kind, file);
      await queryClient.invalidateQueries({ queryKey: proposalKeys.attachments(proposalId) });
      notify('cf.attachments.uploaded', { type: 'success', messageArgs: { name: attachment.fileName } });
      return attachment;
    } catch (error) {
      const status = errorStatus(error);
      const code = errorBody(error)?.code;
      if (status === 413 || code === 'FILE_TOO_LARGE') {
        notify('cf.attachments.too_large_server', {
          type: 'error',
          messageArgs: { name: file.name, message: errorMessage(error) },
        });
      } else if (status === 415 || code === 'UNSUPPORTED_FILE_TYPE') {
        notify('cf.attachments.unsupported_server', {
          type: 'error',
          messageArgs: { name: file.name, message: errorMessage(error) },
        });
      } else {
        notify('cf.attachments.upload_failed', {
          type: 'error',
          messageArgs: { name: file.name, message: errorMessage(error) || translate('ra.notification.http_error') },
        });
      }
      return null;
    } finally {
      setUploading(false);
    }
  };

  return { upload, uploading };
};

/** Downloads an attachment with the bearer token, then saves it. */
export const useAttachmentDownload = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  return async (attachment: Pick<Attachment, 'id' | 'proposalId' | 'fileName'>) => {
    try {
      const { blob, fileName } = await dataProvider.downloadProposalAttachment(
        attachment.proposalId,
        attachment.id,
        attachment.fileName,
      );
      saveBlob(blob, fileName);
    } catch (error) {
      notify('cf.attachments.download_failed', { type: 'error', messageArgs: { message: errorMessage(error) } });
    }
  };
};

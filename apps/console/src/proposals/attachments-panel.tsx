import { useState } from 'react';
import DeleteIcon from '@mui/icons-material/Delete';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { useQueryClient } from '@tanstack/react-query';
import { Confirm, Loading, useDataProvider, useLocaleState, useNotify, useTranslate, type Identifier } from 'react-admin';
import { errorBody, errorMessage } from '../common/api-error';
import { formatBytes } from '../common/download';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import { ATTACHMENT_KINDS, type Attachment, type AttachmentKind } from '../types';
import { useAttachmentDownload, useAttachmentUpload } from './attachment-upload';
import { FilePickButton } from './file-pick-button';
import { proposalKeys, useProposalAttachments } from './proposal-queries';

/**
 * A proposal's files: list, download (with the bearer token) and, while the applicant may
 * still change the proposal, upload and delete. Plain MUI controls: nothing here is a field of
 * the proposal's form.
 */
export const AttachmentsPanel = ({ proposalId, editable }: { proposalId: Identifier; editable: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useProposalAttachments(proposalId);
  const { upload, uploading } = useAttachmentUpload(proposalId);
  const download = useAttachmentDownload();
  const [kind, setKind] = useState<AttachmentKind>('letter_of_support');
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await dataProvider.deleteProposalAttachment(proposalId, deleting.id);
      await queryClient.invalidateQueries({ queryKey: proposalKeys.attachments(proposalId) });
      notify('cf.attachments.deleted', { type: 'info', messageArgs: { name: deleting.fileName } });
    } catch (e) {
      const code = errorBody(e)?.code;
      notify(code === 'ATTACHMENT_IN_USE' ? 'cf.attachments.in_use' : 'cf.attachments.delete_failed', {
        type: 'error',
        messageArgs: { message: errorMessage(e) },
      });
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  return (
    <Box sx={{ width: '100%' }}>
      {editable ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }} useFlexGap>
          <TextField
            select
            size="small"
            label={translate('cf.attachments.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as AttachmentKind)}
            fullWidth={false}
            sx={{ minWidth: 240 }}
          >
            {ATTACHMENT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`cf.attachment_kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <FilePickButton
            label="cf.attachments.upload"
            busy={uploading}
            onFile={(file) => void upload(kind, file)}
            testId="attachment-file"
          />
          <Typography variant="caption">{translate('cf.attachments.rules')}</Typography>
        </Stack>
      ) : null}
      {isPending ? (
        <Loading />
      ) : error ? (
        <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
      ) : !data || data.length === 0 ? (
        <Typography variant="body2">{translate('cf.attachments.none')}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={translate('cf.attachments.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('cf.attachments.file_name')}</TableCell>
                <TableCell>{translate('cf.attachments.kind')}</TableCell>
                <TableCell>{translate('cf.attachments.size')}</TableCell>
                <TableCell>{translate('cf.attachments.uploaded_at')}</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    {translate('cf.attachments.actions')}
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((attachment) => (
                <TableRow key={attachment.id}>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{attachment.fileName}</TableCell>
                  <TableCell>{translate(`cf.attachment_kinds.${attachment.kind}`, { _: attachment.kind })}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatBytes(attachment.sizeBytes, locale)}</TableCell>
                  <TableCell>{formatTorontoDateTime(attachment.uploadedAt, locale)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="small"
                      startIcon={<DownloadIcon />}
                      onClick={() => void download(attachment)}
                      aria-label={translate('cf.attachments.download_named', { name: attachment.fileName })}
                    >
                      {translate('cf.attachments.download')}
                    </Button>
                    {editable ? (
                      <Button
                        size="small"
                        color="error"
                        startIcon={<DeleteIcon />}
                        onClick={() => setDeleting(attachment)}
                        aria-label={translate('cf.attachments.delete_named', { name: attachment.fileName })}
                      >
                        {translate('ra.action.delete')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Confirm
        isOpen={deleting !== null}
        loading={busy}
        title="cf.attachments.confirm_delete_title"
        titleTranslateOptions={{ name: deleting?.fileName ?? '' }}
        content="cf.attachments.confirm_delete_content"
        confirm="ra.action.delete"
        confirmColor="warning"
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};

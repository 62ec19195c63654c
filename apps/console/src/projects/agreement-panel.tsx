import { useRef, useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import DrawIcon from '@mui/icons-material/Draw';
import SendIcon from '@mui/icons-material/Send';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatBytes, saveBlob } from '../common/download';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import { ActionDialogButton } from './action-dialog';
import { isRunning, useProjectCan } from './project-access';
import { CalendarDate } from './project-fields';
import { projectErrorText, torontoToday } from './project-format';
import type { Project } from './project-types';

/** The signed copy: a PDF, or a scan as PNG or JPEG (the API checks the content). */
const AGREEMENT_FILES = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 2, py: 0.5 }}>
    <Typography component="dt" variant="body2" color="text.secondary" sx={{ minWidth: 200 }}>
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0 }}>
      {children}
    </Typography>
  </Box>
);

/**
 * The funding agreement: draft → sent (the officer) → signed (the officer records the signature once the signed copy is
 * uploaded, by either side). Signing activates the project and accepts its first milestone.
 */
export const AgreementPanel = ({ project }: { project: Project }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const can = useProjectCan();
  const dataProvider = useDataProvider<AppDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { agreement } = project;
  const running = isRunning(project);
  const doc = agreement.document;

  const upload = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      await dataProvider.uploadAgreement(project.id, file);
      notify('cf.projects.agreement.uploaded', { type: 'success', messageArgs: { name: file.name } });
      refresh();
    } catch (e) {
      setError(projectErrorText(translate, e, locale));
    } finally {
      setUploading(false);
    }
  };

  const download = async () => {
    try {
      const { blob, fileName } = await dataProvider.downloadAgreement(project.id, doc?.fileName ?? 'agreement.pdf');
      saveBlob(blob, fileName);
    } catch (e) {
      notify('cf.api_error', { type: 'error', messageArgs: { message: projectErrorText(translate, e, locale) } });
    }
  };

  const uploadLabel = translate(doc ? 'cf.projects.agreement.replace' : 'cf.projects.agreement.upload');

  return (
    <Card component="section" variant="outlined" aria-labelledby="agreement-heading">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="agreement-heading" component="h2" variant="h6">
            {translate('cf.projects.agreement.title')}
          </Typography>
          <Chip
            size="small"
            color={agreement.status === 'signed' ? 'success' : agreement.status === 'sent' ? 'primary' : 'default'}
            label={translate(`cf.projects.agreement_statuses.${agreement.status}`)}
          />
        </Stack>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate(`cf.projects.agreement.explain_${agreement.status}`)}
        </Typography>
        <Box component="dl" sx={{ m: 0 }}>
          <Row label={translate('cf.projects.agreement.sent_at')}>{formatTorontoDateTime(agreement.sentAt, locale) || '—'}</Row>
          <Row label={translate('cf.projects.agreement.signed_on')}>
            <CalendarDate value={agreement.signedOn} />
          </Row>
          <Row label={translate('cf.projects.agreement.signed_by')}>{agreement.signedByName ?? '—'}</Row>
          <Row label={translate('cf.projects.agreement.document')}>
            {doc
              ? translate('cf.projects.agreement.document_line', {
                  name: doc.fileName,
                  size: formatBytes(doc.sizeBytes, locale),
                  at: formatTorontoDateTime(doc.uploadedAt, locale),
                  by: doc.uploadedByName ?? '—',
                })
              : translate('cf.projects.agreement.no_document')}
          </Row>
        </Box>
        {error ? (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
          {doc ? (
            <Button size="small" variant="outlined" startIcon={<DownloadIcon />} onClick={() => void download()}>
              {translate('cf.projects.agreement.download')}
            </Button>
          ) : null}
          {can('send_agreement') && running && agreement.status === 'draft' ? (
            <ActionDialogButton
              id="agreement-send"
              label="cf.projects.agreement.send"
              title={translate('cf.projects.agreement.send_title')}
              explain={translate('cf.projects.agreement.send_explain', { institution: project.institutionName })}
              submitLabel="cf.projects.agreement.send"
              done="cf.projects.agreement.sent"
              variant="contained"
              icon={<SendIcon />}
              fields={[{ name: 'note', label: 'cf.projects.fields.note', multiline: true }]}
              onConfirm={({ note }) => dataProvider.sendAgreement(project.id, note || undefined)}
            />
          ) : null}
          {can('upload_agreement') && running && agreement.status !== 'signed' ? (
            <Button
              component="label"
              size="small"
              variant="outlined"
              disabled={uploading}
              startIcon={uploading ? <CircularProgress size={16} /> : <UploadFileIcon />}
            >
              {uploadLabel}
              <input
                ref={input}
                type="file"
                hidden
                accept={AGREEMENT_FILES}
                aria-label={uploadLabel}
                data-testid="agreement-file"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void upload(file);
                }}
              />
            </Button>
          ) : null}
          {can('sign_agreement') && running && agreement.status === 'sent' ? (
            <>
              <ActionDialogButton
                id="agreement-sign"
                label="cf.projects.agreement.sign"
                title={translate('cf.projects.agreement.sign_title')}
                explain={translate('cf.projects.agreement.sign_explain')}
                submitLabel="cf.projects.agreement.sign"
                done="cf.projects.agreement.signed"
                variant="contained"
                icon={<DrawIcon />}
                disabled={!doc}
                describedBy={doc ? undefined : 'agreement-sign-why'}
                fields={[
                  {
                    name: 'signedOn',
                    label: 'cf.projects.agreement.signed_on',
                    type: 'date',
                    required: true,
                    initial: torontoToday(),
                    helper: 'cf.projects.agreement.signed_on_help',
                  },
                ]}
                onConfirm={({ signedOn }) => dataProvider.signAgreement(project.id, signedOn)}
              />
              {doc ? null : (
                <Typography id="agreement-sign-why" variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>
                  {translate('cf.projects.agreement.sign_needs_document')}
                </Typography>
              )}
            </>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
};

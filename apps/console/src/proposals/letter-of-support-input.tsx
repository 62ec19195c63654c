import DownloadIcon from '@mui/icons-material/Download';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Box, Button, FormHelperText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useInput, useTranslate, type Identifier } from 'react-admin';
import { useAttachmentDownload, useAttachmentUpload } from './attachment-upload';
import { FilePickButton } from './file-pick-button';
import { useProposalAttachments } from './proposal-queries';

/**
 * The partner's letter of support: an attachment of kind letter_of_support of this proposal,
 * whose id goes into partners[i].letterAttachmentId. Upload one here, or pick one already
 * uploaded; the link is saved with the proposal.
 */
export const LetterOfSupportInput = ({
  source,
  proposalId,
  editable,
}: {
  source: string;
  proposalId: Identifier;
  editable: boolean;
}) => {
  const translate = useTranslate();
  const { field, fieldState, id } = useInput({ source, defaultValue: null });
  const { data: attachments = [] } = useProposalAttachments(proposalId);
  const { upload, uploading } = useAttachmentUpload(proposalId);
  const download = useAttachmentDownload();
  const partners = (useWatch({ name: 'partners' }) ?? []) as { letterAttachmentId?: string | null }[];

  const value = typeof field.value === 'string' && field.value ? field.value : null;
  const letters = attachments.filter((a) => a.kind === 'letter_of_support');
  const current = value ? attachments.find((a) => a.id === value) : undefined;
  const usedElsewhere = new Set(partners.map((p) => p?.letterAttachmentId).filter((x): x is string => !!x && x !== value));
  const available = letters.filter((a) => !usedElsewhere.has(a.id));
  const labelId = `${id}-label`;

  return (
    <Box sx={{ my: 1, minWidth: 280 }} role="group" aria-labelledby={labelId}>
      <Typography id={labelId} variant="caption" component="div" sx={{ fontWeight: 600 }}>
        {translate('cf.proposal_items.partners.letterAttachmentId')}
      </Typography>
      {value ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="body2" data-testid="letter-file-name" sx={{ wordBreak: 'break-all' }}>
            {current ? current.fileName : translate('cf.letters.on_file')}
          </Typography>
          {current ? (
            <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download(current)}>
              {translate('cf.attachments.download')}
            </Button>
          ) : null}
          {editable ? (
            <Button size="small" startIcon={<LinkOffIcon />} onClick={() => field.onChange(null)}>
              {translate('cf.letters.unlink')}
            </Button>
          ) : null}
        </Stack>
      ) : editable ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <FilePickButton
            label="cf.letters.upload"
            busy={uploading}
            testId="letter-file"
            onFile={async (file) => {
              const attachment = await upload('letter_of_support', file);
              if (attachment) field.onChange(attachment.id);
            }}
          />
          {available.length > 0 ? (
            <TextField
              select
              size="small"
              label={translate('cf.letters.choose')}
              value=""
              onChange={(event) => field.onChange(event.target.value || null)}
              fullWidth={false}
              sx={{ minWidth: 240 }}
            >
              {available.map((a) => (
                <MenuItem key={a.id} value={a.id}>
                  {a.fileName}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
        </Stack>
      ) : (
        <Typography variant="body2">{translate('cf.letters.none')}</Typography>
      )}
      <FormHelperText error={!!fieldState.error}>
        {fieldState.error?.message
          ? translate(fieldState.error.message, { _: fieldState.error.message })
          : translate('cf.letters.help')}
      </FormHelperText>
    </Box>
  );
};

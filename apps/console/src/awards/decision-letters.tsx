import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Button as MuiButton, Chip, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorBody, errorMessage } from '../common/api-error';
import { formatBytes, saveBlob } from '../common/download';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import { LETTER_LANGUAGES, type DecisionLetter } from '../types';
import { awardKeys } from './awards-queries';

/** Downloads a letter with the bearer token and saves it under the server's file name. */
export const useDecisionLetterDownload = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  return async (letter: DecisionLetter) => {
    try {
      const { blob, fileName } = await dataProvider.downloadDecisionLetter(letter);
      saveBlob(blob, fileName);
    } catch (error) {
      notify(
        errorBody(error)?.code === 'LETTER_PENDING'
          ? 'cf.decision_letters.pending_download'
          : 'cf.decision_letters.download_failed',
        {
          type: 'error',
          messageArgs: { message: errorMessage(error) },
        },
      );
    }
  };
};

const STATUS_COLORS = { pending: 'default', generated: 'success', failed: 'error' } as const;

/**
 * A confirmed decision's letters, English and French: a download button per stored letter, its status otherwise
 * (being prepared, failed and retried), whether the applicant was mailed, and for officers and approvers a button
 * to make them again.
 */
export const DecisionLetterLinks = ({
  decisionId,
  letters,
  proposalLabel,
  canRegenerate = false,
}: {
  decisionId: string;
  letters: readonly DecisionLetter[];
  proposalLabel: string;
  canRegenerate?: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const download = useDecisionLetterDownload();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const emailedAt = letters.find((l) => l.emailedAt)?.emailedAt ?? null;

  const regenerate = async () => {
    setBusy(true);
    try {
      await dataProvider.regenerateDecisionLetters(decisionId);
      notify('cf.decision_letters.regenerated', { type: 'info' });
    } catch (error) {
      notify(
        errorBody(error)?.code === 'LETTERS_PENDING'
          ? 'cf.decision_letters.already_pending'
          : 'cf.decision_letters.regenerate_failed',
        {
          type: 'error',
          messageArgs: { message: errorMessage(error) },
        },
      );
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: awardKeys.letters() });
    }
  };

  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {LETTER_LANGUAGES.map((language) => {
          const letter = letters.find((l) => l.language === language);
          const name = translate(`cf.decision_letters.languages.${language}`);
          if (letter?.downloadUrl) {
            return (
              <MuiButton
                key={language}
                size="small"
                variant="outlined"
                startIcon={<DownloadIcon />}
                onClick={() => void download(letter)}
                aria-label={translate('cf.decision_letters.download_named', {
                  language: name,
                  proposal: proposalLabel,
                  size: letter.sizeBytes ? formatBytes(letter.sizeBytes, locale) : '',
                })}
                lang={language}
              >
                {translate(`cf.decision_letters.short.${language}`)}
              </MuiButton>
            );
          }
          const status = letter?.status ?? 'pending';
          return (
            <Chip
              key={language}
              size="small"
              color={STATUS_COLORS[status]}
              variant="outlined"
              label={`${translate(`cf.decision_letters.short.${language}`)} · ${translate(`cf.decision_letters.statuses.${status}`)}`}
              title={letter?.error ?? undefined}
            />
          );
        })}
        {canRegenerate ? (
          <MuiButton
            size="small"
            startIcon={<RefreshIcon />}
            disabled={busy}
            onClick={() => void regenerate()}
            aria-label={translate('cf.decision_letters.regenerate_named', { proposal: proposalLabel })}
          >
            {translate('cf.decision_letters.regenerate')}
          </MuiButton>
        ) : null}
      </Stack>
      <Typography variant="caption">
        {emailedAt
          ? translate('cf.decision_letters.emailed', { date: formatTorontoDateTime(emailedAt, locale) })
          : translate('cf.decision_letters.not_emailed')}
      </Typography>
    </Stack>
  );
};

import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import GridOnIcon from '@mui/icons-material/GridOn';
import { Button, useDataProvider, useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { saveBlob } from '../common/download';
import type { AppDataProvider } from '../providers/data-provider';
import type { ExportDataset, ExportFormat } from './project-types';

/**
 * The list's selection (its filters and sort) as CSV or XLSX, made by the server in the UI's language (headers and
 * codes), downloaded with the bearer token. An applicant's file holds their institution's rows only (the API's rule).
 */
export const ExportButtons = ({ dataset }: { dataset: ExportDataset }) => {
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const { blob, fileName } = await dataProvider.exportProjectList(dataset, format, locale, filterValues ?? {}, sort);
      saveBlob(blob, fileName);
    } catch (error) {
      notify('cf.export.failed', { type: 'error', messageArgs: { message: errorMessage(error) } });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button
        label="cf.export.csv"
        aria-label={translate('cf.projects.export.csv_named', { list: translate(`cf.projects.export.${dataset}`) })}
        onClick={() => void run('csv')}
        disabled={busy !== null || total === 0}
      >
        <DownloadIcon />
      </Button>
      <Button
        label="cf.projects.export.xlsx"
        aria-label={translate('cf.projects.export.xlsx_named', { list: translate(`cf.projects.export.${dataset}`) })}
        onClick={() => void run('xlsx')}
        disabled={busy !== null || total === 0}
      >
        <GridOnIcon />
      </Button>
    </>
  );
};

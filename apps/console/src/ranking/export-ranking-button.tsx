import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useDataProvider, useNotify } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { saveBlob } from '../common/download';
import type { AppDataProvider } from '../providers/data-provider';

/** The fund's ranking as CSV, made by the server (UTF-8 with a byte order mark), downloaded with the bearer token. */
export const ExportRankingButton = ({ fundId, flaggedOnly }: { fundId: string; flaggedOnly: boolean }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await dataProvider.exportRanking(fundId, flaggedOnly ? { disagreement: true } : {});
      saveBlob(blob, fileName);
    } catch (error) {
      notify('cf.export.failed', { type: 'error', messageArgs: { message: errorMessage(error) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="cf.export.csv" onClick={() => void run()} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
};

import { Box, Link, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { openDataUrl, type Filter, type PublicLanguage } from './public-api';

/** Download links of one dataset (CSV and JSON) in the page's language, of a selection when a filter is given. */
export const DownloadLinks = ({
  dataset,
  lang,
  filter,
  label,
}: {
  dataset: 'projects' | 'micro-credentials';
  lang: PublicLanguage;
  filter?: Filter;
  label: string;
}) => {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ listStyle: 'none', display: 'flex', gap: 2, flexWrap: 'wrap', p: 0, m: 0 }}>
      {(['csv', 'json'] as const).map((format) => (
        <li key={format}>
          <Link href={openDataUrl(dataset, format, lang, filter)} download={format === 'csv' ? '' : undefined} hrefLang={lang}>
            {translate(`pub.open_data.${format}_of`, { name: label })}
          </Link>
        </li>
      ))}
    </Box>
  );
};

/** The downloads of the selection shown on a list page. */
export const SelectionDownloads = ({
  dataset,
  lang,
  filter,
}: {
  dataset: 'projects' | 'micro-credentials';
  lang: PublicLanguage;
  filter: Filter;
}) => {
  const translate = useTranslate();
  const name = translate(dataset === 'projects' ? 'pub.open_data.projects' : 'pub.open_data.micro_credentials');
  return (
    <Box component="section" aria-labelledby={`downloads-${dataset}`} sx={{ mt: 3 }}>
      <Typography component="h2" variant="h6" id={`downloads-${dataset}`}>
        {translate('pub.open_data.selection')}
      </Typography>
      <DownloadLinks dataset={dataset} lang={lang} filter={filter} label={name} />
    </Box>
  );
};

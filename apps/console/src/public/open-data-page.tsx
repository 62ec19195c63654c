import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DownloadLinks } from './open-data-links';
import { PublicLayout } from './public-layout';
import { usePublicLocation } from './use-public-location';

/** The open data downloads and what they contain (no login). */
export const OpenDataPage = () => {
  const translate = useTranslate();
  const loc = usePublicLocation([]);
  const title = translate('pub.open_data.title');
  return (
    <PublicLayout title={title} lang={loc.lang} setLanguage={loc.setLanguage} href={loc.href} current="open_data">
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Typography sx={{ mb: 1, maxWidth: '70ch' }}>{translate('pub.open_data.intro')}</Typography>
      <Typography sx={{ mb: 3, maxWidth: '70ch' }}>{translate('pub.open_data.what')}</Typography>
      {(
        [
          ['projects', 'pub.open_data.projects'],
          ['micro-credentials', 'pub.open_data.micro_credentials'],
        ] as const
      ).map(([dataset, label]) => (
        <Box component="section" key={dataset} aria-labelledby={`open-data-${dataset}`} sx={{ mb: 3 }}>
          <Typography component="h2" variant="h6" id={`open-data-${dataset}`}>
            {translate(label)}
          </Typography>
          <DownloadLinks dataset={dataset} lang={loc.lang} label={translate(label)} />
        </Box>
      ))}
    </PublicLayout>
  );
};

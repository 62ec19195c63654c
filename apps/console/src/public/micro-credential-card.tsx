import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { PublicLanguage, PublicMicroCredential } from './public-api';
import { formatDate } from './public-format';
import { PUBLIC_PATHS } from './public-paths';

/** A definition list: term and description pairs, readable by screen readers. */
export const Details = ({ items }: { items: [string, ReactNode][] }) => (
  <Box
    component="dl"
    sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 2, rowGap: 0.5, m: 0 }}
  >
    {items.map(([term, description]) => (
      <Box key={term} sx={{ display: 'contents' }}>
        <Box component="dt" sx={{ fontWeight: 700 }}>
          {term}
        </Box>
        <Box component="dd" sx={{ m: 0 }}>
          {description}
        </Box>
      </Box>
    ))}
  </Box>
);

/** One funded micro-credential of the catalogue. */
export const MicroCredentialCard = ({
  record,
  lang,
  showProject = true,
}: {
  record: PublicMicroCredential;
  lang: PublicLanguage;
  showProject?: boolean;
}) => {
  const translate = useTranslate();
  const launch = record.launchedOn
    ? translate('pub.values.launched', { date: formatDate(record.launchedOn, lang) })
    : record.plannedLaunchOn
      ? translate('pub.values.planned', { date: formatDate(record.plannedLaunchOn, lang) })
      : translate('pub.values.not_scheduled');
  const items: [string, ReactNode][] = [
    [translate('pub.fields.institution'), record.institutionName],
    [translate('pub.fields.region'), translate(`cf.regions.${record.region}`, { _: record.region })],
    [translate('pub.fields.sector'), translate(`cf.sectors.${record.sector}`, { _: record.sector })],
    ...(record.areaOfFocus ? [[translate('pub.fields.areaOfFocus'), record.areaOfFocus] as [string, string]] : []),
    [translate('pub.fields.deliveryMode'), translate(`cf.delivery_modes.${record.deliveryMode}`, { _: record.deliveryMode })],
    [translate('pub.fields.hours'), translate('pub.values.hours', { smart_count: record.hours })],
    [translate('pub.fields.launch'), launch],
    [translate('pub.fields.osapStatus'), translate(`pub.osap_statuses.${record.osapStatus}`, { _: record.osapStatus })],
    [
      translate('pub.fields.work_integrated_learning'),
      translate(record.workIntegratedLearning ? 'pub.values.yes' : 'pub.values.no'),
    ],
    [translate('pub.fields.stackable'), translate(record.stackable ? 'pub.values.yes' : 'pub.values.no')],
  ];
  if (showProject) {
    items.push([
      translate('pub.fields.project'),
      <Link to={`${PUBLIC_PATHS.project(record.projectId)}?lang=${lang}`}>{record.projectTitle}</Link>,
    ]);
  }
  return (
    <Box component="article" sx={{ border: '1px solid #d0d0d0', borderRadius: 1, p: 2 }}>
      <Typography component="h3" variant="h6" sx={{ mt: 0, mb: 1 }}>
        {record.title}
      </Typography>
      <Details items={items} />
    </Box>
  );
};

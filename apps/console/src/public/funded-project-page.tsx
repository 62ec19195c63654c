import { Alert, Box, Typography } from '@mui/material';
import { Link, useParams, useTranslate } from 'react-admin';
import { formatCents } from '../common/money';
import { Details, MicroCredentialCard } from './micro-credential-card';
import { PublicApiError, useProject } from './public-api';
import { formatDate } from './public-format';
import { PublicLayout } from './public-layout';
import { PUBLIC_PATHS } from './public-paths';
import { usePublicLocation } from './use-public-location';

/** One published funded project with its partners and micro-credentials (no login). */
export const FundedProjectPage = () => {
  const translate = useTranslate();
  const { id } = useParams<{ id: string }>();
  const loc = usePublicLocation([]);
  const project = useProject(id);
  const p = project.data;
  const notFound = project.error instanceof PublicApiError && project.error.status < 500;
  const title = p?.title ?? translate('pub.projects.title');

  return (
    <PublicLayout title={title} lang={loc.lang} setLanguage={loc.setLanguage} href={loc.href} current="projects">
      <Box sx={{ mb: 2 }}>
        <Link to={loc.href(PUBLIC_PATHS.projects)}>{translate('pub.project.back')}</Link>
      </Box>
      {project.isPending && <Typography>{translate('pub.loading')}</Typography>}
      {notFound && <Alert severity="info">{translate('pub.project.not_found')}</Alert>}
      {project.isError && !notFound && <Alert severity="error">{translate('pub.error')}</Alert>}
      {p && (
        <>
          <Typography component="h1" variant="h4" sx={{ mb: 2 }}>
            {p.title}
          </Typography>
          <Box component="section" aria-labelledby="project-details" sx={{ mb: 3 }}>
            <Typography component="h2" variant="h6" id="project-details" sx={{ mb: 1 }}>
              {translate('pub.project.details')}
            </Typography>
            {p.summary && <Typography sx={{ mb: 2, maxWidth: '70ch' }}>{p.summary}</Typography>}
            <Details
              items={[
                [translate('pub.fields.institution'), p.institutionName],
                [translate('pub.fields.fund'), loc.lang === 'fr' ? p.fundNameFr : p.fundNameEn],
                [translate('pub.fields.amount'), formatCents(p.awardCents, loc.lang)],
                [translate('pub.fields.awarded_on'), formatDate(p.awardedOn, loc.lang)],
                [
                  translate('pub.fields.period'),
                  translate('pub.project.period', { start: formatDate(p.startOn, loc.lang), end: formatDate(p.endOn, loc.lang) }),
                ],
                [translate('pub.fields.status'), translate(`pub.project_statuses.${p.status}`, { _: p.status })],
                [translate('pub.fields.region'), translate(`cf.regions.${p.region}`, { _: p.region })],
                [translate('pub.fields.sectors'), p.sectors.map((s) => translate(`cf.sectors.${s}`, { _: s })).join(', ')],
                ...(p.areasOfFocus.length
                  ? [[translate('pub.fields.areasOfFocus'), p.areasOfFocus.join(', ')] as [string, string]]
                  : []),
                [
                  translate('pub.fields.regionsServed'),
                  p.regionsServed.map((r) => translate(`cf.regions.${r}`, { _: r })).join(', '),
                ],
                [
                  translate('pub.fields.partners'),
                  p.partners.length ? (
                    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                      {p.partners.map((x) => (
                        <li key={`${x.name}-${x.kind}`}>
                          {x.name} ({translate(`cf.partner_kinds.${x.kind}`, { _: x.kind })},{' '}
                          {translate(`cf.sectors.${x.sector}`, { _: x.sector })})
                        </li>
                      ))}
                    </Box>
                  ) : (
                    translate('pub.project.no_partners')
                  ),
                ],
              ]}
            />
          </Box>
          <Box component="section" aria-labelledby="project-micro-credentials">
            <Typography component="h2" variant="h6" id="project-micro-credentials" sx={{ mb: 1 }}>
              {translate('pub.project.micro_credentials')}
            </Typography>
            {p.microCredentials.length === 0 && <Typography>{translate('pub.project.no_micro_credentials')}</Typography>}
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }}>
              {p.microCredentials.map((record) => (
                <li key={record.id}>
                  <MicroCredentialCard record={record} lang={loc.lang} showProject={false} />
                </li>
              ))}
            </Box>
          </Box>
        </>
      )}
    </PublicLayout>
  );
};

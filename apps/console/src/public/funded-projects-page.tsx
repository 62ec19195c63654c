import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { formatCents } from '../common/money';
import { FacetSelect, PublicPagination, SearchBox } from './public-filters';
import { PROJECT_CRITERIA, useProjectFacets, useProjects } from './public-api';
import { SelectionDownloads } from './open-data-links';
import { PublicLayout } from './public-layout';
import { PUBLIC_PATHS } from './public-paths';
import { usePublicLocation } from './use-public-location';

const PER_PAGE = 25;

/** The published funded projects (no login): institution, title, amount, region, sectors and partners, with filters. */
export const FundedProjectsPage = () => {
  const translate = useTranslate();
  const loc = usePublicLocation(PROJECT_CRITERIA);
  const list = useProjects(loc.filter, loc.page, PER_PAGE);
  const facets = useProjectFacets(loc.filter, loc.lang);
  const title = translate('pub.projects.title');
  const total = list.data?.total ?? 0;
  const filtered = Object.keys(loc.filter).length > 0;

  return (
    <PublicLayout title={title} lang={loc.lang} setLanguage={loc.setLanguage} href={loc.href} current="projects">
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Typography sx={{ mb: 3, maxWidth: '70ch' }}>{translate('pub.projects.intro')}</Typography>
      <Box component="section" aria-labelledby="public-filters-title" sx={{ mb: 3 }}>
        <Typography component="h2" variant="h6" id="public-filters-title" sx={{ mb: 1 }}>
          {translate('pub.filters.title')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(5, 1fr)' }, gap: 2 }}>
          <Box sx={{ gridColumn: { md: 'span 5' }, maxWidth: 600 }}>
            <SearchBox
              label={translate('pub.filters.search_projects')}
              value={loc.filter.q}
              onSearch={(q) => loc.setFilter({ q })}
            />
          </Box>
          {PROJECT_CRITERIA.map((criterion) => (
            <FacetSelect
              key={criterion}
              name={criterion}
              label={translate(`pub.fields.${criterion}`)}
              buckets={facets.data?.[criterion]}
              value={loc.filter[criterion]}
              onChange={(value) => loc.setFilter({ [criterion]: value })}
            />
          ))}
          {filtered && (
            <Button variant="text" onClick={loc.clearFilters} sx={{ justifySelf: 'start' }}>
              {translate('pub.filters.clear')}
            </Button>
          )}
        </Box>
      </Box>
      <Box component="section" aria-labelledby="public-results-title">
        <Box role="status" aria-live="polite">
          <Typography component="h2" variant="h6" id="public-results-title" sx={{ mb: 2 }}>
            {list.isPending ? translate('pub.loading') : translate('pub.projects.results', { smart_count: total })}
          </Typography>
        </Box>
        {list.isError && <Alert severity="error">{translate('pub.error')}</Alert>}
        {list.data && total === 0 && <Typography>{translate('pub.projects.none')}</Typography>}
        {list.data && total > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, position: 'absolute', left: -10000 }}>
                {translate('pub.projects.table_caption')}
              </caption>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {translate('pub.fields.title')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {translate('pub.fields.institution')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {translate('pub.fields.region')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {translate('pub.fields.sectors')}
                  </TableCell>
                  <TableCell component="th" scope="col" align="right">
                    {translate('pub.fields.amount')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {translate('pub.fields.partners')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.data.items.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell component="th" scope="row">
                      <Link to={`${PUBLIC_PATHS.project(p.id)}?lang=${loc.lang}`}>{p.title}</Link>
                    </TableCell>
                    <TableCell>{p.institutionName}</TableCell>
                    <TableCell>{translate(`cf.regions.${p.region}`, { _: p.region })}</TableCell>
                    <TableCell>{p.sectors.map((s) => translate(`cf.sectors.${s}`, { _: s })).join(', ')}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatCents(p.awardCents, loc.lang)}
                    </TableCell>
                    <TableCell>{p.partners.map((x) => x.name).join(', ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
        <PublicPagination page={loc.page} total={total} perPage={PER_PAGE} onPage={loc.setPage} />
        <SelectionDownloads dataset="projects" lang={loc.lang} filter={loc.filter} />
      </Box>
    </PublicLayout>
  );
};

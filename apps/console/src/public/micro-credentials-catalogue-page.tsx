import { Alert, Box, Button, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FacetSelect, PublicPagination, SearchBox } from './public-filters';
import { MICRO_CREDENTIAL_CRITERIA, useMicroCredentialFacets, useMicroCredentials } from './public-api';
import { MicroCredentialCard } from './micro-credential-card';
import { SelectionDownloads } from './open-data-links';
import { PublicLayout } from './public-layout';
import { usePublicLocation } from './use-public-location';

const PER_PAGE = 20;

/**
 * The public catalogue of funded micro-credentials (no login): search by title, filter by industry, area of focus,
 * institution, region, delivery mode and OSAP approval, with the count of results and the downloads of the selection.
 */
export const MicroCredentialsCataloguePage = () => {
  const translate = useTranslate();
  const loc = usePublicLocation(MICRO_CREDENTIAL_CRITERIA);
  const list = useMicroCredentials(loc.filter, loc.page, PER_PAGE);
  const facets = useMicroCredentialFacets(loc.filter, loc.lang);
  const title = translate('pub.catalogue.title');
  const total = list.data?.total ?? 0;
  const filtered = Object.keys(loc.filter).length > 0;

  return (
    <PublicLayout title={title} lang={loc.lang} setLanguage={loc.setLanguage} href={loc.href} current="catalogue">
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Typography sx={{ mb: 3, maxWidth: '70ch' }}>{translate('pub.catalogue.intro')}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '300px 1fr' }, gap: 3, alignItems: 'start' }}>
        <Box component="section" aria-labelledby="public-filters-title" sx={{ display: 'grid', gap: 2 }}>
          <Typography component="h2" variant="h6" id="public-filters-title">
            {translate('pub.filters.title')}
          </Typography>
          <SearchBox
            stacked
            label={translate('pub.filters.search')}
            value={loc.filter.q}
            onSearch={(q) => loc.setFilter({ q })}
          />
          {MICRO_CREDENTIAL_CRITERIA.map((criterion) => (
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
        <Box component="section" aria-labelledby="public-results-title">
          <Box role="status" aria-live="polite">
            <Typography component="h2" variant="h6" id="public-results-title" sx={{ mb: 2 }}>
              {list.isPending ? translate('pub.loading') : translate('pub.catalogue.results', { smart_count: total })}
            </Typography>
          </Box>
          {list.isError && <Alert severity="error">{translate('pub.error')}</Alert>}
          {list.data && total === 0 && <Typography>{translate('pub.catalogue.none')}</Typography>}
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }}>
            {list.data?.items.map((record) => (
              <li key={record.id}>
                <MicroCredentialCard record={record} lang={loc.lang} />
              </li>
            ))}
          </Box>
          <PublicPagination page={loc.page} total={total} perPage={PER_PAGE} onPage={loc.setPage} />
          <SelectionDownloads dataset="micro-credentials" lang={loc.lang} filter={loc.filter} />
        </Box>
      </Box>
    </PublicLayout>
  );
};

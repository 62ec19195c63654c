import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  maxLength,
  minValue,
  NumberInput,
  number,
  regex,
  required,
  SimpleFormIterator,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { ontarioRegionChoices, sectorChoices } from '../common/choices';
import type { Affiliation } from '../types';

const integer: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'cf.validation.whole_number';
const validateMaxLoad = [required(), number(), integer, minValue(0)];
const validateOrganization = [required(), maxLength(300), regex(/\S/, 'ra.validation.required')];

/** An affiliation ends on or after the day it started. */
const endsAfterStart: Validator = (value: unknown, values: unknown, props: unknown) => {
  if (!value) return undefined;
  // the item's values: affiliations.<index>.endedOn
  const source = (props as { source?: string } | undefined)?.source ?? '';
  const match = /^affiliations\.(\d+)\./.exec(source);
  const items = (values as { affiliations?: Affiliation[] } | undefined)?.affiliations ?? [];
  const startedOn = match ? items[Number(match[1])]?.startedOn : undefined;
  return startedOn && String(value) < String(startedOn) ? 'cf.validation.ended_before_started' : undefined;
};

const SectionTitle = ({ text, help }: { text: string; help?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 1, maxWidth: 960 }}>
      <Typography component="h2" variant="h6">
        {translate(text)}
      </Typography>
      {help ? <Typography variant="body2">{translate(help)}</Typography> : null}
    </Box>
  );
};

/** The reviewer's profile: load, expertise, availability and affiliations (for conflicts of interest). */
export const ReviewerInputs = () => (
  <Box sx={{ width: '100%' }}>
    <NumberInput source="maxLoad" validate={validateMaxLoad} min={0} step={1} helperText="cf.reviewers.max_load_help" />
    <BooleanInput source="active" helperText="cf.reviewers.active_help" />
    <SectionTitle text="cf.reviewers.expertise" help="cf.reviewers.expertise_help" />
    <CheckboxGroupInput source="sectors" choices={sectorChoices} />
    <CheckboxGroupInput source="regions" choices={ontarioRegionChoices} />
    <SectionTitle text="resources.reviewers.fields.affiliations" help="cf.reviewers.affiliations_help" />
    <ArrayInput source="affiliations" label={false}>
      <SimpleFormIterator inline fullWidth sx={{ '& .RaSimpleFormIterator-form': { flexWrap: 'wrap', rowGap: 1 } }}>
        <TextInput
          source="organizationName"
          label="cf.reviewers.affiliation.organizationName"
          validate={validateOrganization}
          fullWidth={false}
          sx={{ width: 340 }}
        />
        <DateInput source="startedOn" label="cf.reviewers.affiliation.startedOn" fullWidth={false} />
        <DateInput
          source="endedOn"
          label="cf.reviewers.affiliation.endedOn"
          helperText="cf.reviewers.affiliation.endedOn_help"
          validate={endsAfterStart}
          fullWidth={false}
        />
      </SimpleFormIterator>
    </ArrayInput>
  </Box>
);

const dateOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.slice(0, 10) : null;

/** POST takes {userId, maxLoad, sectors, regions, affiliations, active}; PUT the same (no userId) and the version read. */
export const toReviewerPayload = (values: Record<string, unknown>) => {
  const affiliations = Array.isArray(values.affiliations) ? (values.affiliations as Partial<Affiliation>[]) : [];
  return {
    ...(values.userId !== undefined && values.version === undefined ? { userId: values.userId } : {}),
    maxLoad: values.maxLoad,
    sectors: Array.isArray(values.sectors) ? values.sectors : [],
    regions: Array.isArray(values.regions) ? values.regions : [],
    active: values.active !== false,
    affiliations: affiliations
      .filter((a) => a && typeof a === 'object')
      .map((a) => ({
        organizationName: typeof a.organizationName === 'string' ? a.organizationName.trim() : a.organizationName,
        startedOn: dateOrNull(a.startedOn),
        endedOn: dateOrNull(a.endedOn),
      })),
    ...(values.version !== undefined ? { version: values.version } : {}),
  };
};

import { maxLength, regex, required, SelectInput, TextInput } from 'react-admin';
import { partnerRegionChoices, sectorChoices } from '../common/choices';
import { organizationSizeChoices, partnerKindChoices } from './partner-organization-choices';

const validateName = [required(), maxLength(300), regex(/\S/, 'ra.validation.required')];
const validateRequired = [required()];

/** The inputs of the partner organization forms (also in the quick-create dialog of proposals). */
export const PartnerOrganizationInputs = () => (
  <>
    <TextInput source="name" validate={validateName} fullWidth />
    <SelectInput source="kind" choices={partnerKindChoices} validate={validateRequired} />
    <SelectInput source="sector" choices={sectorChoices} validate={validateRequired} />
    <SelectInput source="region" choices={partnerRegionChoices} validate={validateRequired} />
    <SelectInput source="size" choices={organizationSizeChoices} validate={validateRequired} />
  </>
);

/** POST takes {name, kind, sector, region, size}; PUT the same and the version read. */
export const toPartnerOrganizationPayload = (values: Record<string, unknown>) => ({
  name: typeof values.name === 'string' ? values.name.trim() : values.name,
  kind: values.kind,
  sector: values.sector,
  region: values.region,
  size: values.size,
  ...(values.version !== undefined ? { version: values.version } : {}),
});

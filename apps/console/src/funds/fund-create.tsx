import { Create, SimpleForm } from 'react-admin';
import { INSTITUTION_TYPES, type Fund } from '../types';
import { FundFormToolbar } from './fund-form-toolbar';
import { FundInputs } from './fund-inputs';
import { toFundPayload } from './fund-validation';

/** The 2021 fund's rules as defaults: $50,000 per micro-credential, $300,000 for a stack of 5. */
const defaults = () => ({
  status: 'draft',
  eligibleInstitutionTypes: [...INSTITUTION_TYPES],
  capSingleCents: 5_000_000,
  capStackCents: 30_000_000,
  stackMinCredentials: 5,
  submissionsPerInstitution: 1,
  targetCredentials: 250,
  launchEarliest: null,
  launchLatest: null,
  criteria: [],
});

export const FundCreate = () => (
  <Create redirect="show" transform={(values: Partial<Fund>) => toFundPayload(values)}>
    <SimpleForm toolbar={<FundFormToolbar />} defaultValues={defaults}>
      <FundInputs />
    </SimpleForm>
  </Create>
);

import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { PartnerOrganizationFormToolbar } from './partner-organization-form-toolbar';
import { PartnerOrganizationInputs, toPartnerOrganizationPayload } from './partner-organization-inputs';

const PartnerOrganizationEditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** PUT /api/partner-organizations/:id with the full record and the version read. */
export const PartnerOrganizationEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={<PartnerOrganizationEditActions />}
    transform={toPartnerOrganizationPayload}
    redirect="show"
  >
    <SimpleForm toolbar={<PartnerOrganizationFormToolbar />}>
      <PartnerOrganizationInputs />
    </SimpleForm>
  </Edit>
);

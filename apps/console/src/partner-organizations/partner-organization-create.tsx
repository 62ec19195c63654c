import { Create, SimpleForm } from 'react-admin';
import { PartnerOrganizationFormToolbar } from './partner-organization-form-toolbar';
import { PartnerOrganizationInputs, toPartnerOrganizationPayload } from './partner-organization-inputs';

export const PartnerOrganizationCreate = () => (
  <Create redirect="show" transform={toPartnerOrganizationPayload}>
    <SimpleForm toolbar={<PartnerOrganizationFormToolbar />}>
      <PartnerOrganizationInputs />
    </SimpleForm>
  </Create>
);

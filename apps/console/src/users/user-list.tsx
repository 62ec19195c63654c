import { DataTable, List, ReferenceField } from 'react-admin';
import { DateTimeField } from '../common/date-time-field';
import { RolesField } from './roles-field';
import { userFilters } from './user-filters';
import { UserStatusField } from './user-status-field';

export const UserList = () => (
  <List filters={userFilters} sort={{ field: 'email', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="email" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="roles" disableSort>
        <RolesField source="roles" />
      </DataTable.Col>
      <DataTable.Col source="institutionId" disableSort>
        <ReferenceField source="institutionId" reference="institutions" link={false} />
      </DataTable.Col>
      <DataTable.Col source="isActive">
        <UserStatusField />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

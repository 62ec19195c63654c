import EventIcon from '@mui/icons-material/Event';
import { useDataProvider, useTranslate, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';
import { ActionDialogButton } from './action-dialog';

/**
 * An officer moves a milestone's or a report's due date (an amendment, with its reason, audited). A report's reminder
 * and overdue notice may go out again for the new date.
 */
export const RescheduleButton = ({
  projectId,
  item,
  itemId,
  name,
  dueOn,
}: {
  projectId: Identifier;
  item: 'milestones' | 'reports';
  itemId: string;
  /** the milestone's or report's title, in the UI's language */
  name: string;
  dueOn: string;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  return (
    <ActionDialogButton
      id={`reschedule-${itemId}`}
      label="cf.projects.reschedule.action"
      ariaLabel={translate('cf.projects.reschedule.action_named', { name })}
      title={translate('cf.projects.reschedule.title', { name })}
      explain={translate(`cf.projects.reschedule.explain_${item}`)}
      submitLabel="cf.projects.reschedule.action"
      done="cf.projects.reschedule.done"
      icon={<EventIcon />}
      fields={[
        { name: 'dueOn', label: 'cf.projects.reschedule.due_on', type: 'date', required: true, initial: dueOn },
        { name: 'reason', label: 'cf.projects.reschedule.reason', required: true, multiline: true, maxLength: 2000 },
      ]}
      onConfirm={({ dueOn: date, reason }) => dataProvider.rescheduleProjectItem(projectId, item, itemId, date, reason)}
    />
  );
};

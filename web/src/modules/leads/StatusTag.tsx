// A lead's care status (L10) as a coloured tag.
import { Tag } from 'antd';
import type { LeadStatus } from '../../api/types';
import type { LeadFields } from './useLeadFields';

const colors: Record<LeadStatus, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_process: 'gold',
  converted: 'green',
  recycled: 'purple',
  dead: 'default',
};

export function StatusTag({ status, fields }: { status: LeadStatus; fields: LeadFields }) {
  return <Tag color={colors[status] ?? 'default'}>{fields.optionLabel('status', status)}</Tag>;
}

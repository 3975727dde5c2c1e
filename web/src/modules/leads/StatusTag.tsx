// A lead's care status (L10) or a target's status (T1–T3) as a coloured tag.
import { Tag } from 'antd';
import type { LeadStatus, TargetStatus } from '../../api/types';
import type { LeadFields } from './useLeadFields';

const colors: Record<LeadStatus | TargetStatus, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_process: 'gold',
  converted: 'green',
  recycled: 'purple',
  dead: 'default',
  raw: 'default',
  wait_for_deliver: 'gold',
  transferred: 'green',
  invalid: 'red',
};

/** `fields` is the registry of the record's type, whose status options name the value. */
export function StatusTag({ status, fields }: { status: LeadStatus | TargetStatus; fields: LeadFields }) {
  return <Tag color={colors[status] ?? 'default'}>{fields.optionLabel('status', status)}</Tag>;
}

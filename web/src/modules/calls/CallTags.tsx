// A call's status (Scheduled, Completed, Cancelled) and result (C2) as coloured tags.
import { Tag } from 'antd';
import type { CallResult, CallStatus } from '../../api/types';
import type { CallFields } from './useCallFields';

const statusColors: Record<CallStatus, string> = {
  scheduled: 'blue',
  completed: 'green',
  cancelled: 'default',
};

const resultColors: Record<CallResult, string> = {
  interested: 'green',
  not_interested: 'orange',
  deny: 'volcano',
  call_back_later: 'gold',
  invalid_number: 'red',
  wrong_person: 'magenta',
};

export function CallStatusTag({ status, fields }: { status: CallStatus; fields: CallFields }) {
  return (
    <Tag color={statusColors[status] ?? 'default'} data-testid="call-status">
      {fields.optionLabel('status', status)}
    </Tag>
  );
}

export function CallResultTag({ result, fields }: { result: CallResult | null; fields: CallFields }) {
  if (!result) return null;
  return (
    <Tag color={resultColors[result] ?? 'default'} data-testid="call-result">
      {fields.optionLabel('result', result)}
    </Tag>
  );
}

// R4 on the lead page (managers and admins): Unassign hands the lead to another member of its
// rule; Reassign lets the manager pick the new owner.
import { useState } from 'react';
import { App as AntApp, Button, Form, Modal, Popconfirm, Select } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { assignLead, unassignLead } from '../../api/assignment';
import type { Lead } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { seesLead } from '../auth/roles';
import { useDirectory } from '../common/useDirectory';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';

interface Props {
  lead: Lead;
  onChanged: (lead: Lead) => void;
}

export function OwnerActions({ lead, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const directory = useDirectory();
  const [picking, setPicking] = useState(false);
  const [owner, setOwner] = useState<number | undefined>();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const done = (saved: Lead) => {
    const name = saved.owner_id ? directory.userName(saved.owner_id) : '—';
    if (!seesLead(me, saved)) {
      // A rule gave it outside the user's sight (an admin's rule, another team): its page is
      // closed to them now, so back to the list, told why.
      void message.success(t('assignment.nowOutOfSight', { name }));
      navigate('/leads');
      return;
    }
    onChanged(saved);
    void message.success(t('assignment.nowOwnedBy', { name }));
  };
  const unassign = useMutation({
    mutationFn: () => unassignLead(lead.id),
    onSuccess: done,
    // Mostly that nobody else is there to take it (closed leads have no Unassign).
    onError: (error) => void message.error(errorText(error, t)),
  });
  // Nobody is to call a converted, dead or do-not-contact lead: no rule hands it on (the server
  // refuses too).
  const mayHandOn = lead.owner_id !== null && !lead.do_not_contact && lead.status !== 'converted' && lead.status !== 'dead';
  const reassign = useMutation({
    mutationFn: (ownerId: number) => assignLead(lead.id, ownerId),
    onSuccess: (saved) => {
      setPicking(false);
      done(saved);
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  return (
    <>
      {mayHandOn && (
        <Popconfirm
          title={t('assignment.unassignConfirm')}
          okText={t('common.yes')}
          cancelText={t('common.cancel')}
          okButtonProps={{ loading: unassign.isPending }}
          onConfirm={() => untilAnswered(unassign.mutateAsync())}
        >
          <Button data-testid="lead-unassign">{t('assignment.unassign')}</Button>
        </Popconfirm>
      )}
      <Button
        icon={<UserSwitchOutlined />}
        onClick={() => {
          setOwner(undefined);
          setPicking(true);
        }}
        data-testid="lead-reassign"
      >
        {t('assignment.reassign')}
      </Button>
      <Modal
        open={picking}
        title={t('assignment.reassignTitle', { name: lead.full_name })}
        onCancel={() => setPicking(false)}
        onOk={() => owner !== undefined && reassign.mutate(owner)}
        okButtonProps={{ disabled: owner === undefined, loading: reassign.isPending }}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form layout="vertical">
          <Form.Item label={t('assignment.newOwner')}>
            <Select
              showSearch
              optionFilterProp="label"
              value={owner}
              onChange={setOwner}
              options={directory.assignableOptions.filter((option) => option.value !== lead.owner_id)}
              data-testid="reassign-owner"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

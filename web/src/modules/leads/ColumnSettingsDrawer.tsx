// "Thiết lập bảng" (L7): tick the fields the list shows and drag them into order; "Áp dụng"
// keeps the choice for the user on the server.
import { useState, type CSSProperties } from 'react';
import { App as AntApp, Button, Checkbox, Drawer, Flex, Typography } from 'antd';
import { HolderOutlined } from '@ant-design/icons';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { saveLeadColumns } from '../../api/leads';
import { errorText } from '../common/apiErrors';
import { defaultColumns, fixedColumn, leadColumnsKey } from './useLeadColumns';
import { isColumn, type LeadFields } from './useLeadFields';

interface Choice {
  name: string;
  shown: boolean;
}

/** The shown columns first, in their order, then every other field in the registry's order. */
function choicesFor(fields: LeadFields, shown: string[]): Choice[] {
  const others = fields.all.filter((field) => isColumn(field) && !shown.includes(field.name));
  return [...shown.map((name) => ({ name, shown: true })), ...others.map((field) => ({ name: field.name, shown: false }))];
}

function SortableChoice({ choice, label, onToggle }: { choice: Choice; label: string; onToggle: () => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: choice.name });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    padding: '6px 8px',
    borderRadius: 6,
    background: isDragging ? '#e6f4ff' : undefined,
    position: 'relative',
    zIndex: isDragging ? 1 : undefined,
  };
  return (
    <Flex ref={setNodeRef} style={style} align="center" gap={8} data-testid={`column-choice-${choice.name}`}>
      <HolderOutlined
        {...attributes}
        {...listeners}
        style={{ cursor: 'grab', touchAction: 'none' }}
        aria-label={t('columns.drag', { field: label })}
        data-testid="column-drag"
      />
      <Checkbox checked={choice.shown} disabled={choice.name === fixedColumn} onChange={onToggle}>
        {label}
      </Checkbox>
    </Flex>
  );
}

function ColumnChoices({ fields, columns, onDone }: { fields: LeadFields; columns: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState(() => choicesFor(fields, columns));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const save = useMutation({
    mutationFn: () => saveLeadColumns(choices.filter((choice) => choice.shown).map((choice) => choice.name)),
    onSuccess: (saved) => {
      queryClient.setQueryData(leadColumnsKey, saved);
      void message.success(t('columns.saved'));
      onDone();
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const move = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    setChoices((current) => {
      const from = current.findIndex((choice) => choice.name === active.id);
      const to = current.findIndex((choice) => choice.name === over.id);
      return arrayMove(current, from, to);
    });
  };
  const toggle = (name: string) =>
    setChoices((current) =>
      current.map((choice) => (choice.name === name ? { ...choice, shown: !choice.shown } : choice)),
    );

  return (
    <Flex vertical gap={12} style={{ height: '100%' }}>
      <Typography.Text type="secondary">{t('columns.hint')}</Typography.Text>
      {/* The one scrolling box, so that dragging near its edges scrolls the list and nothing else. */}
      <div style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="column-choices">
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={move}>
          <SortableContext items={choices.map((choice) => choice.name)} strategy={verticalListSortingStrategy}>
            {choices.map((choice) => (
              <SortableChoice
                key={choice.name}
                choice={choice}
                label={fields.label(choice.name)}
                onToggle={() => toggle(choice.name)}
              />
            ))}
          </SortableContext>
        </DndContext>
      </div>
      <Flex justify="space-between" gap={8}>
        <Button onClick={() => setChoices(choicesFor(fields, defaultColumns))} data-testid="columns-default">
          {t('columns.default')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="columns-apply">
          {t('common.apply')}
        </Button>
      </Flex>
    </Flex>
  );
}

interface Props {
  open: boolean;
  fields: LeadFields;
  columns: string[];
  onClose: () => void;
}

export function ColumnSettingsDrawer({ open, fields, columns, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} title={t('columns.title')} destroyOnHidden data-testid="column-settings">
      <ColumnChoices fields={fields} columns={columns} onDone={onClose} />
    </Drawer>
  );
}

import { useState } from 'react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { ImportEntity, ImportJob } from '../../api/imports';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { entityParam, newImportPath } from './entity';
import { FileStep } from './FileStep';

const uploadImport = vi.hoisted(() => vi.fn<(file: File, entity: ImportEntity) => Promise<ImportJob>>());
vi.mock(import('../../api/imports'), async (original) => ({ ...(await original()), uploadImport }));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(() => {
  cleanup();
  uploadImport.mockReset();
});

/** The first step as the wizard holds it: the entity chosen lives above the step. */
function Wizard({ start, job, onUploaded }: { start: ImportEntity; job?: ImportJob; onUploaded?: () => void }) {
  const [entity, setEntity] = useState(start);
  return (
    <FileStep job={job} entity={entity} onEntityChange={setEntity} onUploaded={onUploaded ?? (() => {})} onNext={() => {}} />
  );
}

function show(start: ImportEntity, job?: ImportJob, onUploaded?: () => void) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <Wizard start={start} job={job} onUploaded={onUploaded} />
      </AntApp>
    </QueryClientProvider>,
  );
}

const templateLinks = () =>
  ['import-template-xlsx', 'import-template-csv'].map((id) => screen.getByTestId(id).getAttribute('href'));

test("the targets list's Import Target opens the wizard on targets", () => {
  expect(newImportPath('targets')).toBe('/imports/new?entity=targets');
  expect(entityParam(new URLSearchParams('entity=targets'))).toBe('targets');
  expect(entityParam(new URLSearchParams(''))).toBe('leads');
  expect(entityParam(new URLSearchParams('entity=contacts'))).toBe('leads');
});

test('choosing Targets gives the targets templates and uploads the file as a targets import', async () => {
  const onUploaded = vi.fn();
  uploadImport.mockResolvedValue({ id: 3, entity: 'targets' } as ImportJob);
  show('leads', undefined, onUploaded);
  expect(templateLinks().every((href) => href?.includes('entity=leads'))).toBe(true);

  fireEvent.click(screen.getByRole('radio', { name: 'Targets' }));
  await waitFor(() => expect(templateLinks().every((href) => href?.includes('entity=targets'))).toBe(true));
  expect(templateLinks()[0]).toContain('format=xlsx');

  const file = new File(['Họ và tên\nNguyễn Văn A\n'], 'targets.csv', { type: 'text/csv' });
  fireEvent.change(document.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [file] } });
  await waitFor(() => expect(onUploaded).toHaveBeenCalled());
  expect(uploadImport).toHaveBeenCalledWith(file, 'targets');
});

test('an uploaded file keeps what it was uploaded for: the choice is shown, not offered', () => {
  show('leads', { id: 3, entity: 'targets', filename: 'a.csv', rows_estimate: 2, sheets: [] } as unknown as ImportJob);
  const targets = screen.getByRole('radio', { name: 'Targets' }) as HTMLInputElement;
  expect(targets.checked).toBe(true);
  expect(targets.disabled).toBe(true);
  expect(templateLinks()[1]).toContain('entity=targets');
});

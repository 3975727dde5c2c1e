import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { SaveNamedModal } from './SaveNamedModal';

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(cleanup);

// Presets are one per name: the user hears that a taken name replaces the old one before saving,
// not after (the save itself says only "saved").
test('a name that is taken says what saving would replace', async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <SaveNamedModal<{ name: string }, { name: string }>
          open
          title="Save"
          nameLabel="Name"
          save={vi.fn()}
          listKey={['presets']}
          savedMessage={() => 'saved'}
          onSaved={vi.fn()}
          onClose={vi.fn()}
          testIds={{ name: 'name', ok: 'ok' }}
          replaces={(name) => (name === 'Hội chợ' ? `replaces ${name}` : undefined)}
        />
      </AntApp>
    </QueryClientProvider>,
  );
  fireEvent.change(screen.getByTestId('name'), { target: { value: ' Hội chợ ' } });
  await waitFor(() => expect(screen.getByTestId('save-named-replaces').textContent).toBe('replaces Hội chợ'));
  fireEvent.change(screen.getByTestId('name'), { target: { value: 'Hội chợ 2027' } });
  await waitFor(() => expect(screen.queryByTestId('save-named-replaces')).toBeNull());
});

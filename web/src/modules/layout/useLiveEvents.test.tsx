import type { ReactNode } from 'react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { Session } from '../../api/types';
import { applyLanguage } from '../../i18n';
import { retryDelay, useLiveEvents } from './useLiveEvents';

const updateUser = vi.hoisted(() => vi.fn());
const fetchSession = vi.hoisted(() => vi.fn<() => Promise<Session>>());
vi.mock(import('../auth/AuthProvider'), async (original) => ({
  ...(await original()),
  useAuth: () => ({ session: null, startSession() {}, updateUser, signOut: async () => {} }),
}));
vi.mock(import('../../api/auth'), async (original) => ({ ...(await original()), fetchSession }));

/** The sockets the hook opened, newest last; the test opens and closes them. */
const sockets: FakeSocket[] = [];
class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    sockets.push(this);
  }
  close() {}
}

beforeAll(() => {
  applyLanguage('en');
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  sockets.length = 0;
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={new QueryClient()}>
    <MemoryRouter>
      <AntApp>{children}</AntApp>
    </MemoryRouter>
  </QueryClientProvider>
);

test("back after a drop, the header's ON/OFF catches up on a switch made meanwhile", async () => {
  vi.useFakeTimers();
  fetchSession.mockResolvedValue({ user: { online: false } } as Session);
  renderHook(() => useLiveEvents(), { wrapper });
  act(() => sockets[0].onopen?.());
  expect(fetchSession).not.toHaveBeenCalled(); // the first connection: the session was just read
  act(() => sockets[0].onclose?.()); // a manager switches the agent OFF while the socket is down
  await act(async () => vi.advanceTimersByTimeAsync(1000));
  expect(sockets).toHaveLength(2);
  act(() => sockets[1].onopen?.());
  vi.useRealTimers();
  await waitFor(() => expect(updateUser).toHaveBeenCalledWith({ online: false }));
});

test('after a restart, the pages come back spread over time, not all in the same second', () => {
  expect(retryDelay(0, () => 0)).toBe(500);
  expect(retryDelay(0, () => 0.999)).toBeCloseTo(1000, -1);
  expect(retryDelay(3, () => 0.5)).toBe(6000);
  expect(retryDelay(10, () => 0.999)).toBeLessThanOrEqual(30_000); // never longer than 30 s
  expect(retryDelay(10, () => 0)).toBe(15_000);
  // A thousand pages dropped at once: their first tries fall in every tenth of the second.
  const tenths = new Set(Array.from({ length: 1000 }, () => Math.floor(retryDelay(0) / 100)));
  expect(tenths).toEqual(new Set([5, 6, 7, 8, 9]));
});

/** BroadcastChannel between the tabs of a test: what one posts, the others with the same name hear. */
class FakeChannel {
  static open: FakeChannel[] = [];
  onmessage: ((message: MessageEvent<unknown>) => void) | null = null;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown) {
    for (const other of FakeChannel.open) {
      if (other !== this && other.name === this.name) other.onmessage?.({ data } as MessageEvent<unknown>);
    }
  }
  close() {
    FakeChannel.open = FakeChannel.open.filter((c) => c !== this);
  }
}

test('a hidden tab leaves out the browser notification of an event a visible tab has shown', async () => {
  vi.useFakeTimers();
  vi.stubGlobal('BroadcastChannel', FakeChannel);
  const shown: string[] = [];
  vi.stubGlobal(
    'Notification',
    Object.assign(
      class {
        constructor(title: string) {
          shown.push(title);
        }
      },
      { permission: 'granted' },
    ),
  );
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  try {
    renderHook(() => useLiveEvents(), { wrapper });
    act(() => sockets[0].onopen?.());
    const visibleTab = new FakeChannel(FakeChannel.open[0].name);
    const assigned = (id: number, name: string) =>
      act(() =>
        sockets[0].onmessage?.({
          data: JSON.stringify({ type: 'lead_assigned', data: { lead_id: id, full_name: name, notification_id: id } }),
        } as MessageEvent<string>),
      );

    assigned(1, 'Shown Elsewhere');
    visibleTab.postMessage('sen-notification-1'); // the visible tab showed it as a popup
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(shown).toEqual([]);

    assigned(2, 'Seen Nowhere');
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(shown).toHaveLength(1);
  } finally {
    Reflect.deleteProperty(document, 'hidden');
    vi.unstubAllGlobals();
    vi.stubGlobal('WebSocket', FakeSocket);
    FakeChannel.open = [];
  }
});

test('a call reminder stays on screen until closed; a lead assigned closes by itself', async () => {
  vi.useFakeTimers();
  renderHook(() => useLiveEvents(), { wrapper });
  act(() => sockets[0].onopen?.());
  const hear = (event: object) =>
    act(() => sockets[0].onmessage?.({ data: JSON.stringify(event) } as MessageEvent<string>));
  hear({
    type: 'reminder',
    data: { lead_id: 7, lead_name: 'Phạm Thu Hà', subject: 'Gọi lại tư vấn', start_at: '2026-12-02T03:00:00Z' },
  });
  hear({ type: 'lead_assigned', data: { lead_id: 8, full_name: 'Đỗ Văn Đạt' } });
  await act(async () => vi.advanceTimersByTimeAsync(500));
  expect(document.body.textContent).toContain('Đỗ Văn Đạt');
  await act(async () => vi.advanceTimersByTimeAsync(30_000)); // away from the desk for half a minute
  expect(document.body.textContent).not.toContain('Đỗ Văn Đạt');
  expect(document.body.textContent).toContain('Gọi lại tư vấn · Phạm Thu Hà');
});

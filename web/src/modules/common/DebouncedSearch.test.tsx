import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { DebouncedSearch, searchDelayMs } from './DebouncedSearch';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The box as a list page holds it: `follow` is the URL's value coming back as the prop. */
function searchBox(value = '') {
  const onChange = vi.fn<(value: string) => void>();
  const box = (shown: string) => (
    <DebouncedSearch value={shown} onChange={onChange} placeholder="" data-testid="search" />
  );
  const view = render(box(value));
  const input = () => screen.getByTestId<HTMLInputElement>('search');
  return {
    onChange,
    input,
    type: (text: string) => fireEvent.change(input(), { target: { value: text } }),
    pressEnter: () => {
      fireEvent.keyDown(input(), { key: 'Enter' });
      fireEvent.keyUp(input(), { key: 'Enter' });
    },
    pause: () => act(() => vi.advanceTimersByTime(searchDelayMs)),
    follow: (shown: string) => view.rerender(box(shown)),
  };
}

test('reports the trimmed text once typing pauses, not before', () => {
  const search = searchBox();
  search.type('tôn ');
  act(() => vi.advanceTimersByTime(searchDelayMs - 1));
  expect(search.onChange).not.toHaveBeenCalled();
  act(() => vi.advanceTimersByTime(1));
  expect(search.onChange).toHaveBeenCalledExactlyOnceWith('tôn');
});

test('words typed before the reported search comes back stay in the box and are reported next', () => {
  const search = searchBox();
  search.type('tôn');
  search.pause();
  search.type('tôn nữ');
  search.follow('tôn');
  expect(search.input().value).toBe('tôn nữ');
  search.pause();
  expect(search.onChange).toHaveBeenLastCalledWith('tôn nữ');
});

test('a value the box did not report (back, a saved view, clear) replaces the text', () => {
  const search = searchBox('tôn');
  search.follow('huế');
  expect(search.input().value).toBe('huế');
  search.pause();
  expect(search.onChange).not.toHaveBeenCalled();
});

test('going back to a search reported earlier shows it again', () => {
  const search = searchBox();
  search.type('tôn');
  search.pause();
  search.follow('tôn');
  search.follow('');
  expect(search.input().value).toBe('');
  search.follow('tôn');
  expect(search.input().value).toBe('tôn');
});

test('Enter reports at once, and only a changed search', () => {
  const search = searchBox('tôn');
  search.pressEnter();
  expect(search.onChange).not.toHaveBeenCalled();
  search.type('tôn nữ');
  search.pressEnter();
  expect(search.onChange).toHaveBeenCalledExactlyOnceWith('tôn nữ');
});

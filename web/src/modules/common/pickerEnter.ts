// Forms with date pickers: Enter typed into a picker confirms the date and time it holds.
import type { KeyboardEvent } from 'react';

/**
 * For a form's onKeyDown: Enter in a date picker's box stays the picker's (it takes the typed
 * time and closes). The browser would also submit the form with it, saving before the fields
 * after the time (the reminders) were chosen.
 */
export function keepEnterInPickers(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && event.target instanceof Element && event.target.closest('.ant-picker')) {
    event.preventDefault();
  }
}

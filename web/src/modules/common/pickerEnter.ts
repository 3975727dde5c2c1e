// Forms with date pickers: Enter typed into a picker confirms the date and time it holds.
import type { KeyboardEvent } from 'react';

/**
 * For the onKeyDown of every form holding a date picker: Enter in a picker's box stays the
 * picker's (it takes the typed date and closes). The browser would also submit the form with it,
 * saving before the fields after the date (a call's reminders, a lead's next fields) were filled.
 * The filter drawer leaves it out: Enter there applies the filters, as in its other boxes.
 */
export function keepEnterInPickers(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && event.target instanceof Element && event.target.closest('.ant-picker')) {
    event.preventDefault();
  }
}

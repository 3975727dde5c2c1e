// What a search box's pickers ask the server with: the typed text once typing pauses.
import { useEffect, useState } from 'react';

/** `value`, once it has not changed for `delayMs`. */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

// A search box for lists whose query lives in the URL.
import { useEffect, useEffectEvent, useRef, useState, type CSSProperties } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

export const searchDelayMs = 350;

/** A text box that reports what was typed once typing pauses, and follows the URL on back/forward. */
export function DebouncedSearch({
  value,
  onChange,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  'data-testid': string;
  style?: CSSProperties;
}) {
  const [text, setText] = useState(value);
  // The URL follows a report before React shows it: the value that comes back then is the echo of
  // what was typed, and the box keeps whatever the user typed meanwhile. Any other value is a
  // navigation (back, forward, a view, clear) and replaces the text.
  const echo = useRef<string | null>(null);
  const send = (typed: string) => {
    if (typed === value) return;
    echo.current = typed;
    onChange(typed);
  };
  const report = useEffectEvent(send);
  useEffect(() => {
    if (value !== echo.current) setText(value);
    echo.current = null;
  }, [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => report(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => send(text.trim())}
      {...rest}
    />
  );
}

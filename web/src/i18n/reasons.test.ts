// @vitest-environment node
/// <reference types="node" />
// Every reason the server gives a conflict or a field error is worded in both languages. The
// reasons are read from the server's sources, so one added there without wording fails here
// (the interface would show the server's English message instead).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import en from './en.json';
import vi from './vi.json';

const serverSources = fileURLToPath(new URL('../../../src', import.meta.url));

/** The arguments of the call (or brace-init) opened at `open`, as source text, split at top-level commas. */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; ++i) {
    const c = text[i];
    if (c === '"') {
      for (++i; text[i] !== '"'; ++i) if (text[i] === '\\') ++i;
    } else if ('({['.includes(c)) {
      ++depth;
    } else if (')}]'.includes(c) && --depth === 0) {
      args.push(text.slice(start, i).trim());
      return args;
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`no end to the call at ${open}`);
}

/**
 * The `position`th argument of every call matching `callee` (up to its opening bracket) in the
 * server's sources, when it is a string literal.
 */
function literalArguments(callee: RegExp, position: number): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(serverSources, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(cpp|h)$/.test(file) || /_test\.cpp$/.test(file)) continue;
    const text = readFileSync(`${serverSources}/${file}`, 'utf8');
    for (const call of text.matchAll(new RegExp(callee.source, 'g'))) {
      const arg = callArguments(text, call.index + call[0].length - 1)[position];
      const literal = arg?.match(/^"([a-z_]+)"$/);
      if (literal) found.add(literal[1]);
    }
  }
  return found;
}

const worded = (table: Record<string, string>, reasons: Set<string>) =>
  [...reasons].filter((reason) => !(reason in table));

test('every conflict reason of the server is worded in Vietnamese and English', () => {
  const reasons = literalArguments(/Error::Conflict\(/, 1);
  expect(reasons).toContain('username_taken');
  expect(reasons).toContain('do_not_contact');
  expect(worded(vi.conflicts, reasons)).toEqual([]);
  expect(worded(en.conflicts, reasons)).toEqual([]);
});

test('every field error reason of the server is worded in Vietnamese and English', () => {
  const reasons = new Set(
    [/\.Add\(/, /Error::Field\(/, /FieldError\{/].flatMap((callee) => [...literalArguments(callee, 2)]),
  );
  expect(reasons).toContain('invalid_phone');
  expect(reasons).toContain('too_short');
  expect(worded(vi.fieldErrors, reasons)).toEqual([]);
  expect(worded(en.fieldErrors, reasons)).toEqual([]);
});

test('every reason an import fails for is worded in Vietnamese and English', () => {
  const reasons = literalArguments(/Failure\{/, 0);
  const service = readFileSync(`${serverSources}/modules/imports/import_service.cpp`, 'utf8');
  for (const [, reason] of service.matchAll(/failure_reason = "([a-z_]+)"/g)) reasons.add(reason);
  expect(reasons).toContain('cancelled');
  expect(reasons).toContain('expired');
  expect(worded(vi.imports.failure, reasons)).toEqual([]);
  expect(worded(en.imports.failure, reasons)).toEqual([]);
});

test("the import's errors file words a row's reason as the interface does", () => {
  const rules = readFileSync(`${serverSources}/modules/imports/import_rules.cpp`, 'utf8');
  const words = [...rules.matchAll(/\{"([a-z_]+)",\s*"([^"]+)",\s*"([^"]+)"\}/g)];
  expect(words.length).toBeGreaterThan(10);
  // The server's "{}" (a duplicate's row or lead) is the interface's "{{detail}}".
  const asWeb = (text: string) => text.replace('{}', '{{detail}}');
  for (const [, reason, viText, enText] of words) {
    expect([reason, asWeb(viText)]).toEqual([reason, vi.fieldErrors[reason as keyof typeof vi.fieldErrors]]);
    expect([reason, asWeb(enText)]).toEqual([reason, en.fieldErrors[reason as keyof typeof en.fieldErrors]]);
  }
});

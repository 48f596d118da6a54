import { test } from 'node:test';
import assert from 'node:assert/strict';

import { capitalize, truncate } from '../src/text-format.js';

test('capitalize upper-cases the first letter and trims', () => {
  assert.equal(capitalize('  hello, ada! '), 'Hello, ada!');
});

test('capitalize of empty input is empty', () => {
  assert.equal(capitalize(undefined), '');
});

test('truncate keeps short text unchanged', () => {
  assert.equal(truncate('Hello', 10), 'Hello');
});

test('truncate cuts long text and adds an ellipsis', () => {
  assert.equal(truncate('Hello, World!', 6), 'Hello…');
});

test('truncate rejects a non-positive length', () => {
  assert.throws(() => truncate('Hello', 0), RangeError);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLinks } from '../scripts/check-links.mjs';

test('every internal href and src of the build resolves to a file (and every #fragment to an id)', () => {
  const { broken, checked, external } = checkLinks();
  assert.ok(checked > 20, `only ${checked} internal links found: is the build complete?`);
  assert.deepEqual(broken, []);
  assert.equal(external, 0, 'the site links to nothing outside itself');
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AirstoreError, errorCatalogue } from '../src/errors.ts';
import { repoRoot } from './helpers/agent.ts';

describe('error catalogue', () => {
  const documented = new Map(
    [...readFileSync(join(repoRoot, 'docs', 'errors.md'), 'utf8').matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]),
  );

  it('documents every code with its status in docs/errors.md, and no stale one', () => {
    const codes = Object.keys(errorCatalogue).sort();
    assert.deepEqual([...documented.keys()].sort(), codes);
    for (const [code, entry] of Object.entries(errorCatalogue)) assert.equal(documented.get(code), entry.status, code);
  });

  it('fills message templates in order and carries code and status', () => {
    const error = new AirstoreError('connection_exists', 'ws_1', 'github');
    assert.equal(error.message, 'workspace ws_1 already has a github connection; delete it first to replace it');
    assert.equal(error.code, 'connection_exists');
    assert.equal(error.status, 409);
  });
});

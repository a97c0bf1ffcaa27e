import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { block, fileNameOf, frontMatter } from '../../src/sync/render.ts';

describe('front matter', () => {
  it('writes plain scalars only where YAML cannot misread them', () => {
    assert.equal(frontMatter({
      plain: 'acme/api', word: 'C# client', boolish: 'yes', number: '1423', colon: 'area: auth', empty: '', accented: 'Chloé',
      hash: 'a #comment', quote: 'say "hi"', newline: 'two\nlines', count: 3, flag: false, none: null, list: ['bug', 'needs: triage'], nothing: [],
    }), [
      '---',
      'plain: acme/api',
      'word: C# client',
      'boolish: "yes"',
      'number: "1423"',
      'colon: "area: auth"',
      'empty: ""',
      'accented: "Chloé"',
      'hash: "a #comment"',
      'quote: "say \\"hi\\""',
      'newline: "two\\nlines"',
      'count: 3',
      'flag: false',
      'none: null',
      'list:',
      '  - bug',
      '  - "needs: triage"',
      'nothing: []',
      '---',
      '',
    ].join('\n'));
  });
});

describe('file names and blocks', () => {
  it('joins a stable prefix and a slug of the title', () => {
    assert.equal(fileNameOf('1423', 'Fix token refresh!', 'md'), '1423_fix-token-refresh.md');
    assert.equal(fileNameOf('ENG-12', '???', 'md'), 'ENG-12.md');
  });

  it('normalises line ends and ends with one newline', () => {
    assert.equal(block('a\r\nb\r\n\r\n'), 'a\nb\n');
    assert.equal(block(null), '');
  });
});

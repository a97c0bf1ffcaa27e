import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type IntegrationType, connectorFor } from '../../connectors/index.ts';
import { type Compilation, type Lexicon, compileGuidance } from '../../src/guidance/compiler.ts';
import type { Condition } from '../../src/guidance/query.ts';

/** Stored facet values the compiler may look up, as an integration's items would hold them. */
function lexicon(values: Record<string, string[]>): Lexicon {
  return {
    find: (field, candidates) => candidates.map((candidate) => candidate.toLowerCase()).find((candidate) => values[field]?.includes(candidate)),
    findByLastSegment: (field, name) => (values[field] ?? []).filter((value) => value.endsWith(`/${name.toLowerCase()}`)),
  };
}

function compile(integration: IntegrationType, guidance: string, values: Record<string, string[]> = {}): Compilation {
  return compileGuidance(guidance, { connector: connectorFor(integration), lexicon: lexicon(values) });
}

const me = { me: true } as const;
const equals = (field: string, values: string[], negate = false): Condition => ({ field, op: 'equals', values, negate });
const contains = (field: string, values: Array<string | { me: true }>, negate = false): Condition => ({ field, op: 'contains', values, negate });
const exists = (field: string, negate = false): Condition => ({ field, op: 'exists', negate });

describe('guidance compiler: kinds and states', () => {
  it('compiles the seed "open pull requests that need review"', () => {
    const { query, textTerms, usable } = compile('github', 'open pull requests that need review');
    assert.deepEqual(query.kinds, ['pull_request']);
    assert.deepEqual(query.where, [equals('state', ['open']), exists('review_requested')]);
    assert.deepEqual(textTerms, []);
    assert.equal(usable, true);
  });

  it('reads kind aliases and plurals: PRs, issues, emails, flags, threads', () => {
    assert.deepEqual(compile('github', 'PRs').query.kinds, ['pull_request']);
    assert.deepEqual(compile('github', 'issues and pull requests').query.kinds, ['issue', 'pull_request']);
    assert.deepEqual(compile('gmail', 'emails').query.kinds, ['message']);
    assert.deepEqual(compile('posthog', 'feature flags').query.kinds, ['feature_flag']);
    assert.deepEqual(compile('slack', 'conversations').query.kinds, ['thread']);
  });

  it('reads states of each integration', () => {
    assert.deepEqual(compile('github', 'merged PRs').query.where, [equals('state', ['merged'])]);
    assert.deepEqual(compile('github', 'closed issues').query.where, [equals('state', ['closed', 'merged'])]);
    assert.deepEqual(compile('linear', 'issues in progress').query.where, [equals('state_type', ['started'])]);
    assert.deepEqual(compile('linear', 'done or canceled issues').query.where, [equals('state_type', ['completed', 'canceled'])]);
    assert.deepEqual(compile('gmail', 'unread starred emails').query.where, [equals('unread', ['true']), equals('starred', ['true'])]);
    assert.deepEqual(compile('posthog', 'active flags').query.where, [equals('active', ['true'])]);
  });

  it('compiles the seed "high priority issues in the current sprint" with the cycle compared to now', () => {
    const { query } = compile('linear', 'high priority issues in the current sprint');
    assert.deepEqual(query.kinds, ['issue']);
    assert.deepEqual(query.where, [
      equals('priority', ['high']),
      { field: 'cycle_starts_at', op: 'before', date: { anchor: 'now' }, negate: false },
      { field: 'cycle_ends_at', op: 'since', date: { anchor: 'now' }, negate: false },
    ]);
  });
});

describe('guidance compiler: people', () => {
  it('resolves me, my and I to the connected account', () => {
    assert.deepEqual(compile('github', 'issues assigned to me').query.where, [contains('assignee', [me])]);
    assert.deepEqual(compile('github', 'my pull requests').query.where, [contains('author', [me])]);
    assert.deepEqual(compile('github', 'PRs I opened').query.where, [contains('author', [me])]);
    assert.deepEqual(compile('linear', 'issues I created').query.where, [contains('creator', [me])]);
    assert.deepEqual(compile('linear', 'my issues').query.where, [contains('assignee', [me])]);
    assert.deepEqual(compile('gmail', 'emails I wrote').query.where, [contains('from', [me])]);
    assert.deepEqual(compile('gmail', 'emails I sent').query.where, [equals('labels', ['SENT'])], 'sent mail, not drafts');
    assert.deepEqual(compile('slack', 'threads where I was mentioned').query.where, [contains('mentions', [me])]);
    assert.deepEqual(compile('github', 'PRs waiting on my review').query.where, [contains('review_requested', [me])]);
  });

  it('reads named people after their lead words, handles, e-mails and possessives', () => {
    assert.deepEqual(compile('gmail', 'emails from stripe').query.where, [contains('from', ['stripe'])]);
    assert.deepEqual(compile('gmail', 'mail from billing@acme.com').query.where, [contains('from', ['billing@acme.com'])]);
    assert.deepEqual(compile('github', 'PRs by @octocat').query.where, [contains('author', ['octocat'])]);
    assert.deepEqual(compile('github', "dana's open issues").query.where, [contains('author', ['dana']), equals('state', ['open'])]);
    assert.deepEqual(compile('notion', 'pages edited by Sam Lee').query.where, [contains('edited_by', ['Sam Lee'])]);
    assert.deepEqual(compile('linear', 'issues assigned to alice or bob').query.where, [contains('assignee', ['alice', 'bob'])]);
  });

  it('takes only names written as names after ambiguous lead words', () => {
    const { query } = compile('gmail', 'emails I need to reply to');
    assert.deepEqual(query.where.filter((condition) => condition.field === 'to'), []);
    assert.deepEqual(compile('gmail', 'emails to Maria').query.where, [contains('to', ['Maria'])]);
  });
});

describe('guidance compiler: labels and stored values', () => {
  it('reads labels after their lead words', () => {
    assert.deepEqual(compile('github', 'issues labeled bug').query.where, [equals('labels', ['bug'])]);
    assert.deepEqual(compile('github', "issues tagged 'help wanted'").query.where, [equals('labels', ['help wanted'])]);
    assert.deepEqual(compile('github', 'issues with the frontend label').query.where, [equals('labels', ['frontend'])]);
  });

  it('recognises stored values named bare, including plurals and several words', () => {
    const values = { labels: ['bug', 'good first issue'] };
    assert.deepEqual(compile('github', 'open bugs', values).query.where, [equals('state', ['open']), equals('labels', ['bug'])]);
    assert.deepEqual(compile('github', 'good first issues', values).query.where, [equals('labels', ['good first issue'])]);
    const linear = compile('linear', 'bugs for the mobile team', { labels: ['bug'], team: ['mobile'] });
    assert.deepEqual(linear.query.where.toSorted((a, b) => a.field.localeCompare(b.field)), [equals('labels', ['bug']), equals('team', ['mobile'])]);
    assert.deepEqual(compile('slack', 'messages in general', { channel: ['general'] }).query.where, [equals('channel', ['general'])]);
  });

  it('reads values by their shape: owner/name repositories and #channels', () => {
    assert.deepEqual(compile('github', 'open PRs in acme/api').query.where, [equals('state', ['open']), equals('repo', ['acme/api'])]);
    assert.deepEqual(compile('slack', 'threads in #incidents').query.where, [equals('channel', ['incidents'])]);
    assert.deepEqual(compile('github', 'issues in the api repo', { repo: ['acme/api'] }).query.where, [equals('repo', ['acme/api'])]);
  });
});

describe('guidance compiler: negation', () => {
  it('"not assigned", "unassigned" and "without an assignee" all mean no assignee', () => {
    for (const guidance of ['issues not assigned', 'unassigned issues', 'issues without an assignee', 'issues that are not assigned to anyone', 'issues assigned to nobody']) {
      assert.deepEqual(compile('github', guidance).query.where, [exists('assignee', true)], guidance);
    }
  });

  it('"without a label" means no labels, "not labeled bug" excludes the label', () => {
    assert.deepEqual(compile('github', 'issues without a label').query.where, [exists('labels', true)]);
    assert.deepEqual(compile('github', 'unlabeled issues').query.where, [exists('labels', true)]);
    assert.deepEqual(compile('github', 'issues not labeled wontfix').query.where, [equals('labels', ['wontfix'], true)]);
  });

  it('"excluding drafts" keeps every item that is not a draft', () => {
    const { query } = compile('github', 'open PRs excluding drafts');
    assert.deepEqual(query.kinds, ['pull_request']);
    assert.deepEqual(query.where, [equals('state', ['open']), equals('draft', ['true'], true)]);
    assert.deepEqual(compile('gmail', 'messages excluding drafts').query.where, [equals('labels', ['DRAFT'], true)]);
  });

  it('negates people, kinds, text and dates', () => {
    assert.deepEqual(compile('gmail', 'emails not from linkedin').query.where, [contains('from', ['linkedin'], true)]);
    assert.deepEqual(compile('github', 'everything except pull requests').query.kinds, ['issue']);
    assert.deepEqual(compile('slack', 'messages not about lunch').query.text, [{ any: ['lunch'], negate: true }]);
    assert.deepEqual(compile('github', 'open issues not updated in the past 30 days').query.date, {
      field: 'updated', since: null, before: { anchor: 'now', shift: -30, unit: 'day' },
    });
    assert.deepEqual(compile('gmail', 'emails without attachments').query.where, [equals('has_attachment', ['true'], true)]);
  });
});

describe('guidance compiler: dates, text, sort and limit', () => {
  it('compiles the seed "invoices from last week" to a date range and invoice synonyms', () => {
    const { query, textTerms } = compile('gmail', 'invoices from last week');
    assert.deepEqual(query.date, { field: 'updated', since: { anchor: 'week', shift: -1, unit: 'week' }, before: { anchor: 'week' } });
    assert.equal(query.text.length, 1);
    assert.ok(query.text[0]!.any.includes('invoices') && query.text[0]!.any.includes('receipt'));
    assert.equal(textTerms.length, 1);
  });

  it('reads which date a phrase is about from its verb', () => {
    assert.equal(compile('github', 'issues opened this week').query.date?.field, 'created');
    assert.equal(compile('notion', 'pages edited since Monday').query.date?.field, 'updated');
    assert.equal(compile('github', 'PRs updated recently').query.date?.field, 'updated');
  });

  it('joins words with "or" into one full-text term', () => {
    assert.deepEqual(compile('slack', 'messages about outage or downtime').query.text.map((term) => term.any.slice(0, 2)), [['outage', 'incident']]);
    assert.ok(compile('slack', 'messages about outage or downtime').query.text[0]!.any.includes('downtime'));
  });

  it('reads limits and sort orders', () => {
    const top = compile('github', 'the 10 most recent issues');
    assert.equal(top.query.limit, 10);
    assert.deepEqual(top.query.sort, { by: 'updated', order: 'desc' });
    assert.equal(compile('gmail', 'latest 5 emails from stripe').query.limit, 5);
    assert.deepEqual(compile('github', 'open issues oldest first').query.sort, { by: 'updated', order: 'asc' });
  });

  it('reports guidance it cannot use at all instead of matching everything', () => {
    for (const guidance of ['', 'the', 'show me all of those that are there']) {
      const compiled = compile('github', guidance);
      assert.equal(compiled.usable, false, guidance);
      assert.equal(compiled.problems.length, 1);
    }
    assert.equal(compile('github', 'everything').usable, true);
  });

  it('records which words became what', () => {
    const { understood } = compile('github', 'open PRs in acme/api excluding drafts');
    assert.deepEqual(understood.map((entry) => entry.words), ['open', 'PRs', 'acme/api', 'drafts']);
    assert.match(understood[3]!.meaning, /draft is not "true"/);
  });
});

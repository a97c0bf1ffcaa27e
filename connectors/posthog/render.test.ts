import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvText } from './csv.ts';
import { type EventRow, renderGroup } from './events.ts';
import { fixtureDataset } from './fake/dataset.ts';
import { fenced, renderCohort, renderDashboard, renderFlag, renderInsight } from './render.ts';

const site = { baseUrl: 'https://eu.posthog.com', projectId: '4242' };
const dataset = fixtureDataset();

/**
 * The YAML our front matter uses, parsed strictly (no YAML package may be
 * added): `key: scalar`, double-quoted scalars (JSON escapes), `key: []` and
 * block sequences. A plain scalar YAML would read otherwise (a number, a bool,
 * an indicator first) fails the test.
 */
function parseFrontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, 'front matter between --- lines');
  const result: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  const scalar = (raw: string): unknown => {
    if (raw.startsWith('"')) return JSON.parse(raw);
    if (raw === 'null') return null;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (raw === '[]') return [];
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    assert.doesNotMatch(raw, /^[-?:,[\]{}#&*!|>'"%@`]|: | #|^(yes|no|on|off|~)$/i, `${raw} is a safe plain scalar`);
    return raw;
  };
  for (const line of match[1]!.split('\n')) {
    const entry = /^ {2}- (.*)$/.exec(line);
    if (entry) {
      assert.ok(list, `a list entry belongs to a key: ${line}`);
      list.push(scalar(entry[1]!));
      continue;
    }
    const field = /^([a-z_]+):(?: (.*))?$/.exec(line);
    assert.ok(field, `a key: ${line}`);
    list = field[2] === undefined ? [] : undefined;
    result[field[1]!] = field[2] === undefined ? list : scalar(field[2]);
  }
  return result;
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      assert.equal(field, '', 'a quote opens a field');
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
    } else field += char;
  }
  assert.equal(quoted, false, 'every quoted field is closed');
  assert.equal(field + record.join(''), '', 'the last record ends with a line break');
  return records;
}

const csvBlock = (text: string) => /```csv\n([\s\S]*?\n)```\n/.exec(text)?.[1] ?? '';

const row = (uuid: string, timestamp: string, properties: Record<string, unknown>, email: string | null = 'ana@northwind.io'): EventRow => ({
  uuid, event: 'search_performed', timestamp, distinct_id: email ?? 'anon-1', person_email: email, properties,
});

describe('posthog render', () => {
  it('renders a day of events as front matter, a CSV block whose rows and quoting parse, and the HogQL that reproduces it', () => {
    const rows = [
      row('01a-1', '2026-11-20T09:00:00.000000Z', { query: 'overdue invoices, "net 30"', results: 3, $browser: 'Safari' }),
      row('01a-2', '2026-11-20T10:30:00.000000Z', { query: 'line one\nline two', $current_url: 'https://app.acme.dev/?a=1,2' }, null),
    ];
    const text = renderGroup({ event: 'search_performed', day: '2026-11-20', total: 2, rows }).toString();
    assert.deepEqual(parseFrontMatter(text), {
      event: 'search_performed', day: '2026-11-20', events: 2, rows: 2, persons: 2, first: '2026-11-20T09:00:00.000000Z', last: '2026-11-20T10:30:00.000000Z',
    });
    assert.deepEqual(parseCsv(csvBlock(text)), [
      ['timestamp', 'person', 'distinct_id', 'uuid', 'query', 'results', '$current_url'],
      ['2026-11-20T09:00:00.000000Z', 'ana@northwind.io', 'ana@northwind.io', '01a-1', 'overdue invoices, "net 30"', '3', ''],
      ['2026-11-20T10:30:00.000000Z', 'anon-1', 'anon-1', '01a-2', 'line one\nline two', '', 'https://app.acme.dev/?a=1,2'],
    ]);
    assert.match(text, /# search_performed on 2026-11-20\n\n2 events by 2 persons\.\n/);
    assert.ok(text.endsWith("## HogQL\n\n```sql\nSELECT uuid, event, timestamp, distinct_id, person.properties.email AS person_email, properties\nFROM events\n"
      + "WHERE toDate(timestamp) = toDate('2026-11-20') AND event = 'search_performed'\nORDER BY timestamp ASC, uuid ASC\nLIMIT 10000\n```\n"));
  });

  it('says when a busy day is cut to its first rows', () => {
    const text = renderGroup({ event: '$pageview', day: '2026-11-20', total: 25_000, rows: [row('u', '2026-11-20T00:00:01.000000Z', {})] }).toString();
    assert.match(text, /25000 events by 1 person\. The first 1 are listed\./);
    assert.equal(parseFrontMatter(text).rows, 1);
  });

  it('renders every fixture object with front matter that parses as YAML', () => {
    const files = [
      ...dataset.insights.map((insight) => renderInsight(insight, site)), ...dataset.dashboards.map((dashboard) => renderDashboard(dashboard, site)),
      ...dataset.flags.map((flag) => renderFlag(flag, site)), ...dataset.cohorts.map((cohort) => renderCohort(cohort, site)),
    ];
    for (const file of files) {
      const fields = parseFrontMatter(file.toString());
      assert.match(String(fields.url), /^https:\/\/eu\.posthog\.com\/project\/4242\//);
      assert.equal(typeof fields.id, 'number');
    }
  });

  it('shows an insight\'s definition in words and its query as JSON, and an SQL insight\'s HogQL', () => {
    const funnel = renderInsight(dataset.insights.find((insight) => insight.name === 'Signup to paid funnel')!, site).toString();
    assert.ok(funnel.includes('## Definition\n\n- Type: funnels\n- Series:\n  1. `signed_up` — total count\n  2. `subscription_started` — total count\n  3. `invoice_paid` — total count\n- Date range: -30d → now\n- Conversion window: 14 days\n'));
    assert.match(funnel, /## Query\n\n```json\n\{\n {2}"kind": "InsightVizNode"/);
    const sql = renderInsight(dataset.insights.find((insight) => insight.name === 'Top searches')!, site).toString();
    assert.equal(parseFrontMatter(sql).type, 'sql');
    assert.match(sql, /## HogQL\n\n```sql\nSELECT properties\.query AS query, count\(\) AS searches\nFROM events\n/);
    const legacy = renderInsight(dataset.insights.find((insight) => insight.query === null)!, site).toString();
    assert.match(legacy, /"insight": "TRENDS"/);
  });

  it('shows a flag\'s release conditions, variants and payloads, and a cohort\'s criteria', () => {
    const experiment = renderFlag(dataset.flags.find((flag) => flag.key === 'pricing-page-experiment')!, site).toString();
    assert.ok(experiment.includes('## Release conditions\n\n1. 100% of all users\n\nVariants:\n- `control`: 50% (Monthly first)\n- `annual-first`: 50% (Annual first)\n\nPayloads:\n- `annual-first`: `{"discount": 20}`\n'));
    const beta = renderFlag(dataset.flags.find((flag) => flag.key === 'ai-search-beta')!, site).toString();
    assert.match(beta, /1\. 100% of users where in cohort `4`/);
    const churn = renderCohort(dataset.cohorts.find((cohort) => cohort.name === 'Churn risk')!, site).toString();
    assert.ok(churn.includes('- all of:\n  - performed event `invoice_paid` in the last 60 days\n  - not performed event `$pageview` in the last 14 days\n'));
    const staticCohort = renderCohort(dataset.cohorts.find((cohort) => cohort.is_static)!, site).toString();
    assert.match(staticCohort, /A static cohort/);
  });

  it('fences a block with more backticks than it holds, and quotes CSV fields only when needed', () => {
    assert.equal(fenced('a ``` b', 'sql'), '````sql\na ``` b\n````\n');
    assert.equal(csvText([['a', 'b,c', 'say "hi"', 'x\ny']]), 'a,"b,c","say ""hi""","x\ny"\n');
  });
});

import { type EvalItem, type EvalSuite, ago } from './types.ts';

const alice = 'Alice Martin';
const iso = (month: number, day: number) => new Date(2026, month - 1, day).toISOString();
/** Two-week cycles: 47 ended on Monday 23 November, 48 is running, 49 is next. */
const cycles: Record<number, Record<string, unknown>> = {
  47: { cycle: 'Cycle 47', cycle_starts_at: iso(11, 9), cycle_ends_at: iso(11, 23) },
  48: { cycle: 'Cycle 48', cycle_starts_at: iso(11, 23), cycle_ends_at: iso(12, 7) },
  49: { cycle: 'Cycle 49', cycle_starts_at: iso(12, 7), cycle_ends_at: iso(12, 21) },
};
const stateTypes: Record<string, string> = {
  Triage: 'triage', Backlog: 'backlog', Todo: 'unstarted', 'In Progress': 'started', 'In Review': 'started', Done: 'completed', Canceled: 'canceled',
};

const issue = (id: string, title: string, at: number, state: string, meta: Record<string, unknown>, cycle?: number, body = ''): EvalItem => ({
  id, kind: 'issue', title, body, at,
  meta: { state, state_type: stateTypes[state], labels: [], ...(cycle ? cycles[cycle] : {}), ...meta },
});

export const linear: EvalSuite = {
  integration: 'linear',
  account: { id: 'u-alice', name: alice, email: 'alice@acme.com' },
  items: [
    issue('ENG-101', 'Crash on startup when config is missing', ago(1), 'In Progress',
      { priority: 'urgent', assignee: alice, creator: 'Bob Chen', team: 'Engineering', labels: ['Bug'], project: 'Reliability' }, 48,
      'The service exits with a stack trace instead of a clear error.'),
    issue('ENG-102', 'Add SSO login', ago(3), 'Todo', { priority: 'high', assignee: 'Bob Chen', creator: alice, team: 'Engineering', labels: ['Feature'], project: 'Enterprise' }, 48,
      'SAML and OIDC for enterprise customers.'),
    issue('ENG-103', 'Memory leak in worker', ago(0, 2), 'In Review',
      { priority: 'high', assignee: 'Dana Park', creator: 'Dana Park', team: 'Engineering', labels: ['Bug', 'Performance'], project: 'Reliability' }, 48,
      'Worker RSS grows by 100 MB an hour.'),
    issue('ENG-104', 'Upgrade to Postgres 17', ago(10), 'Backlog', { priority: 'medium', creator: alice, team: 'Engineering', labels: ['Infrastructure'] }),
    issue('ENG-105', 'Flaky login test', ago(12), 'Done', { priority: 'low', assignee: alice, creator: 'Eve Stone', team: 'Engineering', labels: ['Bug'] }, 47),
    issue('ENG-106', 'Rate limit webhook retries', ago(2), 'Todo', { priority: 'high', assignee: alice, creator: 'Carol Diaz', team: 'Engineering', project: 'Reliability' }, 48),
    issue('MOB-201', 'Offline mode for iOS', ago(1), 'In Progress',
      { priority: 'high', assignee: 'Sam Lee', creator: 'Carol Diaz', team: 'Mobile', labels: ['Feature'], project: 'Mobile v3' }, 48),
    issue('MOB-202', 'App crashes on Android 15', ago(0, 3), 'Triage', { priority: 'urgent', creator: 'Support Bot', team: 'Mobile', labels: ['Bug'] }, undefined,
      'Crash reports from 300 users since the OS update.'),
    issue('MOB-203', 'Push notification opt-in screen', ago(20), 'Backlog', { priority: 'low', creator: 'Sam Lee', team: 'Mobile', labels: ['Design'] }),
    issue('MOB-204', 'Fix dark mode colors', ago(9), 'Done', { priority: 'medium', assignee: 'Sam Lee', creator: alice, team: 'Mobile', labels: ['Bug'] }, 47),
    issue('DES-301', 'Redesign onboarding', ago(4), 'In Progress',
      { priority: 'medium', assignee: 'Carol Diaz', creator: 'Carol Diaz', team: 'Design', labels: ['Design'], project: 'Onboarding' }, 48),
    issue('DES-302', 'Icon set refresh', ago(30), 'Canceled', { priority: 'low', assignee: 'Carol Diaz', creator: 'Carol Diaz', team: 'Design', labels: ['Design'] }),
    issue('ENG-107', 'Document API rate limits', ago(5), 'Todo', { priority: 'none', creator: alice, team: 'Engineering', labels: ['Docs'] }, 49),
    issue('ENG-108', 'Investigate slow search queries', ago(0, 4), 'In Progress',
      { priority: 'high', assignee: alice, creator: 'Bob Chen', team: 'Engineering', labels: ['Performance'], project: 'Reliability' }, 48),
    issue('ENG-109', 'Remove legacy export', ago(15), 'Done', { priority: 'medium', assignee: 'Bob Chen', creator: 'Bob Chen', team: 'Engineering', labels: ['Tech Debt'] }, 47),
    issue('ENG-110', 'Security review of auth service', ago(6), 'Todo',
      { priority: 'urgent', assignee: alice, creator: 'Eve Stone', team: 'Engineering', labels: ['Security'], project: 'Enterprise' }, 49),
    issue('MOB-205', 'Crash reporting integration', ago(7, 2), 'Todo', { priority: 'none', creator: 'Sam Lee', team: 'Mobile' }),
    issue('ENG-111', 'Billing page shows wrong currency', ago(1), 'Triage', { priority: 'high', creator: 'Support Bot', team: 'Engineering', labels: ['Bug'] }),
    issue('ENG-112', 'Onboarding email copy', ago(40), 'Backlog', { priority: 'low', assignee: 'Carol Diaz', creator: alice, team: 'Engineering', project: 'Onboarding' }),
    issue('DES-303', 'Design system tokens', ago(2), 'Todo', { priority: 'medium', assignee: 'Carol Diaz', creator: 'Carol Diaz', team: 'Design', labels: ['Design'] }, 48),
  ],
  cases: [
    { guidance: 'high priority issues in the current sprint', expected: ['ENG-102', 'ENG-103', 'ENG-106', 'MOB-201', 'ENG-108'] },
    { guidance: 'my issues', expected: ['ENG-101', 'ENG-105', 'ENG-106', 'ENG-108', 'ENG-110'] },
    { guidance: 'urgent bugs', expected: ['ENG-101', 'MOB-202'] },
    { guidance: 'unassigned issues in triage', expected: ['MOB-202', 'ENG-111'] },
    { guidance: 'issues in progress', expected: ['ENG-101', 'ENG-103', 'MOB-201', 'DES-301', 'ENG-108'] },
    { guidance: 'backlog', expected: ['ENG-104', 'MOB-203', 'ENG-112'] },
    { guidance: 'mobile team bugs', expected: ['MOB-202', 'MOB-204'] },
    { guidance: 'issues I created', expected: ['ENG-102', 'ENG-104', 'MOB-204', 'ENG-107', 'ENG-112'] },
    { guidance: "what's left in this cycle", expected: ['ENG-101', 'ENG-102', 'ENG-103', 'ENG-106', 'MOB-201', 'DES-301', 'ENG-108', 'DES-303'] },
    { guidance: 'open bugs', expected: ['ENG-101', 'ENG-103', 'MOB-202', 'ENG-111'] },
    { guidance: 'issues completed in the last cycle', expected: ['ENG-105', 'MOB-204', 'ENG-109'] },
    { guidance: 'next sprint', expected: ['ENG-107', 'ENG-110'] },
    { guidance: 'issues in the Reliability project', expected: ['ENG-101', 'ENG-103', 'ENG-106', 'ENG-108'] },
    { guidance: 'design team issues', expected: ['DES-301', 'DES-302', 'DES-303'] },
    { guidance: 'performance issues', expected: ['ENG-103', 'ENG-108'] },
    { guidance: 'issues with no priority', expected: ['ENG-107', 'MOB-205'] },
    { guidance: 'urgent issues assigned to me', expected: ['ENG-101', 'ENG-110'] },
    { guidance: 'canceled issues', expected: ['DES-302'] },
    { guidance: 'issues updated today', expected: ['ENG-103', 'MOB-202', 'ENG-108'] },
    { guidance: 'unassigned high priority issues', expected: ['ENG-111'] },
    { guidance: 'onboarding project', expected: ['DES-301', 'ENG-112'] },
    { guidance: 'security issues in the Enterprise project', expected: ['ENG-110'] },
    { guidance: 'issues created by Sam', expected: ['MOB-203', 'MOB-205'] },
    { guidance: 'feature requests', expected: ['ENG-102', 'MOB-201'] },
  ],
};

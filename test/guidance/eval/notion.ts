import { type EvalItem, type EvalSuite, ago } from './types.ts';

const alice = 'Alice Martin';

const page = (id: string, title: string, at: number, meta: Record<string, unknown>, body = ''): EvalItem => ({
  id, kind: 'page', title, body, at, meta: { tags: [], ...meta },
});
const row = (id: string, database: string, title: string, at: number, meta: Record<string, unknown>, body = ''): EvalItem => ({
  id, kind: 'database_row', title, body, at, meta: { database, parent: database, tags: [], ...meta },
});

export const notion: EvalSuite = {
  integration: 'notion',
  account: { id: 'user-alice', name: alice, email: 'alice@acme.com' },
  items: [
    page('n1', 'Engineering Handbook', ago(20), { author: alice, edited_by: 'Bob Chen', parent: 'Engineering' }, 'How we write, review and ship code.'),
    page('n2', 'On-call runbook', ago(3), { author: 'Bob Chen', edited_by: alice, parent: 'Engineering', tags: ['ops'] },
      'What to do when the pager goes off: dashboards, escalation, rollback.'),
    row('n3', 'Meeting Notes', 'Weekly sync 2026-11-23', ago(2), { author: alice, edited_by: alice, tags: ['weekly'] }, 'Attendees, updates, action items.'),
    row('n4', 'Meeting Notes', 'Weekly sync 2026-11-16', ago(9), { author: 'Carol Diaz', edited_by: 'Carol Diaz', tags: ['weekly'] }, 'Attendees, updates, action items.'),
    row('n5', 'Meeting Notes', 'Design review: billing v2', ago(5), { author: 'Sam Lee', edited_by: 'Sam Lee', tags: ['design'] },
      'Reviewed the billing v2 flows. Open questions on proration.'),
    row('n6', 'Roadmap', 'Launch landing page', ago(1), { status: 'In Progress', author: 'Carol Diaz', edited_by: alice, tags: ['marketing'] }),
    row('n7', 'Roadmap', 'Mobile offline mode', ago(12), { status: 'Not Started', author: alice, edited_by: alice, tags: ['mobile'] }),
    row('n8', 'Roadmap', 'SSO for enterprise', ago(30), { status: 'Done', author: 'Bob Chen', edited_by: 'Bob Chen', tags: ['enterprise', 'auth'] }),
    row('n9', 'Tasks', 'Fix onboarding emails', ago(2), { status: 'In Progress', author: alice, edited_by: 'Dana Park', tags: ['onboarding'] }),
    row('n10', 'Tasks', 'Write Q4 OKRs', ago(10), { status: 'Done', author: 'Dana Park', edited_by: 'Dana Park', tags: ['planning'] }),
    row('n11', 'Tasks', 'Update pricing page copy', ago(4), { status: 'Not Started', author: 'Sam Lee', edited_by: 'Sam Lee', tags: ['marketing'] }),
    row('n12', 'Tasks', 'Prepare board update', ago(0, 2), { status: 'In Progress', author: alice, edited_by: alice, tags: ['planning'] }),
    page('n13', 'RFC: Event sourcing for orders', ago(6), { author: 'Bob Chen', edited_by: 'Sam Lee', parent: 'RFCs', tags: ['architecture'] },
      'Proposal to store order changes as events.'),
    page('n14', 'RFC: Move to Postgres 17', ago(8), { author: alice, edited_by: alice, parent: 'RFCs', tags: ['database'] },
      'Why and how we upgrade the primary database.'),
    page('n15', 'Postmortem: API outage Nov 12', ago(13), { author: 'Bob Chen', edited_by: alice, parent: 'Incidents', tags: ['incident'] },
      'Root cause: a bad config push. Impact: 42 minutes of errors.'),
    page('n16', 'Q4 OKRs', ago(7, 2), { author: 'Dana Park', edited_by: 'Carol Diaz', parent: 'Company', tags: ['planning'] },
      'Objectives and key results for the quarter.'),
    page('n17', 'Welcome to Acme', ago(90), { author: 'Dana Park', edited_by: 'Dana Park', parent: 'Company', tags: ['onboarding'] },
      'Everything a new hire needs in the first week.'),
    page('n18', 'Interview guide: backend', ago(25), { author: 'Carol Diaz', edited_by: 'Carol Diaz', parent: 'Hiring' }, 'Questions and scorecard.'),
    row('n19', 'Hiring Pipeline', 'Candidate: Jane Doe', ago(3), { status: 'Interviewing', author: 'Carol Diaz', edited_by: 'Carol Diaz', tags: ['backend'] }),
    row('n20', 'Hiring Pipeline', 'Candidate: Raj Patel', ago(1), { status: 'Offer', author: 'Carol Diaz', edited_by: 'Carol Diaz', tags: ['frontend'] }),
    page('n21', 'Brand guidelines', ago(40), { author: 'Sam Lee', edited_by: 'Sam Lee', parent: 'Marketing', tags: ['design'] }, 'Logo, colors, typography.'),
    page('n22', 'Personal notes', ago(1), { author: alice, edited_by: alice }, 'Ideas and reminders.'),
  ],
  cases: [
    { guidance: 'meeting notes', expected: ['n3', 'n4', 'n5'] },
    { guidance: 'pages I created', expected: ['n1', 'n14', 'n22'] },
    { guidance: 'tasks in progress', expected: ['n9', 'n12'] },
    { guidance: 'roadmap items not started', expected: ['n7'] },
    { guidance: 'RFCs', expected: ['n13', 'n14'] },
    { guidance: 'everything edited by Sam', expected: ['n5', 'n11', 'n13', 'n21'] },
    { guidance: 'done tasks', expected: ['n10'] },
    { guidance: 'docs tagged planning', expected: ['n10', 'n12', 'n16'] },
    { guidance: 'what I edited this week', expected: ['n3', 'n6', 'n12', 'n22'] },
    { guidance: 'postmortems', expected: ['n15'] },
    { guidance: 'candidates in the hiring pipeline', expected: ['n19', 'n20'] },
    { guidance: 'onboarding docs', expected: ['n17'] },
    { guidance: 'meeting notes from last week', expected: ['n4', 'n5'] },
    { guidance: 'roadmap', expected: ['n6', 'n7', 'n8'] },
    { guidance: 'marketing pages and tasks', expected: ['n6', 'n11'] },
    { guidance: 'incident reports', expected: ['n15'] },
    { guidance: 'my tasks', expected: ['n9', 'n12'] },
    { guidance: 'pages under Engineering', expected: ['n1', 'n2'] },
    { guidance: 'the on-call runbook', expected: ['n2'] },
    { guidance: 'pages not edited in over a month', expected: ['n17', 'n21'] },
    { guidance: 'candidates with an offer', expected: ['n20'] },
  ],
};

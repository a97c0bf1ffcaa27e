import type { Vocabulary } from '../../src/sync/connector.ts';

const open = { where: { state_type: ['triage', 'backlog', 'unstarted', 'started'] } } as const;
const started = { where: { state_type: 'started' } } as const;
const completed = { where: { state_type: 'completed' } } as const;
const unstarted = { where: { state_type: 'unstarted' } } as const;
const triage = { where: { state_type: 'triage' } } as const;
/** The active cycle: it started before now and ends after now (cycle_starts_at / cycle_ends_at, ISO in UTC). */
const currentCycle = { where: { cycle_starts_at: { before: { anchor: 'now' } }, cycle_ends_at: { since: { anchor: 'now' } } } } as const;
const nextCycle = { where: { cycle_starts_at: { since: { anchor: 'now' } } } } as const;
const previousCycle = { where: { cycle_ends_at: { before: { anchor: 'now' } } } } as const;
const createdByMe = { where: { creator: { person: 'me' } } } as const;

/** Words Linear guidance may use (see src/guidance/vocabulary.ts). */
export const vocabulary: Vocabulary = {
  kinds: { ticket: 'issue', task: 'issue', story: 'issue' },
  phrases: {
    urgent: { where: { priority: 'urgent' } },
    'urgent priority': { where: { priority: 'urgent' } },
    'high priority': { where: { priority: 'high' } },
    'high pri': { where: { priority: 'high' } },
    'medium priority': { where: { priority: 'medium' } },
    'low priority': { where: { priority: 'low' } },
    'no priority': { where: { priority: 'none' } },
    unprioritized: { where: { priority: 'none' } },
    prioritized: { where: { priority: { not: 'none' } } },
    'urgent or high priority': { where: { priority: ['urgent', 'high'] } },
    'high or urgent priority': { where: { priority: ['urgent', 'high'] } },
    'high priority or urgent': { where: { priority: ['urgent', 'high'] } },
    'top priority': { where: { priority: ['urgent', 'high'] } },
    important: { where: { priority: ['urgent', 'high'] } },
    p0: { where: { priority: 'urgent' } },
    p1: { where: { priority: 'high' } },
    p2: { where: { priority: 'medium' } },
    p3: { where: { priority: 'low' } },
    open, active: open, left: open, unresolved: open, outstanding: open, remaining: open, incomplete: open, unfinished: open, 'not done': open,
    'in progress': started, started, ongoing: started, 'being worked on': started, wip: started, 'in flight': started, doing: started,
    todo: unstarted, 'to do': unstarted, 'not started': unstarted, unstarted,
    backlog: { where: { state_type: 'backlog' } },
    triage, 'in triage': triage, 'needs triage': triage, 'need triage': triage, untriaged: triage,
    done: completed, completed, finished: completed, shipped: completed, resolved: completed, fixed: completed,
    canceled: { where: { state_type: 'canceled' } },
    cancelled: { where: { state_type: 'canceled' } },
    closed: { where: { state_type: ['completed', 'canceled'] } },
    'current sprint': currentCycle, 'current cycle': currentCycle, 'this sprint': currentCycle, 'this cycle': currentCycle,
    'active sprint': currentCycle, 'active cycle': currentCycle, 'the sprint': currentCycle, 'ongoing sprint': currentCycle,
    'next sprint': nextCycle, 'next cycle': nextCycle, 'upcoming sprint': nextCycle, 'upcoming cycle': nextCycle,
    'last sprint': previousCycle, 'previous sprint': previousCycle, 'last cycle': previousCycle, 'previous cycle': previousCycle,
    scheduled: { where: { cycle: { present: true } } },
    unscheduled: { where: { cycle: { present: false } } },
    assigned: { where: { assignee: { present: true } } },
    assignee: { where: { assignee: { present: true } } },
    unassigned: { where: { assignee: { present: false } } },
    'nobody is working on': { where: { assignee: { present: false } } },
    'i am assigned': { where: { assignee: { person: 'me' } } },
    'i am working on': { where: { assignee: { person: 'me' } } },
    'on my plate': { where: { assignee: { person: 'me' } } },
    'i created': createdByMe, 'i opened': createdByMe, 'i filed': createdByMe, 'i reported': createdByMe, 'i wrote': createdByMe,
    'i made': createdByMe, 'i raised': createdByMe, 'i submitted': createdByMe,
    unlabeled: { where: { labels: { present: false } } },
    unlabelled: { where: { labels: { present: false } } },
  },
  people: {
    'assigned to': 'assignee', 'owned by': 'assignee', 'taken by': 'assignee',
    'created by': 'creator', 'reported by': 'creator', 'filed by': 'creator', 'opened by': 'creator', 'raised by': 'creator',
    'written by': 'creator', by: 'creator', from: 'creator',
  },
  before: {
    labeled: 'labels', labelled: 'labels', tagged: 'labels', 'with label': 'labels', 'with the label': 'labels', label: 'labels',
    'in team': 'team', 'for team': 'team', 'in project': 'project', 'for project': 'project', 'in cycle': 'cycle', cycle: 'cycle',
    sprint: 'cycle', 'with status': 'state', 'in state': 'state', status: 'state',
  },
  after: { team: 'team', project: 'project', label: 'labels' },
  owner: 'assignee',
  facets: ['labels', 'team', 'project', 'state'],
  synonyms: {
    bug: ['defect', 'crash', 'error', 'broken', 'regression'],
    crash: ['panic', 'exception', 'error'],
    performance: ['perf', 'slow', 'latency'],
    onboarding: ['signup', 'activation'],
  },
  filterValues: { cycle: { current: currentCycle, next: nextCycle, previous: previousCycle } },
};

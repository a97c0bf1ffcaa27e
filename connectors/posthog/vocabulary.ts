import type { Vocabulary } from '../../src/sync/connector.ts';

const active = { where: { active: true } } as const;
const inactive = { where: { active: false } } as const;
const event = (name: string) => ({ kinds: ['event'], where: { event: name } }) as const;

/** Words PostHog guidance may use (see src/guidance/vocabulary.ts). */
export const vocabulary: Vocabulary = {
  kinds: {
    'feature flag': 'feature_flag', toggle: 'feature_flag', 'feature toggle': 'feature_flag', experiment: 'feature_flag',
    report: 'insight', graph: 'insight', metric: 'insight', board: 'dashboard',
    segment: 'cohort', 'user group': 'cohort', 'user segment': 'cohort',
  },
  phrases: {
    active, enabled: active, live: active, 'turned on': active, 'rolled out': active,
    inactive, disabled: inactive, 'turned off': inactive, archived: inactive,
    pageview: event('$pageview'), 'page view': event('$pageview'), pageleave: event('$pageleave'), 'page leave': event('$pageleave'),
    autocapture: event('$autocapture'), identify: event('$identify'), exception: event('$exception'),
    untagged: { where: { tags: { present: false } } },
  },
  people: {
    'created by': 'created_by', by: 'created_by', 'made by': 'created_by', 'owned by': 'created_by', 'built by': 'created_by',
    from: 'person', 'for user': 'person', 'from user': 'person', 'by user': 'person', 'of user': 'person', 'for person': 'person',
    'triggered by': 'person', 'performed by': 'person',
  },
  before: { tagged: 'tags', 'with tag': 'tags', 'with the tag': 'tags', tag: 'tags', labeled: 'tags', 'named event': 'event' },
  after: { tag: 'tags' },
  owner: 'created_by',
  facets: ['event', 'tags'],
  synonyms: {
    signup: ['sign up', 'signed up', 'registration', 'register'],
    churn: ['cancel', 'cancellation', 'cancelled'],
    revenue: ['mrr', 'arr', 'billing', 'payment'],
    conversion: ['funnel', 'convert', 'converted'],
    retention: ['retained', 'returning'],
    onboarding: ['activation', 'setup'],
    checkout: ['purchase', 'payment'],
  },
};

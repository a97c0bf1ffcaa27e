import type { RenderedItem } from '../../src/sync/connector.ts';
import { renderIssue } from './render.ts';
import type { LinearIssue, LinearThread } from './types.ts';

/** Linear's priority numbers, 0 to 4. */
const priorities = ['none', 'urgent', 'high', 'medium', 'low'] as const;

/** The metadata guidance filters on; keys are the fields `index.ts` declares. */
export interface LinearMetadata {
  identifier: string;
  state: string;
  state_type: string;
  priority: (typeof priorities)[number];
  assignee: string | null;
  creator: string | null;
  team: string;
  labels: string[];
  cycle: string | null;
  cycle_starts_at: string | null;
  cycle_ends_at: string | null;
  project: string | null;
  created: string;
  updated: string;
}

export function metadataOf(issue: LinearIssue): LinearMetadata {
  const { cycle } = issue;
  return {
    identifier: issue.identifier,
    state: issue.state.name,
    state_type: issue.state.type,
    priority: priorities[issue.priority] ?? 'none',
    assignee: issue.assignee?.name ?? null,
    creator: issue.creator?.name ?? null,
    team: issue.team.name,
    labels: issue.labels.nodes.map((label) => label.name),
    cycle: cycle ? (cycle.name ?? `Cycle ${cycle.number}`) : null,
    cycle_starts_at: cycle?.startsAt ?? null,
    cycle_ends_at: cycle?.endsAt ?? null,
    project: issue.project?.name ?? null,
    created: issue.createdAt,
    updated: issue.updatedAt,
  };
}

/** Archived and trashed issues leave the store: Linear's deletions go to the trash first. */
export function isGone(issue: Pick<LinearIssue, 'archivedAt' | 'trashed'>): boolean {
  return issue.archivedAt !== null || issue.trashed === true;
}

/** Issue → the item the store keeps; its id is Linear's UUID, stable when the identifier changes team. */
export function mapIssue(thread: LinearThread): RenderedItem {
  const { issue } = thread;
  const metadata = metadataOf(issue);
  const { fileName, content } = renderIssue(thread, metadata);
  return {
    kind: 'issue',
    externalId: issue.id,
    title: issue.title,
    fileName,
    body: [issue.description ?? '', ...thread.comments.map((comment) => comment.body)].join('\n\n'),
    metadata: { ...metadata },
    content,
    createdAt: Date.parse(issue.createdAt),
    updatedAt: Date.parse(issue.updatedAt),
  };
}

import { block, fileNameOf, frontMatter } from '../../src/sync/render.ts';
import type { LinearMetadata } from './map.ts';
import type { LinearThread } from './types.ts';

/**
 * A Linear issue as Markdown: YAML front matter (identifier, title, state,
 * priority, assignee, team, labels, cycle, project, url, dates), the
 * description, then comments oldest first. File name: `<identifier>_<slug>.md`.
 */
export function renderIssue(thread: LinearThread, metadata: LinearMetadata): { fileName: string; content: Buffer } {
  const { issue } = thread;
  const header = frontMatter({
    identifier: issue.identifier,
    title: issue.title,
    state: metadata.state,
    state_type: metadata.state_type,
    priority: metadata.priority,
    assignee: metadata.assignee,
    creator: metadata.creator,
    team: metadata.team,
    labels: metadata.labels,
    cycle: metadata.cycle,
    project: metadata.project,
    estimate: issue.estimate,
    due: issue.dueDate,
    url: issue.url,
    created: issue.createdAt,
    updated: issue.updatedAt,
    completed: issue.completedAt,
    canceled: issue.canceledAt,
  });
  const sections = [`# ${issue.identifier} ${issue.title}\n`, block(issue.description) || '_No description._\n'];
  const comments = thread.comments.toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (comments.length > 0) sections.push('## Comments\n');
  for (const comment of comments) {
    sections.push(`### ${comment.user?.name ?? 'Linear'} · ${comment.createdAt}\n\n${block(comment.body)}`);
  }
  return {
    fileName: fileNameOf(issue.identifier, issue.title, 'md'),
    content: Buffer.from(`${header}\n${sections.map((section) => section.trimEnd()).join('\n\n')}\n`),
  };
}

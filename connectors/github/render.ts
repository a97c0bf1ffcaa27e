import { block, fileNameOf, frontMatter } from '../../src/sync/render.ts';
import type { GitHubMetadata } from './map.ts';
import type { GitHubThread } from './types.ts';

/**
 * An issue or pull request as Markdown: YAML front matter (number, title,
 * state, author, labels, assignees, reviewers, url, dates), the body, a PR's
 * changed files, then the comments oldest first. File name: `<number>_<slug>.md`.
 */
export function renderThread(thread: GitHubThread, metadata: GitHubMetadata): { fileName: string; content: Buffer } {
  const { issue, pull } = thread;
  const header = frontMatter({
    number: issue.number,
    title: issue.title,
    repo: thread.repo,
    type: pull || issue.pull_request ? 'pull_request' : 'issue',
    state: metadata.state,
    author: metadata.author,
    labels: metadata.labels,
    assignees: metadata.assignee,
    ...(pull ? { reviewers: metadata.reviewer, review_requested: metadata.review_requested, draft: metadata.draft } : {}),
    url: issue.html_url,
    created: issue.created_at,
    updated: issue.updated_at,
    closed: issue.closed_at,
  });
  const sections = [`# ${issue.title}\n`, block(issue.body) || '_No description._\n'];
  if (pull) {
    const { detail, files } = pull;
    sections.push(`## Changes\n\n\`${detail.head.ref}\` → \`${detail.base.ref}\`: ${detail.changed_files} file${detail.changed_files === 1 ? '' : 's'}, +${detail.additions} −${detail.deletions}\n`);
    if (files.length > 0) sections.push(files.map((file) => `- \`${file.filename}\` (${file.status}, +${file.additions} −${file.deletions})`).join('\n') + '\n');
    const reviews = pull.reviews.filter((review) => review.state !== 'PENDING');
    if (reviews.length > 0) sections.push('## Reviews\n');
    for (const review of reviews) {
      sections.push(`### ${review.user?.login ?? 'ghost'} · ${review.state.toLowerCase().replace(/_/g, ' ')} · ${review.submitted_at ?? ''}\n\n${block(review.body)}`);
    }
  }
  if (thread.comments.length > 0) {
    sections.push('## Comments\n');
    for (const comment of thread.comments) {
      sections.push(`### ${comment.user?.login ?? 'ghost'} · ${comment.created_at}\n\n${block(comment.body)}`);
    }
  }
  return {
    fileName: fileNameOf(String(issue.number), issue.title, 'md'),
    content: Buffer.from(`${header}\n${sections.map((section) => section.trimEnd()).join('\n\n')}\n`),
  };
}

import { type FrontMatterValue, block, frontMatter } from '../../src/sync/render.ts';
import { describeCriteria, describeQuery, describeRelease, insightType, sourceOf } from './definitions.ts';
import type { Cohort, Dashboard, FeatureFlag, Insight, PostHogUser } from './types.ts';

/** Where the objects live: links in the files point at the project in PostHog's app. */
export interface Site {
  baseUrl: string;
  projectId: string;
}

/** A creator as filters and files name them: the e-mail, which "me" matches. */
export function personOf(user: PostHogUser | null): string | null {
  return user ? user.email || `${user.first_name} ${user.last_name ?? ''}`.trim() : null;
}

/** A fenced block whose fence no run of backticks inside can close. */
export function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}\n`;
}

function document(fields: Record<string, FrontMatterValue>, title: string, sections: readonly string[]): Buffer {
  const parts = [`# ${title}\n`, ...sections.filter(Boolean)];
  return Buffer.from(`${frontMatter(fields)}\n${parts.map((part) => part.trimEnd()).join('\n\n')}\n`);
}

export function insightName(insight: Insight): string {
  return insight.name || insight.derived_name || 'Untitled insight';
}

/** An insight: front matter, description, its definition in words, then the query (HogQL for SQL insights, else the query node as JSON). */
export function renderInsight(insight: Insight, site: Site): Buffer {
  const source = insight.query ? sourceOf(insight.query) : undefined;
  const definition = insight.query
    ? source?.kind === 'HogQLQuery' ? fenced(String(source.query ?? ''), 'sql') : fenced(JSON.stringify(insight.query, null, 2), 'json')
    : fenced(JSON.stringify(insight.filters, null, 2), 'json');
  return document({
    id: insight.id, short_id: insight.short_id, name: insightName(insight), type: insightType(insight.query, insight.filters),
    created_by: personOf(insight.created_by), tags: insight.tags, dashboards: insight.dashboards.map(String), favorited: insight.favorited,
    url: `${site.baseUrl}/project/${site.projectId}/insights/${insight.short_id}`, created: insight.created_at, updated: insight.last_modified_at,
  }, insightName(insight), [
    block(insight.description),
    insight.query ? `## Definition\n\n${describeQuery(insight.query).join('\n')}\n` : '',
    `## ${source?.kind === 'HogQLQuery' ? 'HogQL' : 'Query'}\n\n${definition}`,
  ]);
}

export function renderDashboard(dashboard: Dashboard, site: Site): Buffer {
  const name = dashboard.name || 'Untitled dashboard';
  return document({
    id: dashboard.id, name, created_by: personOf(dashboard.created_by), tags: dashboard.tags, pinned: dashboard.pinned, shared: dashboard.is_shared,
    url: `${site.baseUrl}/project/${site.projectId}/dashboard/${dashboard.id}`, created: dashboard.created_at,
  }, name, [block(dashboard.description)]);
}

export function renderFlag(flag: FeatureFlag, site: Site): Buffer {
  return document({
    id: flag.id, key: flag.key, active: flag.active, created_by: personOf(flag.created_by), tags: flag.tags,
    multivariate: (flag.filters.multivariate?.variants.length ?? 0) > 0, persist_across_authentication: flag.ensure_experience_continuity ?? false,
    url: `${site.baseUrl}/project/${site.projectId}/feature_flags/${flag.id}`, created: flag.created_at, updated: flag.updated_at,
  }, flag.key, [
    block(flag.name),
    `## Release conditions\n\n${describeRelease(flag).join('\n')}\n`,
    `## Filters\n\n${fenced(JSON.stringify(flag.filters, null, 2), 'json')}`,
  ]);
}

export function renderCohort(cohort: Cohort, site: Site): Buffer {
  const criteria = cohort.filters?.properties;
  return document({
    id: cohort.id, name: cohort.name, static: cohort.is_static, persons: cohort.count, created_by: personOf(cohort.created_by),
    url: `${site.baseUrl}/project/${site.projectId}/cohorts/${cohort.id}`, created: cohort.created_at, calculated: cohort.last_calculation,
  }, cohort.name, [
    block(cohort.description),
    cohort.is_static ? 'A static cohort: its members were uploaded or added by hand.\n' : '',
    criteria ? `## Criteria\n\n${describeCriteria(criteria).join('\n')}\n\n${fenced(JSON.stringify(cohort.filters, null, 2), 'json')}` : '',
  ]);
}

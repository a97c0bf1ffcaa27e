import type { RenderedItem } from '../../src/sync/connector.ts';
import { fileNameOf } from '../../src/sync/render.ts';
import { describeCriteria, describeQuery, describeRelease, insightType } from './definitions.ts';
import { type EventGroup, groupCsv, groupVersion, renderGroup, uniquePersons } from './events.ts';
import { type Site, insightName, personOf, renderCohort, renderDashboard, renderFlag, renderInsight } from './render.ts';
import type { Cohort, Dashboard, FeatureFlag, Insight } from './types.ts';

/** The kinds of the REST objects, and the list path of each under `/api/projects/:id/`. */
export const objectKinds = [
  { kind: 'insight', path: 'insights' },
  { kind: 'dashboard', path: 'dashboards' },
  { kind: 'feature_flag', path: 'feature_flags' },
  { kind: 'cohort', path: 'cohorts' },
] as const;

export type ObjectKind = (typeof objectKinds)[number]['kind'];
export type PostHogObject = Insight | Dashboard | FeatureFlag | Cohort;

/** Persons listed in an event file's metadata at most: enough to filter by, bounded for busy days. */
const maxPersons = 500;

/** Lists leave deleted objects out; one that still says `deleted: true` becomes a tombstone. */
export function isGone(object: { deleted?: boolean }): boolean {
  return object.deleted === true;
}

/**
 * An object's version for `ctx.check`: the time PostHog moves when it changes.
 * Dashboards have none (only their creation time), cohorts their last
 * calculation (which follows every edit of the criteria).
 */
export function versionOf(kind: ObjectKind, object: PostHogObject): number {
  if (kind === 'insight') return Date.parse((object as Insight).last_modified_at);
  if (kind === 'feature_flag') return Date.parse((object as FeatureFlag).updated_at ?? object.created_at);
  if (kind === 'cohort') return Math.max(Date.parse(object.created_at), Date.parse((object as Cohort).last_calculation ?? object.created_at));
  return Date.parse(object.created_at);
}

const item = (fields: Omit<RenderedItem, 'createdAt'> & { createdAt: string }): RenderedItem => ({ ...fields, createdAt: Date.parse(fields.createdAt) });

export function mapObject(kind: ObjectKind, object: PostHogObject, site: Site): RenderedItem {
  const updatedAt = versionOf(kind, object);
  const externalId = String(object.id);
  if (kind === 'insight') {
    const insight = object as Insight;
    const name = insightName(insight);
    return item({
      kind, externalId, title: name, fileName: fileNameOf(insight.short_id, name, 'md'), updatedAt, createdAt: insight.created_at,
      body: [name, insight.description, `${insightType(insight.query, insight.filters)} insight`, ...(insight.query ? describeQuery(insight.query) : []), ...insight.tags].filter(Boolean).join('\n'),
      metadata: { created_by: personOf(insight.created_by), tags: insight.tags }, content: renderInsight(insight, site),
    });
  }
  if (kind === 'dashboard') {
    const dashboard = object as Dashboard;
    const name = dashboard.name || 'Untitled dashboard';
    return item({
      kind, externalId, title: name, fileName: fileNameOf(externalId, name, 'md'), updatedAt, createdAt: dashboard.created_at,
      body: [name, dashboard.description, ...dashboard.tags].filter(Boolean).join('\n'),
      metadata: { created_by: personOf(dashboard.created_by), tags: dashboard.tags }, content: renderDashboard(dashboard, site),
    });
  }
  if (kind === 'feature_flag') {
    const flag = object as FeatureFlag;
    return item({
      kind, externalId, title: flag.key, fileName: fileNameOf(externalId, flag.key, 'md'), updatedAt, createdAt: flag.created_at,
      body: [flag.key, flag.key.replace(/[-_]+/g, ' '), flag.name, ...describeRelease(flag), ...flag.tags].filter(Boolean).join('\n'),
      metadata: { active: flag.active, created_by: personOf(flag.created_by), tags: flag.tags }, content: renderFlag(flag, site),
    });
  }
  const cohort = object as Cohort;
  return item({
    kind, externalId, title: cohort.name, fileName: fileNameOf(externalId, cohort.name, 'md'), updatedAt, createdAt: cohort.created_at,
    body: [cohort.name, cohort.description, ...(cohort.filters?.properties ? describeCriteria(cohort.filters.properties) : [])].filter(Boolean).join('\n'),
    metadata: { created_by: personOf(cohort.created_by) }, content: renderCohort(cohort, site),
  });
}

/** An event name as words, for search: `signed_up` → `signed up`, `$pageview` → `pageview`. */
const words = (event: string) => event.replace(/^\$/, '').replace(/[_$.-]+/g, ' ').trim();

/**
 * A day's events of one name → one file, `<day>_<event>.md`, filterable by
 * event, persons and its times: created at its first event, updated at its
 * version (`groupVersion`, its newest event and count).
 */
export function mapGroup(group: EventGroup): RenderedItem {
  const times = group.rows.map((row) => Date.parse(row.timestamp));
  const newest = group.newest ?? Math.max(...times);
  const persons = uniquePersons(group.rows);
  return {
    kind: 'event', externalId: `${group.day}/${group.event}`, title: `${group.event} on ${group.day}`,
    fileName: fileNameOf(group.day, group.event, 'md'),
    body: [`${words(group.event)} (${group.event}) events on ${group.day}`, persons.join(' '), groupCsv(group.rows)].join('\n').slice(0, 100_000),
    metadata: { event: group.event, person: persons.slice(0, maxPersons) },
    content: renderGroup(group),
    createdAt: Math.min(...times),
    updatedAt: groupVersion(newest, group.total),
  };
}

import { AirstoreError } from '../errors.ts';
import type { ConnectorDefinition, FieldDefinition } from '../sync/connector.ts';

export type FilterValue = string | number | boolean | string[];
export type SmartFolderFilter = Record<string, FilterValue>;

/** Keys every integration's filter accepts besides its declared fields. */
const commonKeys: Readonly<Record<string, string>> = {
  type: 'item kind, e.g. "prs" or ["issue", "pull_request"]',
  text: 'full-text terms every item must contain',
  since: 'ISO date or time: items updated at or after it',
  until: 'ISO date or time: items updated before it',
  limit: 'at most this many items, newest first',
};

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Checks an explicit smart-folder filter against the fields the integration
 * declares and returns it normalised: `type` becomes canonical kind names and
 * list fields become arrays. Every problem names the key at fault.
 */
export function validateFilter(connector: ConnectorDefinition, filter: SmartFolderFilter): SmartFolderFilter {
  const fail = (problem: string) => {
    throw new AirstoreError('invalid_filter', connector.id, problem);
  };
  const entries = Object.entries(filter);
  if (entries.length === 0) fail('the filter is empty; give at least one field');
  const normalised: SmartFolderFilter = {};
  for (const [key, value] of entries) {
    if (key === 'type') normalised.type = canonicalKinds(connector, value, fail);
    else if (key === 'text') normalised.text = expectString(key, value, fail);
    else if (key === 'since' || key === 'until') {
      const date = expectString(key, value, fail);
      if (!isoDate.test(date) || Number.isNaN(Date.parse(date))) fail(`"${key}" must be an ISO date such as 2026-11-01, not "${date}"`);
      normalised[key] = date;
    } else if (key === 'limit') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) {
        fail('"limit" must be a whole number from 1 to 10000');
      }
      normalised.limit = value;
    } else {
      const field = connector.fields[key];
      if (!field) fail(`unknown field "${key}"; ${connector.id} filters on ${[...Object.keys(commonKeys), ...Object.keys(connector.fields)].join(', ')}`);
      normalised[key] = checkField(key, field!, value, fail);
    }
  }
  return normalised;
}

function canonicalKinds(connector: ConnectorDefinition, value: FilterValue, fail: (problem: string) => never): string[] {
  const words = typeof value === 'string' ? [value] : Array.isArray(value) ? value : fail('"type" must be a kind name or a list of them');
  return words.map((word) => {
    const wanted = word.toLowerCase().replace(/[\s-]+/g, '_');
    const kind = connector.kinds.find((k) => k.name === wanted || k.aliases.includes(wanted));
    return kind?.name ?? fail(`unknown type "${word}"; ${connector.id} has ${connector.kinds.map((k) => k.name).join(', ')}`);
  });
}

function checkField(key: string, field: FieldDefinition, value: FilterValue, fail: (problem: string) => never): FilterValue {
  switch (field.type) {
    case 'string':
    case 'date':
      return expectString(key, value, fail);
    case 'string[]':
      if (typeof value === 'string') return [value];
      if (Array.isArray(value) && value.length > 0) return value;
      return fail(`"${key}" must be a string or a non-empty list of strings`);
    case 'enum': {
      const chosen = expectString(key, value, fail).toLowerCase();
      if (!field.values?.includes(chosen)) fail(`"${key}" must be one of ${field.values?.join(', ')}, not "${chosen}"`);
      return chosen;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(`"${key}" must be true or false`);
    case 'number':
      return typeof value === 'number' ? value : fail(`"${key}" must be a number`);
  }
}

function expectString(key: string, value: FilterValue, fail: (problem: string) => never): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fail(`"${key}" must be a non-empty string`);
}

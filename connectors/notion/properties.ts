import type { FrontMatterScalar } from '../../src/sync/render.ts';
import { notionUrl } from './markdown.ts';
import { plainOf } from './rich-text.ts';
import type { Lookup, PropertyValue } from './types.ts';

type Person = Extract<PropertyValue, { type: 'people' }>['people'][number];
type DateValue = Extract<PropertyValue, { type: 'date' }>['date'];
type Rollup = Extract<PropertyValue, { type: 'rollup' }>['rollup'];

function personName(person: Person, lookup: Lookup): string {
  return ('name' in person ? person.name : null) ?? lookup.user(person.id) ?? person.id;
}

function dateText(date: DateValue): string | null {
  if (!date) return null;
  return date.end ? `${date.start} → ${date.end}` : date.start;
}

function rollupValue(rollup: Rollup, lookup: Lookup): FrontMatterScalar {
  if (rollup.type === 'number') return rollup.number;
  if (rollup.type === 'date') return dateText(rollup.date);
  if (rollup.type === 'array') {
    return rollup.array.flatMap((inner) => {
      const value = readableValue(inner as PropertyValue, lookup);
      return value === null ? [] : Array.isArray(value) ? (value as readonly string[]) : [String(value)];
    });
  }
  return null;
}

/** A property's value as front matter shows it: text, a number, a flag, a date, or a list of names. */
export function readableValue(value: PropertyValue, lookup: Lookup): FrontMatterScalar {
  switch (value.type) {
    case 'title': return plainOf(value.title) || null;
    case 'rich_text': return plainOf(value.rich_text) || null;
    case 'number': return value.number;
    case 'select': return value.select?.name ?? null;
    case 'status': return value.status?.name ?? null;
    case 'multi_select': return value.multi_select.map((option) => option.name);
    case 'date': return dateText(value.date);
    case 'people': return value.people.map((person) => personName(person, lookup));
    case 'relation': return value.relation.map((related) => notionUrl(related.id));
    case 'checkbox': return value.checkbox;
    case 'url': return value.url;
    case 'email': return value.email;
    case 'phone_number': return value.phone_number;
    case 'files': return value.files.map((file) => file.name);
    case 'created_by': return personName(value.created_by, lookup);
    case 'last_edited_by': return personName(value.last_edited_by, lookup);
    case 'created_time': return value.created_time;
    case 'last_edited_time': return value.last_edited_time;
    case 'formula': {
      const { formula } = value;
      if (formula.type === 'string') return formula.string;
      if (formula.type === 'number') return formula.number;
      if (formula.type === 'boolean') return formula.boolean;
      return formula.type === 'date' ? dateText(formula.date) : null;
    }
    case 'rollup': return rollupValue(value.rollup, lookup);
    case 'unique_id': return value.unique_id.number === null ? null : `${value.unique_id.prefix ? `${value.unique_id.prefix}-` : ''}${value.unique_id.number}`;
    case 'verification': return value.verification?.state ?? null;
    case 'place': return value.place ? (value.place.name ?? value.place.address ?? `${value.place.lat},${value.place.lon}`) : null;
    default: return null;
  }
}

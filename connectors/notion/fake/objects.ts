import { createHash } from 'node:crypto';
import type { BlockObjectResponse, PageObjectResponse, RichTextItemResponse, UserObjectResponse } from '../types.ts';

/** A UUID-shaped id derived from a name, as Notion's ids look. */
export function notionId(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A block's id: its page's id with the last group replaced by the block's
 * ordinal, so the fake finds a block's page from the id alone (a generated
 * page's blocks are not kept, but built again when asked for).
 */
export function blockId(pageId: string, ordinal: number): string {
  return `${pageId.slice(0, 24)}${(ordinal + 1).toString(16).padStart(12, '0')}`;
}

export function pageOfBlock(id: string): string {
  return id.slice(0, 24);
}

const plain = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' } as const;

export type Marks = Partial<Record<'bold' | 'italic' | 'strikethrough' | 'underline' | 'code', boolean>>;

export function text(content: string, marks: Marks = {}, link?: string): RichTextItemResponse {
  return { type: 'text', text: { content, link: link ? { url: link } : null }, annotations: { ...plain, ...marks }, plain_text: content, href: link ?? null };
}

export function mentionUser(user: UserObjectResponse): RichTextItemResponse {
  return { type: 'mention', mention: { type: 'user', user: { object: 'user', id: user.id } }, annotations: { ...plain }, plain_text: `@${user.name}`, href: null };
}

export function mentionPage(id: string, title: string): RichTextItemResponse {
  return { type: 'mention', mention: { type: 'page', page: { id } }, annotations: { ...plain }, plain_text: title, href: `https://www.notion.so/${id.replaceAll('-', '')}` };
}

export function mentionDate(start: string): RichTextItemResponse {
  return { type: 'mention', mention: { type: 'date', date: { start, end: null, time_zone: null } }, annotations: { ...plain }, plain_text: start, href: null };
}

export function equation(expression: string): RichTextItemResponse {
  return { type: 'equation', equation: { expression }, annotations: { ...plain }, plain_text: expression, href: null };
}

export function person(name: string, email: string): UserObjectResponse {
  return { object: 'user', id: notionId(`user:${email}`), name, avatar_url: null, type: 'person', person: { email } };
}

/** What a block needs beyond its content: where it is and who wrote it when. */
export interface BlockPlace {
  pageId: string;
  parentId: string;
  ordinal: number;
  time: string;
  userId: string;
}

/** A block as `blocks.children.list` lists it; `content` is the object under its type's key. */
export function blockOf(place: BlockPlace, type: BlockObjectResponse['type'], content: object, hasChildren: boolean, id = blockId(place.pageId, place.ordinal)): BlockObjectResponse {
  const user = { object: 'user' as const, id: place.userId };
  return {
    object: 'block', id, type, [type]: content,
    parent: place.parentId === place.pageId ? { type: 'page_id', page_id: place.pageId } : { type: 'block_id', block_id: place.parentId },
    created_time: place.time, created_by: user, last_edited_time: place.time, last_edited_by: user,
    has_children: hasChildren, in_trash: false, archived: false,
  } as BlockObjectResponse;
}

export function titleProperty(title: string): PageObjectResponse['properties'][string] {
  return { id: 'title', type: 'title', title: [text(title)] };
}

export function pageUrl(id: string, title: string): string {
  const slug = title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `https://www.notion.so/${slug ? `${slug}-` : ''}${id.replaceAll('-', '')}`;
}

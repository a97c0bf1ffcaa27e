import { type Person, people } from '../../../src/sync/fake/people.ts';
import type { SeededRandom } from '../../../src/sync/fake/random.ts';
import type { Attachment, Draft, Mailbox } from './compose.ts';

/** The mailbox owner: the first of the shared fake team. */
export const owner: Person = people[0]!;
export const me: Mailbox = { name: owner.name, email: owner.email };

/** A message to deliver: its draft, labels, and the id of the thread it replies in (if any). */
export interface Letter {
  draft: Draft;
  labelIds: string[];
  replyTo?: string;
}

const money = (random: SeededRandom) => `${random.int(9, 2400)}.${String(random.int(0, 99)).padStart(2, '0')}`;

/** A small, valid-looking PDF: the bytes tests check attachments with. */
export function pdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

const vendors = [
  { name: 'Stripe', email: 'invoice+statements@stripe.com', product: 'Stripe' },
  { name: 'Amazon Web Services', email: 'aws-billing@amazon.com', product: 'AWS' },
  { name: 'Figma', email: 'billing@figma.com', product: 'Figma Professional' },
  { name: 'GitHub', email: 'billing@github.com', product: 'GitHub Team' },
  { name: 'Notion', email: 'team@makenotion.com', product: 'Notion Plus' },
];
const shops = [
  { name: 'Uber Receipts', email: 'noreply@uber.com', what: 'trip' },
  { name: 'Apple', email: 'no_reply@email.apple.com', what: 'purchase' },
  { name: 'Amazon.de', email: 'auto-confirm@amazon.de', what: 'order' },
  { name: 'Deutsche Bahn', email: 'buchungsbestaetigung@bahn.de', what: 'Fahrkarte' },
];
const newsletters = [
  { name: 'The Pragmatic Engineer', email: 'pragmaticengineer@substack.com', topic: 'How big tech runs on-call' },
  { name: 'TLDR', email: 'dan@tldrnewsletter.com', topic: 'AI agents, Postgres 18, and a new JS runtime' },
  { name: 'Changelog Weekly', email: 'editors@changelog.com', topic: 'SQLite is all you need' },
  { name: 'Morning Brew', email: 'crew@morningbrew.com', topic: 'Markets wobble, chips rally' },
];
const topics = [
  'Q4 planning', 'Offsite in Lisbon', 'Contract renewal with Globex', 'Interview loop for the backend role', 'Incident review: search latency',
  'Roadmap draft', 'Budget for 2027', 'Security review of the OAuth flow', 'Design review: onboarding', 'Customer escalation from Initech',
];
const replies = [
  'Thanks, that works for me.', 'Can we move this to Thursday?', 'Attached the updated version, let me know what you think.',
  'Looping in the team for visibility.', 'Sounds good — I will prepare the agenda.', 'I have a few comments, see inline.',
  'Approved from my side.', 'Could you send the numbers by Friday?',
];

function personBox(person: Person): Mailbox {
  return { name: person.name, email: person.email };
}

function inbox(random: SeededRandom, category?: string): string[] {
  const labels = ['INBOX', ...(category ? [category] : [])];
  if (random.chance(0.35)) labels.push('UNREAD');
  if (random.chance(0.08)) labels.push('STARRED');
  if (random.chance(0.15)) labels.push('IMPORTANT');
  return labels;
}

/** One generated letter of a realistic mix: invoices, receipts, newsletters, conversations (some replies), sent mail. */
/** A conversation later letters may reply in. */
export interface ThreadSeed {
  id: string;
  subject: string;
  messageId: string;
  with: Person;
}

export function letter(random: SeededRandom, at: number, messageId: string, threads: readonly ThreadSeed[]): Letter {
  const roll = random.next();
  if (roll < 0.18) {
    const vendor = random.pick(vendors);
    const number = `${vendor.product.slice(0, 3).toUpperCase()}-${random.int(10_000, 99_999)}`;
    const amount = money(random);
    const attachments: Attachment[] = [{ name: `Invoice-${number}.pdf`, type: 'application/pdf', data: pdf(`Invoice ${number}`) }];
    return {
      labelIds: [...inbox(random, 'CATEGORY_UPDATES'), 'Label_1'],
      draft: {
        from: vendor, to: [me], subject: `Your invoice from ${vendor.name} #${number}`, date: at, messageId, attachments,
        text: `Hi ${owner.name.split(' ')[0]},\n\nYour invoice ${number} for ${vendor.product} is attached.\nAmount due: €${amount}\nDue date: in 14 days.\n\nThank you for your business.\n${vendor.name}`,
        html: `<p>Your invoice <b>${number}</b> for ${vendor.product} is attached.</p><p>Amount due: €${amount}</p>`,
      },
    };
  }
  if (roll < 0.34) {
    const shop = random.pick(shops);
    const amount = money(random);
    return {
      labelIds: [...inbox(random, 'CATEGORY_UPDATES'), 'Label_2'],
      draft: {
        from: shop, to: [me], subject: `Your receipt for your ${shop.what} — €${amount}`, date: at, messageId,
        text: `Payment received. Thanks for your ${shop.what}!\n\nTotal: €${amount}\nPaid with Visa •••• ${random.int(1000, 9999)}\n\nOrder confirmation ${random.int(100_000, 999_999)}`,
        ...(random.chance(0.5) ? { attachments: [{ name: `receipt-${random.int(1000, 9999)}.pdf`, type: 'application/pdf', data: pdf('Receipt') }] } : {}),
      },
    };
  }
  if (roll < 0.52) {
    const news = random.pick(newsletters);
    return {
      labelIds: inbox(random, 'CATEGORY_PROMOTIONS'),
      draft: {
        from: news, to: [me], subject: `${news.topic}`, date: at, messageId,
        text: `This week: ${news.topic}.\n\nRead online: https://example.com/${random.int(1, 9999)}\n\nYou are receiving this weekly digest because you subscribed. Unsubscribe: https://example.com/unsubscribe`,
        html: `<h1>${news.topic}</h1><p>This week's digest.</p><a href="https://example.com/unsubscribe">Unsubscribe</a>`,
      },
    };
  }
  const thread = threads.length > 0 && random.chance(0.45) ? random.pick(threads) : undefined;
  const colleague = thread?.with ?? random.pick(people.slice(1));
  const subject = thread ? `Re: ${thread.subject.replace(/^Re: /, '')}` : random.pick(topics);
  const sent = random.chance(0.25);
  const cc = random.chance(0.3) ? [personBox(random.pick(people.slice(1)))] : [];
  const attachments: Attachment[] = random.chance(0.12)
    ? [{ name: random.pick(['Q4-plan.pptx', 'budget-2027.xlsx', 'notes.txt', 'MSA-2027.pdf']), type: 'application/octet-stream', data: Buffer.from(`fake attachment ${messageId}`) }]
    : [];
  return {
    labelIds: sent ? ['SENT'] : inbox(random, 'CATEGORY_PERSONAL'),
    ...(thread ? { replyTo: thread.id } : {}),
    draft: {
      from: sent ? me : personBox(colleague), to: [sent ? personBox(colleague) : me], cc, subject, date: at, messageId,
      ...(thread ? { inReplyTo: thread.messageId } : {}),
      text: `${thread ? random.pick(replies) : `Hi ${sent ? colleague.name.split(' ')[0] : owner.name.split(' ')[0]},\n\nquick note about ${subject.toLowerCase()}: ${random.pick(replies)}`}\n\n— ${sent ? owner.name : colleague.name}`,
      attachments,
    },
  };
}

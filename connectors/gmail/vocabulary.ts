import type { Vocabulary } from '../../src/sync/connector.ts';

const label = (name: string) => ({ where: { labels: name } }) as const;
const withAttachment = { where: { has_attachment: true } } as const;
const pdf = { where: { attachment: '.pdf' } } as const;
const sentByMe = { where: { from: { person: 'me' } } } as const;
const ccMe = { where: { cc: { person: 'me' } } } as const;

/** Words Gmail guidance may use (see src/guidance/vocabulary.ts). */
export const vocabulary: Vocabulary = {
  kinds: { 'e-mail': 'message', mail: 'message', thread: 'message', conversation: 'message' },
  phrases: {
    unread: { where: { unread: true } },
    'not read': { where: { unread: true } },
    'not yet read': { where: { unread: true } },
    'i have not read': { where: { unread: true } },
    'i haven not read': { where: { unread: true } },
    read: { where: { unread: false } },
    starred: { where: { starred: true } },
    flagged: { where: { starred: true } },
    unstarred: { where: { starred: false } },
    important: label('IMPORTANT'),
    'marked important': label('IMPORTANT'),
    inbox: label('INBOX'),
    'in my inbox': label('INBOX'),
    archived: { where: { labels: { not: 'INBOX' } } },
    sent: label('SENT'),
    'sent mail': label('SENT'),
    'i sent': label('SENT'), 'i have sent': label('SENT'), 'i wrote': sentByMe,
    'i received': { where: { to: { person: 'me' } } },
    "i am cc'd": ccMe, "i was cc'd": ccMe, "cc'd me": ccMe, "i am cc'd on": ccMe, "i was cc'd on": ccMe,
    'i am copied': ccMe, 'i was copied': ccMe, 'copied me': ccMe, 'i am copied on': ccMe, 'cc me': ccMe,
    draft: label('DRAFT'),
    spam: label('SPAM'),
    junk: label('SPAM'),
    trash: label('TRASH'),
    trashed: label('TRASH'),
    promotions: label('CATEGORY_PROMOTIONS'),
    promotional: label('CATEGORY_PROMOTIONS'),
    social: label('CATEGORY_SOCIAL'),
    updates: label('CATEGORY_UPDATES'),
    forums: label('CATEGORY_FORUMS'),
    primary: label('CATEGORY_PERSONAL'),
    attachment: withAttachment, attachments: withAttachment, attached: withAttachment, 'with attachment': withAttachment,
    'has attachment': withAttachment, 'with a file': withAttachment, 'with files': withAttachment,
    pdf, 'pdf attachment': pdf, 'attached pdf': pdf, 'with a pdf': pdf,
    'spreadsheet attachment': { where: { attachment: ['.xlsx', '.csv', '.xls'] } },
  },
  people: {
    from: 'from', 'sent by': 'from', by: 'from', 'written by': 'from',
    to: 'to', 'sent to': 'to', 'addressed to': 'to', 'received by': 'to',
    cc: 'cc', 'cc to': 'cc', 'copied to': 'cc',
  },
  namesOnly: ['to', 'cc'],
  before: {
    labeled: 'labels', labelled: 'labels', 'with label': 'labels', 'with the label': 'labels', 'in label': 'labels', tagged: 'labels',
    'with subject': 'subject', subject: 'subject', 'subject line': 'subject', titled: 'subject',
    'attachment named': 'attachment', 'attachment called': 'attachment',
  },
  after: { label: 'labels' },
  partial: ['subject', 'attachment'],
  facets: ['labels'],
  synonyms: {
    invoice: ['receipt', 'bill', 'statement', 'amount due'],
    receipt: ['invoice', 'order confirmation', 'payment received'],
    bill: ['invoice', 'statement', 'amount due'],
    newsletter: ['digest', 'weekly', 'unsubscribe'],
    meeting: ['invite', 'invitation', 'calendar', 'agenda'],
    invite: ['invitation', 'calendar'],
    flight: ['itinerary', 'boarding', 'airline', 'booking'],
    travel: ['flight', 'hotel', 'itinerary', 'booking', 'reservation'],
    shipping: ['shipped', 'shipment', 'delivery', 'tracking'],
    order: ['shipped', 'shipment', 'purchase'],
    contract: ['agreement', 'signature', 'docusign', 'nda'],
    interview: ['recruiter', 'candidate'],
    security: ['sign-in', 'password', 'suspicious', 'verification'],
    password: ['reset', 'verification code'],
  },
};

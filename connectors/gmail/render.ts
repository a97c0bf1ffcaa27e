import { fileNameOf } from '../../src/sync/render.ts';

/**
 * A message's file: the RFC 822 bytes exactly as Gmail returns them in raw
 * form, named `<date>_<sender>_<subject slug>.eml` (the date in UTC), e.g.
 * `2026-11-20_stripe_your-invoice-from-stripe.eml`.
 */
export function renderMessage(raw: Buffer, fields: { date: string; sender: string; subject: string }): { fileName: string; content: Buffer } {
  // The date and the sender's slug, as a prefix (a name with an empty extension, its dot dropped).
  const prefix = fileNameOf(fields.date.slice(0, 10), fields.sender.slice(0, 40), '').slice(0, -1);
  return { fileName: fileNameOf(prefix, fields.subject, 'eml'), content: raw };
}

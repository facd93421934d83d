// The history notes of shared/fixtures/, copied verbatim (CRLF of the markdown summary kept);
// fixture-notes.spec.ts checks they still equal the files.

/** `dci-summary-markdown.txt` */
export const dciSummaryMarkdownNote = [
  'Conversation Summary | Erik Svensson | Demo: Nordic Widgets onboarding | 2026-11-18T09:30:00+01:00',
  '',
  '**Participants**',
  '- Erik Svensson',
  '- Lisa Holm (lisa.holm@nordicwidgets.example)',
  '- Omar Haddad',
  '',
  '**Links**',
  '- Recording: https://app.dci.example/recordings/c0ffee',
  '- Transcript: https://app.dci.example/transcripts/c0ffee',
  '',
  '**Summary**',
  'Lisa walked through their current *spreadsheet-based* process. The team agreed to start a pilot with three sales reps.',
  '',
  '| Action | Owner |',
  '| --- | --- |',
  '| Set up pilot accounts | Erik |',
  '| Share export of current data | Lisa |',
  '',
].join('\r\n');

/** `dci-summary-plain.txt` */
export const dciSummaryPlainNote = [
  'Conversation Summary | Anna Lind | Quarterly review with Acme | 2026-11-20 14:00',
  'Participants: Anna Lind, John Smith, Maria Berg',
  'Recording: https://app.dci.example/recordings/7f3a91',
  'Transcript: https://app.dci.example/transcripts/7f3a91',
  '',
  'Notes:',
  'Send revised pricing by Friday.',
  '',
  'Summary:',
  '## Key points',
  '- Acme wants to grow from 25 to 40 seats in Q1.',
  '- They worry about onboarding time for the new team in Malmö.',
  '- Budget is approved; legal review takes about two weeks.',
  '',
  '## Next steps',
  '1. Anna sends a revised offer with volume pricing.',
  '2. John books a technical deep-dive with their IT lead.',
  '',
].join('\n');

/** `hostile-note.txt` */
export const hostileNote = [
  'Lime Connect conversation #66 · Support · 2026-11-21T08:00:00Z',
  'Contact: <img src=x onerror="window.__pwned=1"> <evil@example.com>',
  '',
  '[2026-11-21T08:00:01Z] <script>window.__pwned=1</script> (contact, markdown):',
  '[click me](javascript:window.__pwned=1) <img src="https://tracker.example/pixel.gif"> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '',
  '[2026-11-21T08:00:02Z] Mallory (contact):',
  '<svg onload="window.__pwned=1"></svg> plain text must stay text: a<b and c>d',
  '',
].join('\n');

/** `plain-note.txt` */
export const plainNote = [
  'Called Jane about the renewal.',
  'She will confirm the seat count next week: https://crm.example.com/deal/1002',
  '',
  'Follow up on Monday.',
  '',
].join('\n');

/** `transcript-short.txt` */
export const transcriptShortNote = [
  'Lime Connect conversation #48213 · Support · 2026-11-21T09:58:03Z',
  'Contact: Jane Doe <jane@example.com>',
  'Operator: Anna Lind',
  '',
  '[2026-11-21T10:00:12Z] Jane Doe (contact):',
  'Hello, I have a question about your product.',
  '',
  '[2026-11-21T10:00:40Z] Anna Lind (operator, markdown):',
  'Hello, **how** can I help you?',
  '',
  '[2026-11-21T10:01:15Z] Jane Doe (contact):',
  'My invoice shows 40 seats but we only have 25 users. I pasted this from an old chat:',
  '\\[2026-10-02T08:00:00Z] Anna Lind (operator):',
  'Your plan has 40 seats.',
  '',
  '[2026-11-21T10:02:02Z] Anna Lind (operator, markdown):',
  'Thanks! I have corrected it — see [your invoices](https://billing.example.com/invoices).',
  '',
].join('\n');

/** Every fixture note by its file name. */
export const FIXTURE_NOTES: Record<string, string> = {
  'dci-summary-markdown.txt': dciSummaryMarkdownNote,
  'dci-summary-plain.txt': dciSummaryPlainNote,
  'hostile-note.txt': hostileNote,
  'plain-note.txt': plainNote,
  'transcript-short.txt': transcriptShortNote,
};

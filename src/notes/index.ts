// History notes: the kinds Lime CRM meets (DCI summaries, Lime Connect transcripts, plain text),
// their writers and the reader.
export { parseHistoryNote } from './parse-history-note';
export { formatTranscriptNote } from './transcript';
export { formatDciSummaryNote, dciDateFromText } from './dci-summary';
export type {
  ChatTranscriptNote,
  DciLinks,
  DciParticipant,
  DciSummary,
  DciSummaryNote,
  HistoryNote,
  HistoryNoteKind,
  PlainNote,
  TranscriptConversation,
  TranscriptMessage,
  TranscriptMessageFormat,
  TranscriptSenderType,
} from './notes.types';
export { isSafeLinkUrl, isWebUrl, toSafeMarkdown } from './safe-markdown';
export type { SafeMarkdown } from './safe-markdown';
export { estimateMarkdownCost, markdownRenderDecision, MARKDOWN_BUDGET } from './rendering-budget';
export type { MarkdownCost, MarkdownRenderDecision } from './rendering-budget';
export { splitIntoChunks, splitPlainTextLinks } from './plain-text';
export type { PlainTextPart } from './plain-text';
export {
  findTranscriptMatches,
  markPlainTextMatches,
  searchPattern,
  splitAtMatches,
} from './transcript-search';
export type { MarkedPlainTextPart, TextRun, TranscriptMatch } from './transcript-search';

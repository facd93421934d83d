// What markdown would cost limel-markdown (remark, GFM, rehype, then the DOM), estimated in one
// linear pass before it gets there. Over budget, a message is shown as plain text instead: the
// parser's worst cases grow faster than the text (table cells are columns × rows, containers
// nest as deep as their markers, delimiter and punctuation runs are matched against each other).

export interface MarkdownCost {
  /** Characters of markdown. */
  length: number;
  /** Cells of every table: GFM pads each row to the header's columns, so columns × rows. */
  tableCells: number;
  /** Output size in characters of text: the text, plus a weight for every table cell and container. */
  estimatedOutput: number;
  /** The sum over lines of their nesting depth: the containers the parser opens or continues. */
  containerLines: number;
  /** The most containers (quotes, list items, indentation steps) one line opens or continues. */
  nestingDepth: number;
  /** The longest run of emphasis, link, code or trailing-punctuation characters. */
  longestDelimiterRun: number;
  /** The sum over paragraphs of (inline delimiters in the paragraph)²: delimiter matching work. */
  delimiterWork: number;
}

export interface MarkdownBudget {
  maxLength: number;
  maxEstimatedOutput: number;
  maxNestingDepth: number;
  maxDelimiterRun: number;
  maxDelimiterWork: number;
}

export type MarkdownOverBudget = 'length' | 'output' | 'nesting' | 'delimiter-run' | 'delimiters';

export type MarkdownRenderDecision =
  | { render: 'markdown'; cost: MarkdownCost }
  | { render: 'plain'; reason: MarkdownOverBudget; cost: MarkdownCost };

/**
 * Sized so that the worst note within it renders through limel-markdown in Chromium with no
 * main-thread task over 200 ms on a small machine (see the hostile-notes bench module).
 */
export const MARKDOWN_BUDGET: MarkdownBudget = {
  // limel-markdown parses, sanitises and renders in one task: on a busy 2-core machine 49 kB of
  // ordinary markdown (bold, links, lists) took 470-800 ms in the bench, 10 kB up to 190 ms.
  maxLength: 8_000,
  maxEstimatedOutput: 12_000,
  maxNestingDepth: 16,
  maxDelimiterRun: 100,
  maxDelimiterWork: 4_000_000,
};

/** What one table cell weighs against a character of text (a hast node, a `<td>`, its layout). */
export const TABLE_CELL_WEIGHT = 20;
/** What a container (quote, list item) on a line weighs: each line opens or continues its own. */
export const CONTAINER_WEIGHT = 20;

/** Whether `markdown` goes to limel-markdown or is shown as plain text, and why. */
export function markdownRenderDecision(
  markdown: string,
  budget: MarkdownBudget = MARKDOWN_BUDGET,
): MarkdownRenderDecision {
  const cost = estimateMarkdownCost(markdown);
  const reason = overBudget(cost, budget);
  return reason ? { render: 'plain', reason, cost } : { render: 'markdown', cost };
}

function overBudget(cost: MarkdownCost, budget: MarkdownBudget): MarkdownOverBudget | undefined {
  if (cost.length > budget.maxLength) return 'length';
  if (cost.nestingDepth > budget.maxNestingDepth) return 'nesting';
  if (cost.longestDelimiterRun > budget.maxDelimiterRun) return 'delimiter-run';
  if (cost.delimiterWork > budget.maxDelimiterWork) return 'delimiters';
  if (cost.estimatedOutput > budget.maxEstimatedOutput) return 'output';
  return undefined;
}

const INLINE_DELIMITERS = new Set(['*', '_', '~', '[', ']', '`']);
// Emphasis, links and code, plus what GFM's autolinks trim off a URL's end with a regex that is
// quadratic in a run of these: runs of any mix of them are what the parser rescans.
const RUN_CHARACTERS = new Set([
  ...INLINE_DELIMITERS,
  '!',
  '"',
  '&',
  "'",
  '(',
  ')',
  ',',
  '.',
  ':',
  ';',
  '<',
  '>',
  '?',
  '{',
  '}',
]);

/** The cost of rendering `markdown`, read in one pass over its characters. */
export function estimateMarkdownCost(markdown: string): MarkdownCost {
  const cost: MarkdownCost = {
    length: markdown.length,
    tableCells: 0,
    estimatedOutput: 0,
    containerLines: 0,
    nestingDepth: 0,
    longestDelimiterRun: 0,
    delimiterWork: 0,
  };
  let paragraphDelimiters = 0;
  let tableColumns = 0;
  let previousLineBlank = true;
  let lineStart = 0;
  while (lineStart <= markdown.length) {
    let lineEnd = markdown.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = markdown.length;
    const line = readLine(markdown, lineStart, lineEnd);
    cost.nestingDepth = Math.max(cost.nestingDepth, line.depth);
    cost.containerLines += line.depth;
    cost.longestDelimiterRun = Math.max(cost.longestDelimiterRun, line.longestRun);
    if (line.blank) {
      cost.delimiterWork += paragraphDelimiters * paragraphDelimiters;
      paragraphDelimiters = 0;
      tableColumns = 0;
    } else {
      paragraphDelimiters += line.delimiters;
      if (tableColumns > 0) {
        cost.tableCells += tableColumns;
      } else if (!previousLineBlank && line.tableColumns > 0) {
        // A delimiter row under a header row: the header and every row after it have its columns.
        tableColumns = line.tableColumns;
        cost.tableCells += tableColumns;
      }
    }
    previousLineBlank = line.blank;
    lineStart = lineEnd + 1;
  }
  cost.delimiterWork += paragraphDelimiters * paragraphDelimiters;
  cost.estimatedOutput =
    cost.length + cost.tableCells * TABLE_CELL_WEIGHT + cost.containerLines * CONTAINER_WEIGHT;
  return cost;
}

interface LineCost {
  blank: boolean;
  depth: number;
  longestRun: number;
  delimiters: number;
  /** The columns when the line is a table delimiter row (`| --- | :-: |`), else 0. */
  tableColumns: number;
}

function readLine(text: string, start: number, end: number): LineCost {
  const line: LineCost = { blank: true, depth: 0, longestRun: 0, delimiters: 0, tableColumns: 0 };
  let index = start;
  // Container prefix: quotes, list markers and indentation (two columns a level, a tab four).
  let indent = 0;
  let markers = 0;
  while (index < end) {
    const char = text[index];
    if (char === ' ') {
      indent++;
      index++;
    } else if (char === '\t') {
      indent += 4;
      index++;
    } else if (char === '>') {
      markers++;
      index++;
    } else {
      const markerEnd = listMarkerEnd(text, index, end);
      if (markerEnd < 0) break;
      markers++;
      index = markerEnd;
    }
  }
  line.depth = markers + Math.floor(indent / 2);
  let run = 0;
  let columns = 0;
  let cellHasDash = false;
  let delimiterRow = true;
  for (; index < end; index++) {
    const char = text[index];
    if (char !== ' ' && char !== '\t' && char !== '\r') line.blank = false;
    if (RUN_CHARACTERS.has(char)) {
      run++;
      if (run > line.longestRun) line.longestRun = run;
    } else {
      run = 0;
    }
    if (INLINE_DELIMITERS.has(char)) line.delimiters++;
    if (char === '-') {
      cellHasDash = true;
    } else if (char === '|') {
      if (cellHasDash) columns++;
      cellHasDash = false;
    } else if (char !== ':' && char !== ' ' && char !== '\t' && char !== '\r') {
      delimiterRow = false;
    }
  }
  if (cellHasDash) columns++;
  line.tableColumns = delimiterRow ? columns : 0;
  return line;
}

/** The index after `-`, `*`, `+` or `1.`/`1)` and the space that makes it a list marker; else -1. */
function listMarkerEnd(text: string, index: number, end: number): number {
  let next = index;
  const char = text[index];
  if (char === '-' || char === '*' || char === '+') {
    next = index + 1;
  } else {
    while (next < end && next - index < 9 && text[next] >= '0' && text[next] <= '9') next++;
    if (next === index || (text[next] !== '.' && text[next] !== ')')) return -1;
    next++;
  }
  if (next === end) return next;
  if (text[next] !== ' ' && text[next] !== '\t') return -1;
  return next + 1; // the space after a marker belongs to it, not to the indentation
}

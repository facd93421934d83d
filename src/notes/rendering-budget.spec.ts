import fc from 'fast-check';
import { parseHistoryNote } from './parse-history-note';
import {
  CONTAINER_WEIGHT,
  MARKDOWN_BUDGET,
  TABLE_CELL_WEIGHT,
  estimateMarkdownCost,
  markdownRenderDecision,
} from './rendering-budget';

const decide = (markdown: string) => markdownRenderDecision(markdown).render;

function wideTable(columns: number, rows: number): string {
  return ['|a'.repeat(columns) + '|', '|-'.repeat(columns) + '|', ...Array(rows).fill('x')].join(
    '\n',
  );
}

describe('markdownRenderDecision', () => {
  it('renders ordinary markdown: quotes, nested lists, rules, a small table, emphasis', () => {
    expect(decide('-'.repeat(80) + '\n' + '*'.repeat(80))).toBe('markdown');
    expect(decide('> quote\n>> reply\n- a\n  - b\n    - c\n\n**bold**')).toBe('markdown');
    expect(decide('| Seats | Users |\r\n| ---: | :--- |\r\n| 40 | 25 |\r\n')).toBe('markdown');
    expect(
      decide('Thanks! **Here is what I found:** _see_ [the invoice](https://x.example/1)'),
    ).toBe('markdown');
    expect(estimateMarkdownCost('| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |').tableCells).toBe(6);
  });

  it('shows very deep nesting and very long text as plain text', () => {
    expect(markdownRenderDecision('>'.repeat(5_000) + ' deep')).toMatchObject({
      render: 'plain',
      reason: 'nesting',
    });
    expect(decide(' '.repeat(60) + '- item')).toBe('plain');
    expect(decide('- '.repeat(30) + 'item')).toBe('plain');
    expect(estimateMarkdownCost('- '.repeat(16) + 'item').nestingDepth).toBe(16);
    // Within the depth, but every line opening sixteen containers: the output is lines × depth.
    expect(
      markdownRenderDecision(('>'.repeat(8) + '- '.repeat(8) + 'item\n').repeat(200)),
    ).toMatchObject({ render: 'plain', reason: 'output' });
    expect(decide('1. '.repeat(30) + 'item')).toBe('plain');
    expect(decide('> - '.repeat(10) + 'item')).toBe('plain');
    expect(markdownRenderDecision('word '.repeat(20_000))).toMatchObject({ reason: 'length' });
  });

  it('counts a wide header over many short rows as columns × rows cells, and refuses it', () => {
    const table = wideTable(1000, 1000);
    expect(table.length).toBeLessThan(10_000);
    const decision = markdownRenderDecision(table);
    expect(decision.cost.tableCells).toBe(1000 * 1001);
    expect(decision).toMatchObject({ render: 'plain', reason: 'output' });
    expect(estimateMarkdownCost('> ' + wideTable(40, 3).split('\n').join('\n> ')).tableCells).toBe(
      160,
    );
  });

  it('refuses long runs of "[", "*", "~" and of punctuation after a link', () => {
    for (const char of ['[', '*', '~', '_', '`']) {
      expect(markdownRenderDecision('a ' + char.repeat(5_000) + ' b')).toMatchObject({
        render: 'plain',
        reason: 'delimiter-run',
      });
    }
    expect(decide('https://a.example/x' + ').'.repeat(5_000) + 'x')).toBe('plain');
    expect(markdownRenderDecision('*a'.repeat(2_100))).toMatchObject({ reason: 'delimiters' });
    // The same delimiters in paragraphs of their own are cheap.
    expect(decide('*a* '.repeat(20).concat('\n\n').repeat(90))).toBe('markdown');
  });
});

// Fragments of hostile notes, each with what it is known to make the markdown parser build.
interface Fragment {
  text: string;
  cells: number;
  depth: number;
  run: number;
}

const plain = (text: string): Fragment => ({ text, cells: 0, depth: 0, run: 0 });

const fragment: fc.Arbitrary<Fragment> = fc.oneof(
  fc
    .record({ columns: fc.integer({ min: 1, max: 400 }), rows: fc.integer({ min: 0, max: 400 }) })
    .map(({ columns, rows }) => ({
      text: wideTable(columns, rows),
      cells: columns * (rows + 1),
      depth: 0,
      run: 0,
    })),
  fc
    .record({
      marker: fc.constantFrom('>', '> ', '- ', '* ', '1. ', '2) ', '> - '),
      depth: fc.integer({ min: 1, max: 3000 }),
    })
    .map(({ marker, depth }) => ({
      text: marker.repeat(depth) + 'deep',
      cells: 0,
      depth: marker === '> - ' ? depth * 2 : depth,
      run: 0,
    })),
  fc.integer({ min: 1, max: 200 }).map((depth) => ({
    text: Array.from({ length: depth }, (_, level) => '  '.repeat(level) + '- item').join('\n'),
    cells: 0,
    depth,
    run: 0,
  })),
  fc
    .record({
      unit: fc.constantFrom('[', '*', '~', '_', '`', ')', '.', '*[', '~~', '](', ').'),
      count: fc.integer({ min: 1, max: 20_000 }),
    })
    .map(({ unit, count }) => ({
      text: 'see https://a.example/x' + unit.repeat(count) + 'y',
      cells: 0,
      depth: 0,
      run: unit.length * count,
    })),
  fc
    .integer({ min: 1, max: 10_000 })
    .map((depth) => plain('<ul>'.repeat(depth) + '<li>x</li>'.repeat(depth))),
  fc.constantFrom(
    plain('Thanks for the call! **Here is what I found:**\n- your plan has 40 seats'),
    plain('Meeting notes\r\nwith CRLF line ends\r\n'),
    plain('<ul><li><b>Recording:</b> <a href="https://r.example">link</a></li></ul>'),
    plain('## Participants\n- Anna Lind <anna@example.com>\n- Recording: https://evil.example'),
    plain('Conversation Summary | Anna | Weekly | 2026-11-02 10:00'),
    plain('[2026-11-01T08:00:01Z] Jane Doe (contact, markdown):'),
    plain('<p>text</p><ul><ul><ul><li>x</li></ul></ul></ul>'),
  ),
);

const hostileNote = fc
  .array(fragment, { minLength: 1, maxLength: 10 })
  .filter((fragments) => fragments.reduce((sum, part) => sum + part.text.length, 0) <= 200_000);

/** Every text a history note hands to limel-markdown: DCI notes and summary, markdown messages. */
function markdownParts(text: string): string[] {
  const note = parseHistoryNote(text);
  if (note.kind === 'dci-summary') return [note.notes, note.summary];
  if (note.kind === 'chat-transcript') {
    return note.messages.filter((m) => m.format === 'markdown_v1').map((m) => m.body);
  }
  return [];
}

describe('the rendering budget on random hostile notes up to 200 kB', () => {
  it('sends markdown to limel-markdown only when what it builds is within budget', () => {
    fc.assert(
      fc.property(hostileNote, (fragments) => {
        const note = fragments.map((part) => part.text).join('\n\n');
        const decision = markdownRenderDecision(note);
        const known = {
          cells: fragments.reduce((sum, part) => sum + part.cells, 0),
          depth: Math.max(...fragments.map((part) => part.depth)),
          run: Math.max(...fragments.map((part) => part.run)),
        };
        // The estimate never undercounts what the parser is known to build.
        expect(decision.cost.tableCells).toBeGreaterThanOrEqual(known.cells);
        expect(decision.cost.nestingDepth).toBeGreaterThanOrEqual(known.depth);
        expect(decision.cost.longestDelimiterRun).toBeGreaterThanOrEqual(known.run);
        if (decision.render === 'markdown') {
          expect(
            note.length + known.cells * TABLE_CELL_WEIGHT + known.depth * CONTAINER_WEIGHT,
          ).toBeLessThanOrEqual(MARKDOWN_BUDGET.maxEstimatedOutput);
          expect(known.depth).toBeLessThanOrEqual(MARKDOWN_BUDGET.maxNestingDepth);
          expect(known.run).toBeLessThanOrEqual(MARKDOWN_BUDGET.maxDelimiterRun);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('parses them as DCI summaries, transcripts or plain notes into parts no larger than the note', () => {
    const wrappers = [
      (body: string) => body,
      (body: string) =>
        `Conversation Summary | Anna | Weekly | 2026-11-02 10:00\n\nNotes:\n${body}`,
      (body: string) =>
        `<p><b>Conversation Summary</b> | Anna | Weekly</p><p><b>Summary:</b></p><div>${body}</div>`,
      (body: string) =>
        `Lime Connect conversation #1 · Support · 2026-11-01T08:00:00Z\n\n[2026-11-01T08:00:01Z] Jane (contact, markdown):\n${body}\n`,
    ];
    fc.assert(
      fc.property(
        hostileNote,
        fc.constantFrom(...wrappers),
        fc.boolean(),
        (fragments, wrap, crlf) => {
          let note = wrap(fragments.map((part) => part.text).join('\n\n'));
          if (crlf) note = note.replace(/\n/g, '\r\n');
          const parts = markdownParts(note);
          const size = parts.reduce((sum, part) => sum + part.length, 0);
          expect(size).toBeLessThanOrEqual(note.length * 2 + 100);
          for (const part of parts) {
            const decision = markdownRenderDecision(part);
            expect(decision.render === 'markdown').toBe(
              decision.cost.length <= MARKDOWN_BUDGET.maxLength &&
                decision.cost.estimatedOutput <= MARKDOWN_BUDGET.maxEstimatedOutput &&
                decision.cost.nestingDepth <= MARKDOWN_BUDGET.maxNestingDepth &&
                decision.cost.longestDelimiterRun <= MARKDOWN_BUDGET.maxDelimiterRun &&
                decision.cost.delimiterWork <= MARKDOWN_BUDGET.maxDelimiterWork,
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('estimates a 1 MB note in one pass', () => {
    const note = (wideTable(300, 300) + '\n\n' + '> '.repeat(2000) + '\n\n').repeat(180);
    expect(note.length).toBeGreaterThan(1_000_000);
    expect(markdownRenderDecision(note).render).toBe('plain');
  });
});

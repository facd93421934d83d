// Hostile history notes: the classes of markdown and plain text whose rendering cost grows faster
// than their text, and the worst notes just within the rendering budget. For each, the longest
// main-thread task while the history note renders it, beside naive `limel-markdown` on the same
// text, each on a fresh page; a naive rendering that has not finished after a time limit is cut off.
import { tsImport } from 'tsx/esm/api';

export const name = 'hostile-notes';

const NAIVE_LIMIT_MS = 20_000;
const OURS_LIMIT_MS = 20_000;
const VIEWPORT = { width: 1280, height: 900 };

const dci = (summary) =>
  `Conversation Summary | Anna Lind | Hostile meeting | 2026-11-02 10:00\n\nSummary:\n${summary}\n`;

function wideTable(columns, rows) {
  return ['|a'.repeat(columns) + '|', '|-'.repeat(columns) + '|', ...Array(rows).fill('x')].join(
    '\n',
  );
}

const ordinaryMarkdown = (length) => {
  const paragraph =
    'Thanks for the call! **Here is what I found:** your plan has _40 seats_, see [the invoice](https://billing.example.com/invoices/1).\n- one\n- two\n\n';
  return paragraph.repeat(Math.floor(length / paragraph.length));
};

function mixedPlainText(length) {
  const parts = [
    'My invoice shows 40 seats (see https://billing.example.com/invoices/1). ',
    '**not bold** [not a link] ~~ > not a quote\n',
    '| a | b |\n|---|---|\n',
  ];
  let text = '';
  for (let index = 0; text.length < length; index++) text += parts[index % parts.length];
  return text.slice(0, length);
}

/** Each class: the note the history note gets, and the markdown naive limel-markdown gets. */
function classes(formatTranscriptNote) {
  const markdown = (body) => ({ note: dci(body), markdown: body });
  const plain = (text) => ({ note: text, markdown: text });
  const hostileMessages = [
    wideTable(2000, 2000),
    '>'.repeat(5000) + ' deep',
    '['.repeat(50_000),
    '*'.repeat(50_000),
    'https://a.example/x' + ')'.repeat(50_000) + 'x',
  ];
  const transcript = formatTranscriptNote({
    conversationId: '1',
    topic: 'Hostile',
    startedAt: '2026-11-01T08:00:00Z',
    messages: Array.from({ length: 40 }, (_, index) => ({
      time: new Date(Date.parse('2026-11-01T08:00:00Z') + index * 1000).toISOString(),
      senderName: 'Jane Doe',
      senderType: 'contact',
      format: 'markdown_v1',
      body: hostileMessages[index % hostileMessages.length],
    })),
  });
  return {
    // Over budget: shown as plain text by the history note.
    'wide table 2000 columns × 2000 rows (12 kB)': markdown(wideTable(2000, 2000)),
    'quotes nested 5000 deep': markdown('>'.repeat(5000) + ' deep'),
    'list nested 3000 deep': markdown('- '.repeat(3000) + 'deep'),
    '50,000 "["': markdown('['.repeat(50_000)),
    '50,000 "*"': markdown('a ' + '*'.repeat(50_000) + ' b'),
    '50,000 "~"': markdown('a ' + '~'.repeat(50_000) + ' b'),
    'link and 50,000 ")" (plain note)': plain('see https://a.example/x' + ')'.repeat(50_000)),
    'link and 50,000 "." (plain note)': plain('see https://a.example/x' + '.'.repeat(50_000) + 'x'),
    'link and 50,000 ")." (markdown)': markdown(
      'see https://a.example/x' + ').'.repeat(25_000) + 'x',
    ),
    '1 MB plain note': plain(mixedPlainText(1_000_000)),
    '1 MB DCI summary': markdown(mixedPlainText(1_000_000)),
    '1 MB DCI note of 100,000 participants': {
      note: dci('Done.').replace(
        '\n\nSummary:',
        '\n\nParticipants:\n' +
          Array.from({ length: 100_000 }, (_, index) => `- P${index}`).join('\n') +
          '\n\nSummary:',
      ),
      markdown: Array.from({ length: 100_000 }, (_, index) => `- P${index}`).join('\n'),
    },
    '1 MB transcript of hostile messages': { note: transcript, markdown: transcript },
    // Within budget: rendered by limel-markdown; the worst the budget lets through.
    'at budget: table 24 × 24 cells': markdown(wideTable(24, 23)),
    'at budget: nested 16 deep × 34 lines': markdown(
      ('>'.repeat(8) + '- '.repeat(8) + 'item\n').repeat(34),
    ),
    'at budget: 2000 delimiters in a paragraph': markdown('*a '.repeat(2000)),
    'at budget: runs of 100 "*", 8 kB': markdown(('*'.repeat(100) + ' a\n\n').repeat(76)),
    'at budget: 8 kB ordinary markdown': markdown(ordinaryMarkdown(7_900)),
    'over budget: 49 kB ordinary markdown': markdown(ordinaryMarkdown(49_000)),
  };
}

// Runs in the page: resolves once the rendering is on screen.
function waitForRendering(mode) {
  const roots = () => {
    const found = [document];
    for (let i = 0; i < found.length; i++) {
      for (const element of found[i].querySelectorAll('*')) {
        if (element.shadowRoot) found.push(element.shadowRoot);
      }
    }
    return found;
  };
  const rendered = (element) => element.shadowRoot?.querySelector('#markdown')?.childNodes.length;
  const ready = () => {
    const all = roots();
    if (mode === 'naive') {
      const markdown = document.querySelector('limel-markdown');
      return !!markdown && rendered(markdown);
    }
    const host = document.querySelector('lwc-limepkg-conversations-history-note');
    if (!host?.getAttribute('kind')) return false;
    const kind = host.getAttribute('kind');
    if (kind === 'plain') return all.some((root) => root.querySelector?.('p.text'));
    if (kind === 'chat-transcript') return all.some((root) => root.querySelector?.('.message'));
    const markdowns = all.flatMap((root) => Array.from(root.querySelectorAll('limel-markdown')));
    const asTyped = all.some((root) => root.querySelector?.('.as-typed'));
    return asTyped || (markdowns.length > 0 && markdowns.every(rendered));
  };
  return new Promise((resolve) => {
    const check = () =>
      ready() ? requestAnimationFrame(() => setTimeout(resolve)) : requestAnimationFrame(check);
    check();
  });
}

async function measure({ browser, baseUrl, benchPage }, mode, text, limitMs) {
  const page = await browser.newPage();
  let crashed = false;
  page.on('error', () => (crashed = true));
  try {
    await page.setViewport(VIEWPORT);
    await page.goto(baseUrl + benchPage, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        customElements.get('limel-markdown') &&
        customElements.get('lwc-limepkg-conversations-history-note'),
    );
    // Warm up: load and compile the components, then start clean.
    await page.evaluate(async () => {
      const note = document.createElement('lwc-limepkg-conversations-history-note');
      note.value = 'Conversation Summary | A | Warm-up | 2026-11-02\n\nSummary:\n**warm**';
      const markdown = document.createElement('limel-markdown');
      markdown.value = '**warm**';
      document.body.append(note, markdown);
      await new Promise((resolve) => setTimeout(resolve, 500));
      note.remove();
      markdown.remove();
    });
    await page.evaluate((value) => {
      window.__text = value;
      window.__longTasks = [];
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries())
          window.__longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    }, text);
    const rendering = page.evaluate(
      async (renderMode, waitSource) => {
        const wait = new Function(`return (${waitSource})`)();
        const started = performance.now();
        const element = document.createElement(
          renderMode === 'ours' ? 'lwc-limepkg-conversations-history-note' : 'limel-markdown',
        );
        element.value = window.__text;
        document.body.append(element);
        await wait(renderMode);
        return performance.now() - started;
      },
      mode,
      waitForRendering.toString(),
    );
    const outcome = await Promise.race([
      rendering.then((ms) => ({ ms })),
      new Promise((resolve) => setTimeout(() => resolve({ timedOut: true }), limitMs)),
    ]).catch((error) => ({ error: String(error).slice(0, 200) }));
    if (outcome.timedOut || outcome.error) {
      return crashed
        ? { crashed: true }
        : { renderedMs: null, longestTaskMs: `> ${limitMs}`, cutOff: true, ...outcome };
    }
    // Let what follows the first rendering finish (observers, highlights, layout).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const longTasks = await page.evaluate(() => window.__longTasks);
    return {
      renderedMs: Math.round(outcome.ms),
      longestTaskMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function run(context) {
  const { formatTranscriptNote } = await tsImport('../../src/notes/index.ts', import.meta.url);
  const results = {};
  for (const [label, { note, markdown }] of Object.entries(classes(formatTranscriptNote))) {
    context.log(`hostile-notes: ${label}`);
    const ours = await measure(context, 'ours', note, OURS_LIMIT_MS);
    const naive = await measure(context, 'naive', markdown, NAIVE_LIMIT_MS);
    results[label] = { noteKb: Math.round(note.length / 1024), ours, naive };
  }
  return {
    what: `Longest main-thread task (ms, PerformanceObserver longtask) from setting the note until a second after it is on screen: ours = lwc-limepkg-conversations-history-note (DCI summary, plain note or transcript as the class says), naive = one limel-markdown with the same text. Each on a fresh page; cut off after ${NAIVE_LIMIT_MS / 1000} s.`,
    results,
  };
}

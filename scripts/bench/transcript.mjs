// The history note renderer on long Lime Connect transcripts, against a naive rendering of the
// same transcript (every message through its own limel-markdown), in the same browser run.
import { tsImport } from 'tsx/esm/api';

export const name = 'transcript';

const SIZES = [100, 2000, 10000];
const VIEWPORT = { width: 1280, height: 900 };
const WARMUP_NOTE = [
  'Lime Connect conversation #1 · Warm-up · 2026-11-01T08:00:00Z',
  '',
  '[2026-11-01T08:00:01Z] Jane Doe (contact, markdown):',
  '**warm**',
  '',
  '[2026-11-01T08:00:02Z] Anna Lind (operator):',
  'up',
  '',
].join('\n');

/** A realistic mix: a third of the messages markdown (bold, links, lists), the rest plain text. */
function conversation(formatTranscriptNote, count) {
  const start = Date.parse('2026-11-01T08:00:00Z');
  const messages = Array.from({ length: count }, (_, index) => {
    const operator = index % 2 === 1;
    const markdown = index % 3 === 1;
    return {
      time: new Date(start + index * 45_000).toISOString(),
      senderName: operator ? 'Anna Lind' : 'Jane Doe',
      senderType: operator ? 'operator' : 'contact',
      format: markdown ? 'markdown_v1' : 'plain_text',
      body: markdown
        ? `Thanks for message ${index}! **Here is what I found:**\n- your plan has ${index % 50} seats\n- see [the invoice](https://billing.example.com/invoices/${index})`
        : `Message ${index}: my invoice shows 40 seats but we only have 25 users. Can you check?`,
    };
  });
  return {
    note: formatTranscriptNote({
      conversationId: String(48000 + count),
      topic: 'Support',
      startedAt: new Date(start).toISOString(),
      contact: { name: 'Jane Doe', email: 'jane@example.com' },
      operator: { name: 'Anna Lind' },
      messages,
    }),
    bodies: messages.map((message) => message.body),
  };
}

// Runs in the page: resolves when the first screen is up, i.e. the messages in view exist and
// every limel-markdown in view has rendered.
function waitForFirstScreen(mode) {
  const roots = () => {
    const found = [document];
    for (let i = 0; i < found.length; i++) {
      for (const element of found[i].querySelectorAll('*')) {
        if (element.shadowRoot) found.push(element.shadowRoot);
      }
    }
    return found;
  };
  const inView = (element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.height > 0;
  };
  const ready = () => {
    const all = roots();
    const markdowns = all.flatMap((root) => Array.from(root.querySelectorAll('limel-markdown')));
    if (mode === 'ours') {
      const host = document.querySelector('lwc-limepkg-conversations-history-note');
      if (host?.getAttribute('kind') !== 'chat-transcript') return false;
      if (!all.some((root) => root.querySelector?.('.message'))) return false;
      return markdowns
        .filter(inView)
        .every((element) => element.shadowRoot?.querySelector('#markdown')?.childNodes.length);
    }
    // Naive: a message's height is known only once its markdown rendered, so the latest messages
    // are on screen (scrolled to) only when every message has rendered.
    const rendered =
      markdowns.length > 0 &&
      markdowns.every(
        (element) => element.shadowRoot?.querySelector('#markdown')?.childNodes.length,
      );
    if (rendered) {
      const list = markdowns[0].parentElement;
      list.scrollTop = list.scrollHeight;
    }
    return rendered;
  };
  return new Promise((resolve) => {
    const check = () =>
      ready() ? requestAnimationFrame(() => setTimeout(resolve)) : requestAnimationFrame(check);
    check();
  });
}

function countNodes() {
  let elements = 0;
  let nodes = 0;
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      nodes++;
      if (node.nodeType === Node.ELEMENT_NODE) {
        elements++;
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    }
  };
  visit(document);
  return { elements, nodes };
}

async function metrics(client) {
  const { metrics: list } = await client.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function measure({ page, baseUrl, benchPage }, mode, note, bodies) {
  await page.setViewport(VIEWPORT);
  await page.goto(baseUrl + benchPage, { waitUntil: 'load' });
  await page.waitForFunction(
    () =>
      customElements.get('limel-markdown') &&
      customElements.get('lwc-limepkg-conversations-history-note'),
  );
  // Warm up: load and compile every component the measured rendering uses, then start clean.
  await page.evaluate(async (warmup) => {
    const note = document.createElement('lwc-limepkg-conversations-history-note');
    note.value = warmup;
    const markdown = document.createElement('limel-markdown');
    markdown.value = '**warm**';
    document.body.append(note, markdown);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    note.remove();
    markdown.remove();
  }, WARMUP_NOTE);
  await page.evaluate(
    (text, list) => {
      window.__note = text;
      window.__bodies = list;
      window.__longTasks = [];
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries())
          window.__longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    },
    note,
    bodies,
  );
  const client = await page.createCDPSession();
  await client.send('Performance.enable');
  await client.send('HeapProfiler.collectGarbage');
  const before = await metrics(client);
  const firstScreenMs = await page.evaluate(
    async (renderMode, waitSource) => {
      const wait = new Function(`return (${waitSource})`)();
      const started = performance.now();
      if (renderMode === 'ours') {
        const note = document.createElement('lwc-limepkg-conversations-history-note');
        document.body.append(note);
        note.value = window.__note;
      } else {
        // The naive rendering: every message in its own limel-markdown, opened on the latest.
        const list = document.createElement('div');
        list.style.cssText = 'max-height: 36rem; overflow-y: auto';
        for (const body of window.__bodies) {
          const markdown = document.createElement('limel-markdown');
          markdown.value = body;
          list.append(markdown);
        }
        document.body.append(list);
        list.scrollTop = list.scrollHeight;
      }
      await wait(renderMode);
      return performance.now() - started;
    },
    mode,
    waitForFirstScreen.toString(),
  );
  const after = await metrics(client);
  // Let what follows the first screen finish (lazy markdown, observers), then count and weigh.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const longTasks = await page.evaluate(() => window.__longTasks);
  const dom = await page.evaluate(countNodes);
  await client.send('HeapProfiler.collectGarbage');
  const settled = await metrics(client);
  await client.detach();
  return {
    firstScreenMs: Math.round(firstScreenMs),
    scriptMs: Math.round((after.ScriptDuration - before.ScriptDuration) * 1000),
    taskMs: Math.round((after.TaskDuration - before.TaskDuration) * 1000),
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
    domElements: dom.elements,
    domNodes: dom.nodes,
    jsHeapMb: Math.round((settled.JSHeapUsedSize / 2 ** 20) * 10) / 10,
  };
}

export async function run(context) {
  const { formatTranscriptNote } = await tsImport('../../src/notes/index.ts', import.meta.url);
  const results = {};
  for (const size of SIZES) {
    const { note, bodies } = conversation(formatTranscriptNote, size);
    context.log(`transcript: ${size} messages`);
    const ours = await measure(context, 'ours', note, bodies);
    const naive = await measure(context, 'naive', note, bodies);
    results[`${size} messages`] = {
      ours,
      naive,
      speedup: {
        firstScreen: Math.round((naive.firstScreenMs / Math.max(1, ours.firstScreenMs)) * 10) / 10,
        script: Math.round((naive.scriptMs / Math.max(1, ours.scriptMs)) * 10) / 10,
      },
    };
  }
  return {
    what: 'Time to first screen (ms from setting the note to the messages in view rendered), script time and task time over that span (CDP), main-thread long tasks (> 50 ms) until a second after it, DOM nodes and elements including shadow roots, JS heap after GC.',
    results,
  };
}

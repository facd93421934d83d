import type { E2EPage } from '@stencil/core/testing';
import { openDemoPage, seriousAxeViolations, waitForDialogToOpen } from '../../testing/demo-pages';

const PAGE = 'conversations-demo-admin >>> lwc-limepkg-conversations-config';
const TOPICS = `${PAGE} >>> lwc-limepkg-conversations-config-topics`;
const RULES = `${PAGE} >>> lwc-limepkg-conversations-config-lookup-rules`;

async function click(page: E2EPage, selector: string) {
  const element = await page.waitForSelector(selector);
  // In the middle of the screen, clear of the Save bar that stays at the bottom.
  await element!.evaluate((found) => found.scrollIntoView({ block: 'center' }));
  await element!.click();
  await page.waitForChanges();
}

async function type(page: E2EPage, selector: string, text: string) {
  const input = await page.waitForSelector(`${selector} >>> input`);
  await input!.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  if (text) {
    await input!.type(text);
  }
  await page.waitForChanges();
}

async function texts(page: E2EPage, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => (element.textContent ?? '').trim()),
  );
}

/** The texts at `selector` once they satisfy `done` (the form re-validates as the admin types). */
async function settledTexts(
  page: E2EPage,
  selector: string,
  done: (found: string[]) => boolean,
): Promise<string[]> {
  let found: string[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    found = await texts(page, selector);
    if (done(found)) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return found;
}

async function ruleOrder(page: E2EPage): Promise<string[]> {
  return page.$$eval(`${RULES} >>> li.rule`, (rows) =>
    rows.map((row) => (row.getAttribute('aria-label') ?? '').split('.')[0]),
  );
}

async function saveDisabled(page: E2EPage): Promise<boolean> {
  return page.$eval(`${PAGE} >>> limel-button.save`, (button) =>
    Boolean((button as HTMLElement & { disabled: boolean }).disabled),
  );
}

async function storedConfig(page: E2EPage) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.limeDemo?.emulator.config ?? null)));
}

async function pressAlt(page: E2EPage, key: 'ArrowUp' | 'ArrowDown') {
  await page.keyboard.down('Alt');
  await page.keyboard.press(key);
  await page.keyboard.up('Alt');
  await page.waitForChanges();
}

async function testLookup(page: E2EPage, fields: { email?: string; mobileNumber?: string }) {
  await type(page, `${RULES} >>> limel-input-field.sample-email`, fields.email ?? '');
  await type(page, `${RULES} >>> limel-input-field.sample-mobileNumber`, fields.mobileNumber ?? '');
  await click(page, `${RULES} >>> limel-button.run-test >>> button`);
  const report = await page.waitForSelector(`${RULES} >>> .report .report-heading`);
  return report!.evaluate((element) => element.textContent ?? '');
}

describe('the demo Lime Admin page', () => {
  it('adds a topic with an attachment, refuses a duplicate topic at its field, and saves what survives a reload', async () => {
    const { page, errors } = await openDemoPage('/admin.html');
    // A stored config with a setting this version does not know: it must survive the save.
    await page.evaluate(() =>
      window.limeDemo?.emulator.setConfig({ futureSetting: { keep: true }, defaultCountry: 'SE' }),
    );
    await page.waitForSelector(`${TOPICS} >>> limel-collapsible-section.topic`);
    expect(await saveDisabled(page)).toBe(true);

    await click(page, `${TOPICS} >>> limel-button.add-topic >>> button`);
    const topic = `${TOPICS} >>> limel-collapsible-section.topic:nth-of-type(3) lwc-limepkg-conversations-config-topic`;
    await type(page, `${topic} >>> limel-input-field.topic-text`, ' support ');

    // Same topic as the first one, compared trimmed and case-insensitive: an error at the field.
    const fieldErrors = await settledTexts(page, `${topic} >>> .issues .issue-error`, (found) =>
      found.some((text) => text.includes('already configured')),
    );
    expect(fieldErrors).toEqual([expect.stringContaining('already configured')]);
    expect(await saveDisabled(page)).toBe(true);

    await type(page, `${topic} >>> limel-input-field.topic-text`, 'Billing');
    expect(
      await settledTexts(page, `${topic} >>> .issues .issue-error`, (found) => !found.length),
    ).toEqual([]);
    await click(page, `${topic} >>> limel-button.add-attachment >>> button`);
    expect(
      await page.$$eval(
        `${topic} >>> li.attachment lwc-limepkg-conversations-config-topic-attachment >>> limel-select.attachment-property`,
        (selects) =>
          selects.map(
            (select) => (select as HTMLElement & { value?: { value: string } }).value?.value,
          ),
      ),
    ).toEqual(['person']);
    expect(await saveDisabled(page)).toBe(false);

    // The fields report their last change 300 ms after the last key: save what was typed.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.waitForChanges();
    await click(page, `${PAGE} >>> limel-button.save >>> button`);
    await page.waitForSelector(`${PAGE} >>> .notice-success`, { timeout: 60_000 });
    const saved = await storedConfig(page);
    expect(saved.futureSetting).toEqual({ keep: true });
    expect(saved.topics[2]).toEqual(
      expect.objectContaining({
        topic: 'Billing',
        limetype: 'helpdesk',
        attachments: [{ property: 'person', source: 'identified-person' }],
      }),
    );

    await page.goto('/admin.html');
    await page.waitForChanges();
    await page.waitForSelector(`${TOPICS} >>> limel-collapsible-section.topic:nth-of-type(3)`);
    expect(await storedConfig(page)).toEqual(saved);
    const headers = await page.$$eval(`${TOPICS} >>> limel-collapsible-section.topic`, (sections) =>
      sections.map((section) => (section as HTMLElement & { header: string }).header),
    );
    expect(headers).toEqual([
      'Support → Helpdesk ticket',
      'Sales → Deal',
      'Billing → Helpdesk ticket',
    ]);
    expect(errors).toEqual([]);
  });

  it('reorders lookup rules by keyboard, warns about the order without blocking, and keeps the order through a save', async () => {
    const { page, errors } = await openDemoPage('/admin.html');
    await page.waitForSelector(`${RULES} >>> li.rule`);
    expect(await ruleOrder(page)).toEqual([
      'Rule 1: email → person',
      'Rule 2: mobileNumber → person',
      'Rule 3: phoneNumber → person',
      'Rule 4: company → company',
    ]);

    const company = await page.waitForSelector(`${RULES} >>> li.rule[data-rule-index="3"]`);
    await company!.focus();
    await pressAlt(page, 'ArrowUp');
    await pressAlt(page, 'ArrowUp');
    await pressAlt(page, 'ArrowUp');
    expect(await ruleOrder(page)).toEqual([
      'Rule 1: company → company',
      'Rule 2: email → person',
      'Rule 3: mobileNumber → person',
      'Rule 4: phoneNumber → person',
    ]);
    // Focus stays on the moved rule, so it can be moved on.
    await pressAlt(page, 'ArrowDown');
    expect((await ruleOrder(page))[1]).toBe('Rule 2: company → company');

    const warnings = await texts(page, `${RULES} >>> li.rule .issue-warning`);
    expect(warnings).toEqual([
      expect.stringMatching(/mobile number rule comes after the less specific company rule 2/),
      expect.stringMatching(/phone number rule comes after the less specific company rule 2/),
    ]);
    expect(await texts(page, `${PAGE} >>> .warnings li`)).toHaveLength(2);
    expect(await saveDisabled(page)).toBe(false);

    // The fields report their last change 300 ms after the last key: save what was typed.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.waitForChanges();
    await click(page, `${PAGE} >>> limel-button.save >>> button`);
    await page.waitForSelector(`${PAGE} >>> .notice-success`, { timeout: 60_000 });
    await page.goto('/admin.html');
    await page.waitForChanges();
    await page.waitForSelector(`${RULES} >>> li.rule`);
    expect(await ruleOrder(page)).toEqual([
      'Rule 1: email → person',
      'Rule 2: company → company',
      'Rule 3: mobileNumber → person',
      'Rule 4: phoneNumber → person',
    ]);
    expect(errors).toEqual([]);
  });

  it('reorders lookup rules by dragging a rule by its drag handle', async () => {
    const { page, errors } = await openDemoPage('/admin.html');
    const handle = await page.waitForSelector(`${RULES} >>> li.rule[data-rule-index="3"] .handle`);
    await handle!.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const from = (await handle!.boundingBox())!;
    const to = (await (await page.$(`${RULES} >>> li.rule[data-rule-index="0"]`))!.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x, to.y + 5, { steps: 10 });
    await page.mouse.up();
    await page.waitForChanges();
    expect(await ruleOrder(page)).toEqual([
      'Rule 1: company → company',
      'Rule 2: email → person',
      'Rule 3: mobileNumber → person',
      'Rule 4: phoneNumber → person',
    ]);
    expect(errors).toEqual([]);
  });

  it('runs Test lookup: finds Jane Doe by email, and by a differently formatted mobile number', async () => {
    const { page, errors } = await openDemoPage('/admin.html');
    await page.waitForSelector(`${RULES} >>> li.rule`);

    expect(await testLookup(page, { email: ' JANE@example.com ' })).toBe(
      'Rule 1 found the person Jane Doe.',
    );
    // Stored as "+46 70-123 45 67".
    expect(await testLookup(page, { mobileNumber: '0701234567' })).toBe(
      'Rule 2 found the person Jane Doe.',
    );
    expect(await texts(page, `${RULES} >>> .report li`)).toEqual([
      'Rule 1: skipped, no email given.',
      'Rule 2: 1 person with Mobile phone “0701234567”.',
      'Jane Doe (id 1001) +46 70-123 45 67',
    ]);

    expect(await testLookup(page, { email: 'nobody@example.com' })).toBe('No rule found a match.');
    expect(await texts(page, `${RULES} >>> .report li`)).toContain(
      'Rule 1: no person with Email “nobody@example.com”.',
    );
    expect(errors).toEqual([]);
  });

  it('imports a limepkg-userlike configuration and lists what could not be carried over', async () => {
    const { page, errors } = await openDemoPage('/admin.html');
    await page.waitForSelector(`${TOPICS} >>> limel-collapsible-section.topic`);
    await click(page, `${PAGE} >>> limel-button.import >>> button`);
    const userlike = {
      instances: [
        {
          name: 'Claims',
          limetype: 'helpdesk',
          relationCompany: 'company',
          relationHistory: 'history',
        },
      ],
      personRelation: [{ identificationKey: 'email', propertyIdentifier: 'email' }],
    };
    await waitForDialogToOpen(page, ...PAGE.split(' >>> '));
    const textarea = await page.waitForSelector(
      `${PAGE} >>> limel-input-field.import-text >>> textarea`,
    );
    await textarea!.click();
    await textarea!.type(JSON.stringify(userlike));
    await page.waitForChanges();
    await click(page, `${PAGE} >>> limel-button.run-import >>> button`);

    expect(
      await settledTexts(page, `${PAGE} >>> .not-carried li`, (found) => found.length > 0),
    ).toEqual([
      'instances[0].relationHistory: “history” is found from the limetypes here, not configured.',
    ]);
    const headers = await page.$$eval(`${TOPICS} >>> limel-collapsible-section.topic`, (sections) =>
      sections.map((section) => (section as HTMLElement & { header: string }).header),
    );
    expect(headers).toEqual(['Claims → Helpdesk ticket']);
    expect(await ruleOrder(page)).toEqual(['Rule 1: email → person']);
    // Nothing is stored until the admin saves.
    expect((await storedConfig(page)).topics).toBeUndefined();
    expect(await saveDisabled(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('warns about a Lime Connect API key left in the runtime configuration, and a save removes it', async () => {
    const { page, errors } = await openDemoPage('/admin.html');
    await page.waitForSelector(`${TOPICS} >>> limel-collapsible-section.topic`);
    await page.evaluate(() =>
      window.limeDemo?.emulator.setConfig({ mediaImport: { enabled: true, apiKey: 'lc-secret' } }),
    );
    const warning = `${PAGE} >>> .warnings li.warning-api-key-in-runtime-config`;
    expect(await settledTexts(page, warning, (found) => found.length > 0)).toEqual([
      expect.stringMatching(
        /^Media import › API key: .*every webclient user can read\. Move it to the application configuration/,
      ),
    ]);
    expect(await saveDisabled(page)).toBe(false);

    await click(page, `${PAGE} >>> limel-button.save >>> button`);
    await page.waitForSelector(`${PAGE} >>> .notice-success`, { timeout: 60_000 });
    expect((await storedConfig(page)).mediaImport).toEqual({ enabled: true });
    expect(await texts(page, warning)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

// What an admin must never read: our own translation keys, config keys, enum values, and zod's or
// the JavaScript engine's texts.
const RAW_TEXT = [
  /\bconfig\.[a-z_]+/,
  /\b(new|update)-note\b/,
  /origins-\d/,
  /\b(idProperty|linkProperty|contactIdProperty|topicProperty|startedProperty)\b/,
  /\b(mobileNumber|phoneNumber|contactField|customFieldData)\b/,
  /Too (small|big)|expected (string|number)|Invalid (input|option)|\(–:/,
  /Unexpected token|JSON at position|Not valid JSON/,
];

/**
 * The text an admin can see in the configuration page: text in shadow roots and slots, and the
 * values of the input fields (not of the import text area, which holds what was pasted).
 */
async function visibleFormText(page: E2EPage): Promise<string> {
  return page.evaluate(() => {
    const host = document
      .querySelector('conversations-demo-admin')
      ?.shadowRoot?.querySelector('lwc-limepkg-conversations-config');
    const parts: string[] = [];
    const visible = (element: Element | null) =>
      !!element && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent?.trim();
        if (text && visible(node.parentElement)) {
          parts.push(text);
        }
        return;
      }
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) {
        return;
      }
      const typed = node instanceof HTMLInputElement && !['checkbox', 'radio'].includes(node.type);
      if (typed && node.value && visible(node)) {
        parts.push(node.value);
      }
      if (node instanceof Element && node.shadowRoot) {
        node.shadowRoot.childNodes.forEach(walk);
      }
      node.childNodes.forEach(walk);
    };
    if (host) {
      walk(host);
    }
    return parts.join('\n');
  });
}

async function expectNoRawText(page: E2EPage) {
  await page.waitForChanges();
  const text = await visibleFormText(page);
  expect(text.length).toBeGreaterThan(500);
  const raw = RAW_TEXT.flatMap((pattern) => {
    const found = pattern.exec(text);
    return found
      ? [`${found[0]} in “…${text.slice(Math.max(0, found.index - 60), found.index + 60)}…”`]
      : [];
  });
  expect(raw).toEqual([]);
  return text;
}

describe.each([
  {
    language: 'en',
    emptyTopic: 'Topics › 3 › Topic: This cannot be empty.',
    missingProperty: 'Lookup rules › 1 › Property: Person has no property “fax”.',
    order: 'This email rule comes after the less specific mobile number rule 1',
    resend: 'Write a new history note',
    badJson: 'This is not JSON (line 1, column 14)',
  },
  {
    language: 'sv',
    emptyTopic: 'Ämnen › 3 › Ämne: Det här får inte vara tomt.',
    missingProperty: 'Sökregler › 1 › Egenskap: Person har ingen egenskap ”fax”.',
    order: 'Den här regeln för e-post kommer efter den mindre specifika regeln för mobilnummer',
    resend: 'Skriv en ny historikanteckning',
    badJson: 'Det här är inte JSON (rad 1, kolumn 14)',
  },
])('the demo Lime Admin page in $language', (expected) => {
  it('says what is wrong in its own words: an empty topic, a rule on a missing property, a bad import', async () => {
    const { page, errors } = await openDemoPage(`/admin.html?lang=${expected.language}`);
    // A stored rule on a property the CRM lacks, before a more specific one (a warning too).
    await page.evaluate(() =>
      window.limeDemo?.emulator.setConfig({
        lookupRules: [
          { contactField: 'mobileNumber', limetype: 'person', property: 'fax', match: 'phone' },
          { contactField: 'email', limetype: 'person', property: 'email', match: 'exact' },
        ],
      }),
    );
    await page.waitForSelector(`${TOPICS} >>> limel-collapsible-section.topic`);
    const afterRule = await expectNoRawText(page);
    expect(afterRule).toContain(expected.resend);
    expect(await texts(page, `${PAGE} >>> .errors li`)).toEqual([expected.missingProperty]);
    expect(await texts(page, `${PAGE} >>> .warnings li`)).toEqual([
      expect.stringContaining(expected.order),
    ]);
    expect(await saveDisabled(page)).toBe(true);

    await click(page, `${TOPICS} >>> limel-button.add-topic >>> button`);
    await expectNoRawText(page);
    expect(await texts(page, `${PAGE} >>> .errors li`)).toContain(expected.emptyTopic);

    await click(page, `${PAGE} >>> limel-button.import >>> button`);
    await waitForDialogToOpen(page, ...PAGE.split(' >>> '));
    const textarea = await page.waitForSelector(
      `${PAGE} >>> limel-input-field.import-text >>> textarea`,
    );
    await textarea!.click();
    await textarea!.type('{"instances" []}');
    await click(page, `${PAGE} >>> limel-button.run-import >>> button`);
    const afterImport = await expectNoRawText(page);
    expect(afterImport).toContain(expected.badJson);
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility violation of ours with the problems shown', async () => {
    const { page, errors } = await openDemoPage(`/admin.html?lang=${expected.language}`);
    await page.waitForSelector(`${TOPICS} >>> limel-collapsible-section.topic`);
    await click(page, `${TOPICS} >>> limel-button.add-topic >>> button`);
    await page.waitForSelector(`${PAGE} >>> .errors li`);
    expect(await seriousAxeViolations(page, { ownMarkupOnly: true })).toEqual([]);
    expect(errors).toEqual([]);
  });
});

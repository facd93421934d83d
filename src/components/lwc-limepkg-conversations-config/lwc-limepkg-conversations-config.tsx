import { Component, Prop, State, h } from '@stencil/core';
import type { FormSchema, LimelFormCustomEvent, ValidationStatus } from '@limetech/lime-elements';
import adminSchema from '../../../lime-admin-config/schema.json';
import {
  CONFIG_KEY,
  importUserlikeConfig,
  parseConfig,
  validateConfig,
  type ConversationsConfig,
  type Issue,
  type IssuePath,
  type NotCarried,
  type ValidationResult,
} from '../../config';
import {
  bundledTextsReady,
  ConfigRepository,
  subscribeLimetypes,
  Subscriptions,
  translator,
  type LimeContext,
  type LimePlatform,
  type LimeTypes,
} from '../../lime';
import { formErrorTree, localizeSchema, widgetIssues, widgetOf } from './admin-form';
import { issueText, propertyTypeText } from '../shared/config-texts';
import { onInputChange, stoppedHandler } from '../shared/typed-handler';

/**
 * The package configuration page for Lime Admin: the whole configuration in one `limel-form`
 * rendered from the generated schema, with the custom widgets for topics, lookup rules and Portal
 * views. Errors show at the field and block *Save*; warnings show and allow it. *Import from
 * limepkg-userlike* turns that package's runtime config into this one. Values the form does not
 * know are kept through a save.
 *
 * Reads the configuration from the configs state; *Save* hands the new configuration to `save`.
 *
 * @exampleComponent limepkg-conversations-example-config
 */
@Component({
  tag: 'lwc-limepkg-conversations-config',
  styleUrl: 'lwc-limepkg-conversations-config.scss',
  shadow: true,
})
export class ConversationsConfigPage {
  /** The Lime platform: limetypes and configs state, query service, translations. */
  @Prop()
  public platform!: LimePlatform;

  /** The context the page runs in (none in Lime Admin). */
  @Prop()
  public context?: LimeContext;

  /** Stores a configuration (in the emulator, `emulator.setConfig`); may reject with a reason. */
  @Prop()
  public save?: (config: ConversationsConfig) => void | Promise<void>;

  @State()
  private limetypes: LimeTypes = {};

  /** What the form shows and edits: the stored config, parsed, until the admin changes it. */
  @State()
  private draft: Record<string, unknown> = {};

  /** The stored config as JSON, to tell whether the draft differs. */
  @State()
  private storedJson = '';

  /** What reading the stored config warned about, e.g. a secret that must move elsewhere. */
  @State()
  private storedWarnings: Issue[] = [];

  @State()
  private formValid = true;

  @State()
  private saving = false;

  @State()
  private notice?: { tone: 'success' | 'error'; text: string };

  @State()
  private importOpen = false;

  /**
   * What is typed. Not state: a re-render while the admin types (the page, the dialog) can take
   * the focus away from the text area.
   */
  private importText = '';

  /** Changes to start the import field afresh. */
  @State()
  private importRound = 0;

  @State()
  private importProblem?: string;

  /** What the last import could not carry over. */
  @State()
  private notCarried: NotCarried[] = [];

  private subscriptions = new Subscriptions();

  public connectedCallback() {
    this.subscriptions.add(
      subscribeLimetypes(this.platform, (limetypes) => {
        this.limetypes = limetypes ?? {};
      }),
    );
    this.subscriptions.subscribe<Record<string, unknown>>(
      this.platform,
      ConfigRepository,
      (configs) => this.handleStoredConfig(configs?.[CONFIG_KEY]),
    );
  }

  public disconnectedCallback() {
    this.subscriptions.clear();
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    return bundledTextsReady(this.platform);
  }

  public render() {
    const parsed = parseConfig(this.draft);
    const validation = this.validation(parsed);
    const parseIssues = parsed.ok ? [] : parsed.issues;
    const errors = [...parseIssues, ...validation.errors];
    const warnings = [...this.storedWarnings, ...validation.warnings];
    return (
      <section class="config-page" aria-labelledby="config-title">
        {this.renderHeader()}
        {this.renderNotice()}
        {this.renderNotCarried()}
        {this.renderErrors(errors)}
        {this.renderWarnings(warnings)}
        {this.renderForm(errors, warnings, parsed.ok ? parsed.config.defaultCountry : 'SE')}
        {this.renderSaveBar(errors, parsed.ok)}
        {this.renderImportDialog()}
      </section>
    );
  }

  private get t() {
    return translator(this.platform);
  }

  private get edited(): boolean {
    return JSON.stringify(this.draft) !== this.storedJson;
  }

  /** Something to save: the admin's edits, or a secret to remove from the stored config. */
  private get dirty(): boolean {
    return this.edited || this.storedWarnings.length > 0;
  }

  private validation(parsed: ReturnType<typeof parseConfig>): ValidationResult {
    if (!parsed.ok || !Object.keys(this.limetypes).length) {
      return { errors: [], warnings: [] };
    }
    return validateConfig(parsed.config, this.limetypes);
  }

  private renderHeader = () => {
    const t = this.t;
    return (
      <header class="header">
        <div>
          <h2 id="config-title">{t('config.page.title')}</h2>
          <p class="subtitle">{t('config.page.subtitle')}</p>
        </div>
        <div class="actions">
          <limel-button
            class="import"
            icon="import"
            label={t('config.import.open')}
            onClick={this.openImport}
          />
        </div>
      </header>
    );
  };

  /** Stays in view at the bottom however long the form: Save, and why it cannot be pressed. */
  private renderSaveBar = (errors: Issue[], parsedOk: boolean) => {
    const t = this.t;
    const blocked = errors.length > 0 || !parsedOk || !this.formValid;
    let status = '';
    if (blocked) {
      status = t('config.page.blocked', { count: Math.max(errors.length, 1) });
    } else if (this.dirty) {
      status = t('config.page.unsaved');
    }
    return (
      <div class="save-bar">
        <span class={{ status: true, blocked }}>{status}</span>
        <limel-button
          class="save"
          icon="save"
          primary={true}
          label={t('config.page.save')}
          loading={this.saving}
          disabled={blocked || !this.dirty || this.saving || !this.save}
          onClick={this.handleSave}
        />
      </div>
    );
  };

  private renderNotice = () => {
    if (!this.notice) {
      return null;
    }
    return (
      <div class={`notice notice-${this.notice.tone}`} role="status">
        <limel-callout
          type={this.notice.tone === 'success' ? 'tip' : 'warning'}
          icon={this.notice.tone === 'success' ? 'ok' : 'error'}
        >
          {this.notice.text}
        </limel-callout>
      </div>
    );
  };

  private renderNotCarried = () => {
    if (!this.notCarried.length) {
      return null;
    }
    return (
      <div class="not-carried">
        <limel-callout type="important" icon="info" heading={this.t('config.import.not_carried')}>
          <ul>
            {this.notCarried.map((item) => (
              <li>
                <code>{item.at}</code>: {this.notCarriedText(item)}
              </li>
            ))}
          </ul>
        </limel-callout>
      </div>
    );
  };

  private renderErrors = (errors: Issue[]) => {
    if (!errors.length) {
      return null;
    }
    return (
      <div class="errors" role="alert">
        <limel-callout
          type="warning"
          icon="error"
          heading={this.t('config.page.errors', { count: errors.length })}
        >
          <ul>
            {errors.map((issue) => (
              <li>
                <strong>{this.fieldName(issue.path)}</strong>: {issueText(this.t, issue)}
              </li>
            ))}
          </ul>
        </limel-callout>
      </div>
    );
  };

  private renderWarnings = (warnings: Issue[]) => {
    if (!warnings.length) {
      return null;
    }
    return (
      <div class="warnings">
        <limel-callout
          type="caution"
          icon="warning"
          heading={this.t('config.page.warnings', { count: warnings.length })}
        >
          <ul>
            {warnings.map((issue) => (
              <li class={`warning-${issue.code}`}>
                <strong>{this.fieldName(issue.path)}</strong>: {issueText(this.t, issue)}
              </li>
            ))}
          </ul>
        </limel-callout>
      </div>
    );
  };

  private renderForm = (errors: Issue[], warnings: Issue[], defaultCountry: string) => {
    const t = this.t;
    const schema = localizeSchema(adminSchema, t) as FormSchema;
    const propsFactory = (fieldSchema: FormSchema) => {
      const widget = widgetOf(fieldSchema);
      if (!widget) {
        return {};
      }
      return {
        platform: this.platform,
        limetypes: this.limetypes,
        defaultCountry,
        ...widgetIssues(widget, errors, warnings),
      };
    };
    return (
      <limel-form
        class="form"
        schema={schema}
        value={this.draft}
        errors={formErrorTree(t, errors)}
        revealErrors={true}
        propsFactory={propsFactory}
        onChange={this.handleFormChange}
        onValidate={this.handleValidate}
      />
    );
  };

  private renderImportDialog = () => {
    const t = this.t;
    return (
      <limel-dialog
        open={this.importOpen}
        heading={t('config.import.title')}
        onClose={this.closeImport}
      >
        <p>{t('config.import.helper')}</p>
        <limel-input-field
          key={`import-${this.importRound}`}
          class="import-text"
          type="textarea"
          label={t('config.import.label')}
          value={this.importText}
          invalid={!!this.importProblem}
          helperText={this.importProblem}
          onInput={this.handleImportInput}
          onChange={onInputChange((text) => this.setImportText(text))}
        />
        <limel-button slot="button" label={t('config.import.cancel')} onClick={this.closeImport} />
        <limel-button
          slot="button"
          class="run-import"
          primary={true}
          label={t('config.import.run')}
          onClick={this.runImport}
        />
      </limel-dialog>
    );
  };

  /** Where an issue is, in the words of the form: "Lookup rules › 2 › Property". */
  private fieldName(path: IssuePath): string {
    const t = this.t;
    const named: string[] = [];
    return path
      .map((key) => {
        if (typeof key === 'number') {
          return String(key + 1);
        }
        named.push(key);
        // The form's own title for the field where it has one, else the common name of the key.
        const schemaKey = `config.schema.${named.join('.')}`;
        const schemaText = t(schemaKey);
        if (schemaText !== schemaKey) {
          return schemaText;
        }
        const pathKey = `config.path.${key}`;
        const pathText = t(pathKey);
        return pathText === pathKey ? key : pathText;
      })
      .join(' › ');
  }

  private handleStoredConfig(stored: unknown) {
    const parsed = parseConfig(stored);
    this.storedWarnings = parsed.ok ? parsed.warnings : [];
    // An unreadable stored config is shown as it is (its problems at their fields), never
    // replaced by defaults: saving the fixed form keeps everything the admin had.
    const config = parsed.ok ? parsed.config : toRecord(stored);
    const json = JSON.stringify(config);
    if (this.edited && this.storedJson) {
      // The admin is editing; a change elsewhere is taken at the next save or reload.
      this.storedJson = json;
      return;
    }
    this.storedJson = json;
    this.draft = JSON.parse(json);
  }

  private handleFormChange = stoppedHandler((event: LimelFormCustomEvent<object>) => {
    const value = toRecord(event.detail);
    if (JSON.stringify(value) === JSON.stringify(this.draft)) {
      return;
    }
    this.draft = value;
    this.notice = undefined;
  });

  private handleValidate = stoppedHandler((event: LimelFormCustomEvent<ValidationStatus>) => {
    this.formValid = event.detail.valid !== false;
  });

  private handleSave = async () => {
    const t = this.t;
    const parsed = parseConfig(this.draft);
    if (!parsed.ok || !this.save) {
      return;
    }
    if (validateConfig(parsed.config, this.limetypes).errors.length) {
      return;
    }
    this.saving = true;
    try {
      await this.save(parsed.config);
      this.draft = JSON.parse(JSON.stringify(parsed.config));
      this.storedJson = JSON.stringify(this.draft);
      this.notCarried = [];
      // What was saved is the parsed config: a key left in the runtime config is gone now.
      this.storedWarnings = [];
      this.notice = { tone: 'success', text: t('config.page.save_done') };
    } catch (error) {
      this.notice = {
        tone: 'error',
        text: t('config.page.save_failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      };
    } finally {
      this.saving = false;
    }
  };

  // limel-input-field reports `change` debounced; the textarea's own input events are immediate,
  // so Import always reads what is typed, even when clicked at once.
  private handleImportInput = (event: Event) => {
    const source = event.composedPath()[0];
    if (source instanceof HTMLTextAreaElement) {
      this.setImportText(source.value);
    }
  };

  private setImportText(text: string) {
    this.importText = text;
    if (this.importProblem) {
      this.importProblem = undefined;
    }
  }

  private openImport = () => {
    this.importOpen = true;
    this.importProblem = undefined;
  };

  private closeImport = () => {
    this.importOpen = false;
  };

  private runImport = () => {
    const t = this.t;
    if (!this.importText.trim()) {
      this.importProblem = t('config.import.empty');
      return;
    }
    const base = parseConfig(this.draft);
    const result = importUserlikeConfig(
      this.importText,
      base.ok ? base.config : undefined,
      Object.keys(this.limetypes).length ? this.limetypes : undefined,
    );
    if (!result.ok) {
      this.importProblem = this.importProblemText(result.issues[0]);
      return;
    }
    this.draft = JSON.parse(JSON.stringify(result.config));
    this.notCarried = result.notCarried;
    this.notice = undefined;
    this.importOpen = false;
    this.importText = '';
    this.importRound += 1;
  };

  /** Why a userlike setting was left out, in the reader's language. */
  private notCarriedText(item: NotCarried): string {
    const key = `config.import.left_out.${item.code}`;
    const { type } = item.params;
    const params =
      typeof type === 'string'
        ? { ...item.params, type: propertyTypeText(this.t, type) }
        : item.params;
    const text = this.t(key, params);
    return text === key ? item.message : text;
  }

  /** What is wrong with pasted text: where in it (as a JSON path of the pasted text), and what. */
  private importProblemText(issue: Issue | undefined): string {
    const t = this.t;
    if (!issue || issue.code === 'not-json') {
      return issue?.params
        ? t('config.import.not_json_at', issue.params)
        : t('config.import.not_json');
    }
    if (!issue.path.length) {
      return t('config.import.not_an_object');
    }
    const where = issue.path
      .map((key, index) => (typeof key === 'number' ? `[${key}]` : index ? `.${key}` : key))
      .join('');
    return t('config.import.failed', { where, problem: issueText(t, issue) });
  }
}

function toRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
}

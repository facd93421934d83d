import { Component, Host, Prop, State, Watch, h } from '@stencil/core';
import {
  HttpClient,
  Subscriptions,
  bundledTextsReady,
  findService,
  subscribeLanguage,
  translator,
} from '../../lime';
import type { HttpService, LimeContext, LimePlatform } from '../../lime';
import { crmFailureText } from '../../crm/failure';
import { parseHistoryNote } from '../../notes';
import type { HistoryNote as HistoryNoteModel } from '../../notes';
import type { HistoryNoteLoad } from './load-history-note';
import { readerLocale } from './reader-locale';

/**
 * Renders a Lime CRM history note as what it is: a DCI meeting summary, a Lime Connect chat
 * transcript, or plain text. Give it the note text in `value`, or leave `value` unset inside the
 * webclient to have it read the `note` of the history object in `context`. The host reflects
 * the kind in its `kind` attribute (`dci-summary`, `chat-transcript` or `plain`).
 *
 * Note text is untrusted: plain text is never interpreted, and markdown is shown only through
 * `limel-markdown`'s sanitiser, with raw HTML escaped and remote images held back until asked for.
 *
 * @exampleComponent limepkg-conversations-example-history-note-dci-summary
 * @exampleComponent limepkg-conversations-example-history-note-chat-transcript
 * @exampleComponent limepkg-conversations-example-history-note-plain
 * @exampleComponent limepkg-conversations-example-history-note-missing
 */
@Component({
  tag: 'lwc-limepkg-conversations-history-note',
  shadow: true,
  styleUrl: 'lwc-limepkg-conversations-history-note.scss',
})
export class HistoryNote {
  /** The Lime platform: translations, the reader's language and, without `value`, the http service. */
  @Prop() public platform?: LimePlatform;

  /** The context of the webclient; without `value`, the note of its history object is shown. */
  @Prop() public context?: LimeContext;

  /** The note text. When unset, the note is read from the history object in `context`. */
  @Prop() public value?: string;

  @State() private load?: HistoryNoteLoad | { ok: 'loading' };
  @State() private language?: string;

  private subscriptions = new Subscriptions();
  private parsed?: { text: string; note: HistoryNoteModel };
  private loadRequest = 0;
  private languageRequest = 0;

  public connectedCallback() {
    this.subscribeToLanguage();
  }

  public disconnectedCallback() {
    this.subscriptions.clear();
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    this.sourceChanged();
    return bundledTextsReady(this.platform);
  }

  @Watch('platform')
  protected platformChanged() {
    this.subscriptions.clear();
    this.subscribeToLanguage();
    this.sourceChanged();
  }

  @Watch('value')
  @Watch('context')
  protected sourceChanged() {
    if (this.value === undefined || this.value === null) {
      this.loadNote();
    } else {
      this.load = undefined;
    }
  }

  public render() {
    const text = this.noteText();
    if (text === undefined) {
      return <Host>{this.renderLoadState()}</Host>;
    }
    const note = this.parse(text);
    return <Host kind={note.kind}>{this.renderNote(note, text)}</Host>;
  }

  private renderNote = (note: HistoryNoteModel, text: string) => {
    const locale = readerLocale(
      this.language,
      typeof navigator === 'undefined' ? [] : (navigator.languages ?? []),
    );
    if (note.kind === 'dci-summary') {
      return (
        <lwc-limepkg-conversations-dci-summary
          platform={this.platform}
          summary={note}
          original={text}
          locale={locale}
        />
      );
    }
    if (note.kind === 'chat-transcript') {
      return (
        <lwc-limepkg-conversations-chat-transcript
          platform={this.platform}
          transcript={note}
          locale={locale}
        />
      );
    }
    return <lwc-limepkg-conversations-plain-note platform={this.platform} text={note.text} />;
  };

  private renderLoadState = () => {
    const t = translator(this.platform);
    const load = this.load;
    if (!load || load.ok === 'loading') {
      return (
        <div class="loading" aria-busy="true">
          <limel-spinner size="small" limeBranded={false} />
          <span>{t('history_note.loading')}</span>
        </div>
      );
    }
    if (load.ok) {
      return;
    }
    const message =
      load.reason === 'no-history'
        ? t('history_note.error.no_history')
        : load.failure.kind === 'not-found'
          ? t('history_note.error.not_found')
          : crmFailureText(load.failure, t);
    return (
      <div class="error" role="alert">
        <span>{message}</span>
        {load.reason === 'no-history' ? null : (
          <limel-button label={t('history_note.retry')} icon="refresh" onClick={this.retry} />
        )}
      </div>
    );
  };

  private noteText(): string | undefined {
    if (typeof this.value === 'string') {
      return this.value;
    }
    return this.load && this.load.ok === true ? this.load.text : undefined;
  }

  /** Parsing a 10,000-message transcript takes a while: only when the text changes. */
  private parse(text: string): HistoryNoteModel {
    if (this.parsed?.text !== text) {
      this.parsed = { text, note: parseHistoryNote(text) };
    }
    return this.parsed.note;
  }

  private subscribeToLanguage() {
    this.subscriptions.add(
      subscribeLanguage(this.platform, (language) => {
        // The note shows a new language once our texts in it are at hand (the latest one wins).
        const request = ++this.languageRequest;
        void bundledTextsReady(this.platform, language).then(() => {
          if (request === this.languageRequest) {
            this.language = language;
          }
        });
      }),
    );
  }

  private retry = () => {
    this.loadNote();
  };

  private async loadNote() {
    const request = ++this.loadRequest;
    this.load = { ok: 'loading' };
    const result = await readNoteOfContext(
      findService<HttpService>(this.platform, HttpClient),
      this.context,
    );
    // A newer request (another context) may have started meanwhile: its answer wins.
    if (request === this.loadRequest) {
      this.load = result;
    }
  }
}

/**
 * The note of the history object in `context`. Its loader, and zod with it, is fetched only here:
 * a note given in `value` needs neither (see `npm run bench -- size`). Never rejects.
 */
async function readNoteOfContext(
  http: HttpService | undefined,
  context: LimeContext | undefined,
): Promise<HistoryNoteLoad> {
  try {
    const { loadHistoryNote } = await import('./load-history-note');
    return await loadHistoryNote(http, context);
  } catch (error) {
    // The loader's chunk could not be fetched (offline, or a new deploy removed it).
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'failed', failure: { kind: 'unreachable', message } };
  }
}

import { Component, Element, Prop, State, Watch, h } from '@stencil/core';
import type { LimelInputFieldCustomEvent } from '@limetech/lime-elements';
import { bundledTextsReady, translator } from '../../lime';
import type { LimePlatform } from '../../lime';
import { findTranscriptMatches, markPlainTextMatches } from '../../notes';
import type {
  ChatTranscriptNote,
  MarkedPlainTextPart,
  TextRun,
  TranscriptMatch,
  TranscriptMessage,
} from '../../notes';
import { typedHandler } from '../shared/typed-handler';
import { DateFormatter, localDay } from '../lwc-limepkg-conversations-history-note/reader-locale';
import { latestWindow, windowAround, withEarlier, withLater } from './transcript-window';
import type { TranscriptWindow } from './transcript-window';

/** How near the top of the list scrolling loads earlier messages. */
const EARLIER_THRESHOLD_PX = 120;

interface MessageMatches {
  /** Index in the whole list of matches of this message's first match. */
  first: number;
  matches: TranscriptMatch[];
}

interface SearchResult {
  query: string;
  matches: TranscriptMatch[];
  byMessage: Map<number, MessageMatches>;
  /** The indices of the messages that match, in order. */
  messageIndices: number[];
}

/**
 * A Lime Connect chat transcript: a header (conversation number, topic, contact, operator) and the
 * messages as speech bubbles, contact left and operator right, with sender and time. Markdown
 * bodies are formatted, plain bodies shown as typed. A search box highlights matches, says
 * "3 of 17" and steps through them, optionally listing only the messages that match. Long
 * transcripts open on the most recent messages and load earlier ones as the reader scrolls up
 * (or presses *Load earlier*); only the rendered messages exist in the DOM, and markdown is parsed
 * only for messages scrolled into view.
 *
 * @private
 */
@Component({
  tag: 'lwc-limepkg-conversations-chat-transcript',
  shadow: true,
  styleUrl: 'lwc-limepkg-conversations-chat-transcript.scss',
})
export class ChatTranscript {
  /** The Lime platform, for translations. */
  @Prop() public platform?: LimePlatform;

  /** The parsed transcript. */
  @Prop() public transcript?: ChatTranscriptNote;

  /** The locale times are shown in, e.g. `sv-SE`. */
  @Prop() public locale = 'en';

  @Element() private host!: HTMLElement;

  @State() private window: TranscriptWindow = { from: 0, to: 0 };
  @State() private query = '';
  @State() private currentMatch = 0;
  @State() private onlyMatches = false;

  private scroller?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private stickToBottom = true;
  private pendingScroll?:
    { kind: 'bottom' } | { kind: 'keep'; fromBottom: number } | { kind: 'message'; index: number };
  private search?: SearchResult;
  private dates?: { locale: string; formatter: DateFormatter };

  @Watch('transcript')
  protected transcriptChanged() {
    this.search = undefined;
    this.currentMatch = 0;
    this.window = latestWindow(this.shownIndices().length);
    this.stickToBottom = true;
    this.pendingScroll = { kind: 'bottom' };
  }

  public connectedCallback() {
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(this.keepAtBottom);
    }
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    this.transcriptChanged();
    return bundledTextsReady(this.platform);
  }

  public componentDidLoad() {
    const list = this.host.shadowRoot?.querySelector('.message-list');
    if (list) {
      this.resizeObserver?.observe(list);
    }
  }

  public disconnectedCallback() {
    this.resizeObserver?.disconnect();
  }

  public componentDidRender() {
    this.applyPendingScroll();
  }

  public render() {
    const transcript = this.transcript;
    if (!transcript) {
      return;
    }
    return (
      <section class="transcript">
        {this.renderHeader(transcript)}
        {this.renderSearch()}
        {this.renderMessages(transcript.messages)}
      </section>
    );
  }

  private renderHeader = (transcript: ChatTranscriptNote) => {
    const t = translator(this.platform);
    const started = this.formatter().dateAndTime(transcript.startedAt);
    return (
      <header class="transcript-header">
        <span class="kind">{t('history_note.transcript.kind')}</span>
        <h3 class="title">
          {t('history_note.transcript.title', { id: transcript.conversationId })}
          {transcript.topic ? <span class="topic">{transcript.topic}</span> : null}
        </h3>
        <p class="meta">
          {started ? (
            <time class="started" dateTime={transcript.startedAt}>
              {started}
            </time>
          ) : null}
          <span class="count">
            {t('history_note.transcript.message_count', { count: transcript.messages.length })}
          </span>
        </p>
        <dl class="people">
          {transcript.contact
            ? [
                <dt>{t('history_note.transcript.contact')}</dt>,
                <dd class="contact">
                  {transcript.contact.name}
                  {transcript.contact.email ? (
                    <span class="email">{transcript.contact.email}</span>
                  ) : null}
                </dd>,
              ]
            : null}
          {transcript.operator
            ? [
                <dt>{t('history_note.transcript.operator')}</dt>,
                <dd class="operator">{transcript.operator.name}</dd>,
              ]
            : null}
        </dl>
      </header>
    );
  };

  private renderSearch = () => {
    const t = translator(this.platform);
    const search = this.searchResult();
    const total = search.matches.length;
    return (
      <div class="search" role="search">
        <limel-input-field
          class="search-field"
          type="search"
          label={t('history_note.search.label')}
          leadingIcon="search"
          value={this.query}
          onChange={typedHandler(this.handleQueryChange)}
          onKeyDown={this.handleSearchKey}
        />
        <span class="position" aria-live="polite">
          {this.query.trim()
            ? total > 0
              ? t('history_note.search.position', { current: this.currentMatch + 1, total })
              : t('history_note.search.none')
            : null}
        </span>
        <limel-icon-button
          class="previous"
          icon="angle_up"
          label={t('history_note.search.previous')}
          disabled={total === 0}
          onClick={this.previousMatch}
        />
        <limel-icon-button
          class="next"
          icon="angle_down"
          label={t('history_note.search.next')}
          disabled={total === 0}
          onClick={this.nextMatch}
        />
        <limel-chip
          class="only-matches"
          text={t('history_note.search.only_matches')}
          icon="filter"
          selected={this.onlyMatches}
          disabled={!this.query.trim()}
          onClick={this.toggleOnlyMatches}
        />
      </div>
    );
  };

  private renderMessages = (messages: TranscriptMessage[]) => {
    const t = translator(this.platform);
    if (messages.length === 0) {
      return <p class="empty">{t('history_note.transcript.empty')}</p>;
    }
    const indices = this.shownIndices();
    if (indices.length === 0) {
      return (
        <p class="empty" role="status">
          {t('history_note.search.no_messages', { query: this.query.trim() })}
        </p>
      );
    }
    const { from, to } = this.window;
    const shown = indices.slice(from, to);
    return (
      <div
        class="messages"
        ref={(element) => (this.scroller = element)}
        onScroll={this.handleScroll}
      >
        {from > 0 ? (
          <limel-button
            class="load-earlier"
            label={t('history_note.transcript.load_earlier', { count: from })}
            icon="arrow_up"
            onClick={this.loadEarlier}
          />
        ) : null}
        <ol class="message-list">
          {shown.map((index, position) => this.renderMessage(messages, index, shown[position - 1]))}
        </ol>
        {to < indices.length ? (
          <limel-button
            class="load-later"
            label={t('history_note.transcript.load_later', { count: indices.length - to })}
            icon="arrow_down"
            onClick={this.loadLater}
          />
        ) : null}
      </div>
    );
  };

  private renderMessage = (
    messages: TranscriptMessage[],
    index: number,
    previousIndex: number | undefined,
  ) => {
    const message = messages[index];
    const formatter = this.formatter();
    const day = localDay(message.time);
    const previous = previousIndex === undefined ? undefined : messages[previousIndex];
    const newDay = day !== undefined && (!previous || localDay(previous.time) !== day);
    const time = newDay ? formatter.dateAndTime(message.time) : formatter.timeOfDay(message.time);
    const matches = this.searchResult().byMessage.get(index);
    const current =
      matches &&
      this.currentMatch >= matches.first &&
      this.currentMatch < matches.first + matches.matches.length;
    return (
      <li
        key={index}
        class={{
          message: true,
          [message.senderType]: true,
          matching: !!matches,
          current: !!current,
        }}
        data-index={index}
      >
        <div class="bubble">
          <div class="meta">
            <span class="sender">{message.senderName}</span>
            {time ? (
              <time dateTime={message.time} title={formatter.dateAndTime(message.time)}>
                {time}
              </time>
            ) : null}
          </div>
          {message.format === 'markdown_v1'
            ? this.renderMarkdownBody(message, matches)
            : this.renderPlainBody(message, matches)}
        </div>
      </li>
    );
  };

  private renderMarkdownBody = (
    message: TranscriptMessage,
    matches: MessageMatches | undefined,
  ) => {
    return (
      <lwc-limepkg-conversations-safe-markdown
        class="body"
        platform={this.platform}
        value={message.body}
        lazy={true}
        highlight={matches ? this.query : ''}
        currentHighlight={matches ? this.currentMatch - matches.first : -1}
      />
    );
  };

  private renderPlainBody = (message: TranscriptMessage, matches: MessageMatches | undefined) => {
    const parts = markPlainTextMatches(message.body, matches?.matches ?? [], matches?.first ?? 0);
    return <p class="body plain">{parts.map(this.renderPlainPart)}</p>;
  };

  private renderPlainPart = (part: MarkedPlainTextPart) => {
    const runs = part.runs.map(this.renderRun);
    if (part.kind === 'text') {
      return runs;
    }
    return (
      <a href={part.href} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer">
        {runs}
      </a>
    );
  };

  private renderRun = (run: TextRun) => {
    if (run.matchIndex === undefined) {
      return run.text;
    }
    return <mark class={{ current: run.matchIndex === this.currentMatch }}>{run.text}</mark>;
  };

  private formatter(): DateFormatter {
    if (!this.dates || this.dates.locale !== this.locale) {
      this.dates = { locale: this.locale, formatter: new DateFormatter(this.locale) };
    }
    return this.dates.formatter;
  }

  private searchResult(): SearchResult {
    const messages = this.transcript?.messages ?? [];
    if (this.search?.query !== this.query) {
      const matches = findTranscriptMatches(messages, this.query);
      const byMessage = new Map<number, MessageMatches>();
      matches.forEach((match, index) => {
        const entry = byMessage.get(match.messageIndex);
        if (entry) {
          entry.matches.push(match);
        } else {
          byMessage.set(match.messageIndex, { first: index, matches: [match] });
        }
      });
      this.search = {
        query: this.query,
        matches,
        byMessage,
        messageIndices: [...byMessage.keys()],
      };
    }
    return this.search;
  }

  /** The messages listed: all of them, or only the matching ones. */
  private shownIndices(): number[] {
    if (this.onlyMatches && this.query.trim()) {
      return this.searchResult().messageIndices;
    }
    const count = this.transcript?.messages.length ?? 0;
    return Array.from({ length: count }, (_, index) => index);
  }

  private handleQueryChange = (event: LimelInputFieldCustomEvent<string>) => {
    event.stopPropagation();
    this.query = event.detail;
    this.currentMatch = 0;
    if (!this.query.trim()) {
      this.onlyMatches = false;
      this.window = latestWindow(this.shownIndices().length);
      this.pendingScroll = { kind: 'bottom' };
      return;
    }
    if (this.onlyMatches) {
      this.window = latestWindow(this.shownIndices().length);
    }
    this.goToMatch(0);
  };

  private handleSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') {
      return;
    }
    event.preventDefault();
    if (event.shiftKey) {
      this.previousMatch();
    } else {
      this.nextMatch();
    }
  };

  private nextMatch = () => {
    const total = this.searchResult().matches.length;
    if (total > 0) {
      this.goToMatch((this.currentMatch + 1) % total);
    }
  };

  private previousMatch = () => {
    const total = this.searchResult().matches.length;
    if (total > 0) {
      this.goToMatch((this.currentMatch - 1 + total) % total);
    }
  };

  private goToMatch(matchIndex: number) {
    const match = this.searchResult().matches[matchIndex];
    this.currentMatch = matchIndex;
    if (!match) {
      return;
    }
    const indices = this.shownIndices();
    const position = this.onlyMatches ? indices.indexOf(match.messageIndex) : match.messageIndex;
    this.window = windowAround(this.window, position, indices.length);
    this.stickToBottom = false;
    this.pendingScroll = { kind: 'message', index: match.messageIndex };
  }

  private toggleOnlyMatches = () => {
    if (!this.query.trim()) {
      return;
    }
    this.onlyMatches = !this.onlyMatches;
    this.window = latestWindow(this.shownIndices().length);
    this.goToMatch(this.currentMatch);
  };

  private loadEarlier = () => {
    const scroller = this.scroller;
    this.pendingScroll = scroller
      ? { kind: 'keep', fromBottom: scroller.scrollHeight - scroller.scrollTop }
      : undefined;
    this.stickToBottom = false;
    this.window = withEarlier(this.window);
  };

  private loadLater = () => {
    this.window = withLater(this.window, this.shownIndices().length);
  };

  private handleScroll = () => {
    const scroller = this.scroller;
    if (!scroller || this.pendingScroll) {
      return;
    }
    this.stickToBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 24;
    // Near the top, the earlier messages load by themselves; the button stays for keyboards and
    // screen readers.
    if (this.window.from > 0 && scroller.scrollTop < EARLIER_THRESHOLD_PX) {
      this.loadEarlier();
    }
  };

  /** While the reader has not scrolled away, bubbles growing (markdown rendering) keep the end in view. */
  private keepAtBottom = () => {
    if (this.stickToBottom && this.scroller) {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    }
  };

  private applyPendingScroll() {
    const scroller = this.scroller;
    const pending = this.pendingScroll;
    if (!scroller || !pending) {
      return;
    }
    this.pendingScroll = undefined;
    if (pending.kind === 'bottom') {
      scroller.scrollTop = scroller.scrollHeight;
    } else if (pending.kind === 'keep') {
      scroller.scrollTop = scroller.scrollHeight - pending.fromBottom;
    } else {
      const element = scroller.querySelector<HTMLElement>(`[data-index="${pending.index}"]`);
      if (element) {
        const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
        scroller.scrollTop += offset - (scroller.clientHeight - element.offsetHeight) / 2;
      }
    }
  }
}

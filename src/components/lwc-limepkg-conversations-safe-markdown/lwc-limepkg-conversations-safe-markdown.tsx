import { Component, Element, Prop, State, Watch, h } from '@stencil/core';
import { bundledTextsReady, translator } from '../../lime';
import type { LimePlatform } from '../../lime';
import { markdownRenderDecision, splitIntoChunks, toSafeMarkdown } from '../../notes';
import { highlightText, removeHighlights } from './text-highlight';
import { secureLinks } from './secure-links';

/**
 * Shows untrusted markdown from a note (a chat message, a DCI summary) through `limel-markdown`,
 * which sanitises it. Before that, raw HTML is escaped and images become links until the reader
 * clicks *Load images* (no tracking pixels); after it, every link is checked again and opens in a
 * new tab with `rel="noopener noreferrer"`. With `lazy`, the markdown is only parsed once the text
 * scrolls into view; until then it shows as typed. Markdown over the rendering budget (too long,
 * too wide a table, too deep, too many delimiters: see `markdownRenderDecision`) shows as typed
 * too, with a quiet hint, so no note can block the page.
 *
 * @private
 */
@Component({
  tag: 'lwc-limepkg-conversations-safe-markdown',
  shadow: true,
  styleUrl: 'lwc-limepkg-conversations-safe-markdown.scss',
})
export class SafeMarkdown {
  /** The Lime platform, for translations. */
  @Prop() public platform?: LimePlatform;

  /** The markdown text. Never trusted. */
  @Prop() public value = '';

  /** Parse and render only once scrolled into view. */
  @Prop() public lazy = false;

  /** Text to highlight wherever it occurs (a search query). */
  @Prop() public highlight = '';

  /** Which occurrence of `highlight` (0-based) is the current match; -1 for none. */
  @Prop() public currentHighlight = -1;

  @Element() private host!: HTMLElement;

  @State() private visible = false;
  @State() private imagesAllowed = false;

  private markdownElement?: HTMLElement;
  private asTypedElement?: HTMLElement;
  private decision?: { value: string; plain: boolean };
  private intersectionObserver?: IntersectionObserver;
  private mutationObserver?: MutationObserver;
  private observedRoot?: ShadowRoot;

  @Watch('value')
  protected valueChanged() {
    this.imagesAllowed = false;
  }

  @Watch('highlight')
  @Watch('currentHighlight')
  protected highlightChanged() {
    this.applyHighlights();
  }

  public connectedCallback() {
    if (this.lazy && !this.visible && typeof IntersectionObserver !== 'undefined') {
      this.intersectionObserver = new IntersectionObserver(this.handleIntersection, {
        rootMargin: '200px 0px',
      });
      this.intersectionObserver.observe(this.host);
    } else {
      this.visible = true;
    }
  }

  public disconnectedCallback() {
    this.intersectionObserver?.disconnect();
    this.intersectionObserver = undefined;
    this.mutationObserver?.disconnect();
    this.mutationObserver = undefined;
    this.observedRoot = undefined;
    removeHighlights(this);
  }

  public componentDidRender() {
    if (this.asTypedElement?.isConnected) {
      this.applyHighlights();
    }
    this.watchMarkdown();
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    return bundledTextsReady(this.platform);
  }

  public render() {
    if (!this.value.trim()) {
      return;
    }
    if (!this.visible) {
      return this.renderAsTyped();
    }
    if (this.isOverBudget()) {
      return [this.renderAsTyped(), this.renderPlainTextHint()];
    }
    const safe = toSafeMarkdown(this.value, { allowImages: this.imagesAllowed });
    return [
      <limel-markdown value={safe.markdown} ref={(element) => (this.markdownElement = element)} />,
      this.renderImageNotice(safe.hasBlockedImages),
    ];
  }

  private renderAsTyped = () => {
    const chunks = splitIntoChunks(this.value);
    return (
      <div class="as-typed" ref={(element) => (this.asTypedElement = element)}>
        {chunks.length === 1
          ? chunks[0]
          : chunks.map((chunk) => <span class="chunk">{chunk}</span>)}
      </div>
    );
  };

  private renderPlainTextHint = () => {
    const t = translator(this.platform);
    return <p class="plain-text-hint">{t('history_note.plain_text_hint')}</p>;
  };

  /** Decided once per value: the estimate reads the whole text. */
  private isOverBudget(): boolean {
    if (this.decision?.value !== this.value) {
      this.decision = {
        value: this.value,
        plain: markdownRenderDecision(this.value).render === 'plain',
      };
    }
    return this.decision.plain;
  }

  private renderImageNotice = (hasBlockedImages: boolean) => {
    if (!hasBlockedImages) {
      return;
    }
    const t = translator(this.platform);
    return (
      <div class="image-notice">
        <span>{t('history_note.images.hidden')}</span>
        <limel-button
          label={t('history_note.images.load')}
          icon="image"
          onClick={this.allowImages}
        />
      </div>
    );
  };

  private allowImages = () => {
    this.imagesAllowed = true;
  };

  private handleIntersection = (entries: IntersectionObserverEntry[]) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      this.intersectionObserver?.disconnect();
      this.intersectionObserver = undefined;
      this.visible = true;
    }
  };

  /** limel-markdown renders asynchronously into its shadow root: check links after every change. */
  private watchMarkdown() {
    const element = this.markdownElement;
    if (!element || typeof customElements === 'undefined') {
      return;
    }
    customElements
      .whenDefined('limel-markdown')
      .then(() => {
        const root = element.shadowRoot;
        if (!root || root === this.observedRoot || !element.isConnected) {
          return;
        }
        this.mutationObserver?.disconnect();
        this.observedRoot = root;
        this.mutationObserver = new MutationObserver(this.handleMarkdownChange);
        this.mutationObserver.observe(root, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['href', 'target', 'rel'],
        });
        this.handleMarkdownChange();
      })
      .catch(() => undefined);
  }

  private handleMarkdownChange = () => {
    if (this.observedRoot) {
      secureLinks(this.observedRoot);
      this.applyHighlights();
    }
  };

  private applyHighlights() {
    const asTyped = this.asTypedElement?.isConnected ? this.asTypedElement : undefined;
    const root = asTyped ?? this.observedRoot?.getElementById('markdown') ?? this.observedRoot;
    if (root) {
      highlightText(this, root, this.highlight, this.currentHighlight);
    }
  }
}

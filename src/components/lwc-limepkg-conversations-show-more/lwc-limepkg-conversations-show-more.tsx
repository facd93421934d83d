import { Component, Element, Prop, State, h } from '@stencil/core';
import { bundledTextsReady, translator } from '../../lime';
import type { LimePlatform } from '../../lime';

/**
 * Collapses long content to a fixed height with a *Show more* button; short content shows in
 * full, without a button. Used by the history note for long plain notes and DCI summaries.
 *
 * @slot - The content.
 * @private
 */
@Component({
  tag: 'lwc-limepkg-conversations-show-more',
  shadow: true,
  styleUrl: 'lwc-limepkg-conversations-show-more.scss',
})
export class ShowMore {
  /** The Lime platform, for translations. */
  @Prop() public platform?: LimePlatform;

  /** The height in pixels above which the content collapses. */
  @Prop() public maxHeight = 320;

  @Element() private host!: HTMLElement;

  @State() private overflowing = false;
  @State() private expanded = false;

  private content?: HTMLElement;
  private resizeObserver?: ResizeObserver;

  public connectedCallback() {
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(this.measure);
    }
  }

  public componentDidLoad() {
    // The observer reports the first size too, after layout: no measuring during the first render.
    if (this.content) {
      this.resizeObserver?.observe(this.content);
    }
  }

  public disconnectedCallback() {
    this.resizeObserver?.disconnect();
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    return bundledTextsReady(this.platform);
  }

  public render() {
    const collapsed = this.overflowing && !this.expanded;
    return [
      <div
        class={{ content: true, collapsed }}
        style={collapsed ? { maxHeight: `${this.maxHeight}px` } : {}}
        ref={(element) => (this.content = element)}
      >
        <slot />
      </div>,
      this.renderToggle(),
    ];
  }

  private renderToggle = () => {
    if (!this.overflowing) {
      return;
    }
    const t = translator(this.platform);
    return (
      <limel-button
        class="toggle"
        label={t(this.expanded ? 'history_note.show_less' : 'history_note.show_more')}
        icon={this.expanded ? 'angle_up' : 'angle_down'}
        onClick={this.toggle}
        aria-expanded={String(this.expanded)}
      />
    );
  };

  private toggle = () => {
    this.expanded = !this.expanded;
    if (!this.expanded) {
      this.host.scrollIntoView?.({ block: 'nearest' });
    }
  };

  private measure = () => {
    if (!this.content) {
      return;
    }
    // Measured against the uncollapsed height, with some slack so a few lines are not hidden.
    const overflowing = this.content.scrollHeight > this.maxHeight * 1.25;
    if (overflowing !== this.overflowing) {
      this.overflowing = overflowing;
    }
  };
}

import { Component, Prop, h } from '@stencil/core';
import type { LimePlatform } from '../../lime';
import { splitIntoChunks, splitPlainTextLinks } from '../../notes';
import type { PlainTextPart } from '../../notes';

/**
 * A plain history note: the text exactly as typed, line breaks kept, http(s) addresses as links
 * that open in a new tab. Nothing else is interpreted: no markdown, no HTML. Long notes collapse.
 *
 * @private
 */
@Component({
  tag: 'lwc-limepkg-conversations-plain-note',
  shadow: true,
  styleUrl: 'lwc-limepkg-conversations-plain-note.scss',
})
export class PlainNote {
  /** The Lime platform, for translations. */
  @Prop() public platform?: LimePlatform;

  /** The note text. */
  @Prop() public text = '';

  public render() {
    const chunks = splitIntoChunks(this.text);
    return (
      <lwc-limepkg-conversations-show-more platform={this.platform}>
        <p class="text">
          {chunks.length === 1 ? this.renderChunkParts(chunks[0]) : chunks.map(this.renderChunk)}
        </p>
      </lwc-limepkg-conversations-show-more>
    );
  }

  private renderChunk = (chunk: string) => {
    return <span class="chunk">{this.renderChunkParts(chunk)}</span>;
  };

  private renderChunkParts = (chunk: string) => {
    return splitPlainTextLinks(chunk).map(this.renderPart);
  };

  private renderPart = (part: PlainTextPart) => {
    if (part.kind === 'text') {
      return part.text;
    }
    return (
      <a href={part.href} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer">
        {part.text}
      </a>
    );
  };
}

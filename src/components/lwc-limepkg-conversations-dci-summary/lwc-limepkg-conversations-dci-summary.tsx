import { Component, Prop, State, h } from '@stencil/core';
import type { Chip } from '@limetech/lime-elements';
import { bundledTextsReady, translator } from '../../lime';
import type { LimePlatform } from '../../lime';
import { isWebUrl } from '../../notes';
import type { DciParticipant, DciSummaryNote } from '../../notes';
import { DateFormatter } from '../lwc-limepkg-conversations-history-note/reader-locale';
import { stoppedHandler } from '../shared/typed-handler';

/** A hostile note may list a hundred thousand names: chips for the first, a count for the rest. */
const MAX_PARTICIPANT_CHIPS = 100;

/**
 * A Dstny Conversational Intelligence meeting summary: the meeting name as heading, presenter and
 * date in the reader's locale, participants as chips (the first hundred, then a count), buttons
 * to the recording and transcript, the manual notes, and the AI summary in a section that
 * collapses; *Show original* shows the note's raw text.
 *
 * @private
 */
@Component({
  tag: 'lwc-limepkg-conversations-dci-summary',
  shadow: true,
  styleUrl: 'lwc-limepkg-conversations-dci-summary.scss',
})
export class DciSummary {
  /** The Lime platform, for translations. */
  @Prop() public platform?: LimePlatform;

  /** The parsed summary. */
  @Prop() public summary?: DciSummaryNote;

  /** The note's raw text, for *Show original*. */
  @Prop() public original = '';

  /** The locale dates are shown in, e.g. `sv-SE`. */
  @Prop() public locale = 'en';

  @State() private showOriginal = false;
  @State() private summaryOpen = true;

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    return bundledTextsReady(this.platform);
  }

  public render() {
    const summary = this.summary;
    if (!summary) {
      return;
    }
    const t = translator(this.platform);
    return (
      <article>
        {this.renderHeader(summary)}
        {this.renderParticipants(summary.participants)}
        {this.renderLinks(summary)}
        <lwc-limepkg-conversations-show-more platform={this.platform} maxHeight={480}>
          {this.renderNotes(summary.notes)}
          {this.renderSummary(summary.summary)}
        </lwc-limepkg-conversations-show-more>
        <limel-button
          class="original-toggle"
          label={t(
            this.showOriginal ? 'history_note.dci.hide_original' : 'history_note.dci.show_original',
          )}
          onClick={this.toggleOriginal}
        />
        {this.renderOriginal()}
      </article>
    );
  }

  private renderHeader = (summary: DciSummaryNote) => {
    const t = translator(this.platform);
    const formatted = new DateFormatter(this.locale).dateAndTime(summary.date);
    return (
      <header>
        <span class="kind">{t('history_note.dci.kind')}</span>
        <h3 class="meeting-name">{summary.meetingName || t('history_note.dci.untitled')}</h3>
        <p class="meta">
          {summary.presenter ? (
            <span class="presenter">
              {t('history_note.dci.presented_by', { presenter: summary.presenter })}
            </span>
          ) : null}
          {summary.dateText ? (
            <time class="date" dateTime={summary.date ?? undefined} title={summary.dateText}>
              {formatted ?? summary.dateText}
            </time>
          ) : null}
        </p>
      </header>
    );
  };

  private renderParticipants = (participants: DciParticipant[]) => {
    if (participants.length === 0) {
      return;
    }
    const t = translator(this.platform);
    const chips: Chip[] = participants
      .slice(0, MAX_PARTICIPANT_CHIPS)
      .map((participant, index) => ({
        id: index,
        text: participant.email ? `${participant.name} · ${participant.email}` : participant.name,
        icon: 'user',
      }));
    const more = participants.length - chips.length;
    return (
      <section class="participants" aria-label={t('history_note.dci.participants')}>
        <h4>{t('history_note.dci.participants')}</h4>
        <limel-chip-set value={chips} />
        {more > 0 ? (
          <p class="more-participants">
            {t('history_note.dci.more_participants', { count: more })}
          </p>
        ) : null}
      </section>
    );
  };

  private renderLinks = (summary: DciSummaryNote) => {
    const t = translator(this.platform);
    const { recording, transcript } = summary.links;
    const buttons = [
      recording && isWebUrl(recording) ? (
        <limel-button
          class="recording"
          label={t('history_note.dci.recording')}
          icon="video_call"
          outlined={true}
          onClick={() => openInNewTab(recording)}
        />
      ) : null,
      transcript && isWebUrl(transcript) ? (
        <limel-button
          class="transcript"
          label={t('history_note.dci.transcript')}
          icon="document"
          outlined={true}
          onClick={() => openInNewTab(transcript)}
        />
      ) : null,
    ].filter(Boolean);
    if (buttons.length === 0) {
      return;
    }
    return <div class="links">{buttons}</div>;
  };

  private renderNotes = (notes: string) => {
    if (!notes) {
      return;
    }
    const t = translator(this.platform);
    return (
      <section class="notes">
        <h4>{t('history_note.dci.notes')}</h4>
        <lwc-limepkg-conversations-safe-markdown platform={this.platform} value={notes} />
      </section>
    );
  };

  private renderSummary = (summary: string) => {
    if (!summary) {
      return;
    }
    const t = translator(this.platform);
    return (
      <limel-collapsible-section
        class="summary"
        header={t('history_note.dci.summary')}
        isOpen={this.summaryOpen}
        onOpen={this.openSummary}
        onClose={this.closeSummary}
      >
        <lwc-limepkg-conversations-safe-markdown platform={this.platform} value={summary} />
      </limel-collapsible-section>
    );
  };

  private renderOriginal = () => {
    if (!this.showOriginal) {
      return;
    }
    return <pre class="original">{this.original}</pre>;
  };

  private toggleOriginal = () => {
    this.showOriginal = !this.showOriginal;
  };

  private openSummary = stoppedHandler(() => {
    this.summaryOpen = true;
  });

  private closeSummary = stoppedHandler(() => {
    this.summaryOpen = false;
  });
}

function openInNewTab(url: string) {
  window.open(url, '_blank', 'noopener,noreferrer');
}

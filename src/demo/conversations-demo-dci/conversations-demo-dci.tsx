import { Component, Host, State, h } from '@stencil/core';
import { translator, type LimePlatform } from '../../lime';
import { apiRootOf } from '../../crm';
import { syncDciMeeting, testDciConnection, type DciMeetingInput } from '../../sync';
import { getDemoEmulator } from '../demo-emulator';
import {
  DEMO_API_KEY,
  DEMO_API_URL,
  demoConfig,
  demoObjectLink,
  demoRestCrm,
  descriptiveOf,
} from '../demo-sync';
import { onCheckedChange, onInputChange } from '../../components/shared/typed-handler';
import {
  describeConnectionTest,
  describeDciSync,
  type DciSyncReport,
  type ReportLine,
} from './dci-report';
import { isoFromLocalInput, localInputFromDate } from './local-date-time';

interface ParticipantFields {
  name: string;
  email: string;
  phone: string;
  companyName: string;
  external: boolean;
}

/**
 * A stand-in for Dstny Conversational Intelligence's side of the Lime CRM integration (seed 001):
 * its connection settings (API URL and key, with **Test connection**), "Create Contact in CRM", and
 * a finished meeting — participants, notes and AI summary — with **Sync to Lime CRM**, which runs
 * the package's `syncDciMeeting` through the REST adapter. The notes then show on each person's
 * History tab in the demo card.
 */
@Component({
  tag: 'conversations-demo-dci',
  styleUrl: 'conversations-demo-dci.scss',
  shadow: true,
})
export class ConversationsDemoDci {
  @State()
  private apiUrl = DEMO_API_URL;

  @State()
  private apiKey = DEMO_API_KEY;

  @State()
  private createContacts = demoConfig().dci.createContacts;

  @State()
  private presenter = 'Anna Lind';

  @State()
  private meetingName = 'Quarterly review with Acme';

  @State()
  private startTime = localInputFromDate(new Date(Date.now() - 3600000));

  @State()
  private sessionId = newSessionId();

  @State()
  private participants: ParticipantFields[] = [
    {
      name: 'Anna Lind',
      email: 'anna.lind@lime.example',
      phone: '',
      companyName: '',
      external: false,
    },
    {
      name: 'Jane Doe',
      email: 'jane@example.com',
      phone: '',
      companyName: 'Acme AB',
      external: true,
    },
    {
      name: 'Sam Stranger',
      email: 'sam.stranger@newco.example',
      phone: '+46 70 999 88 77',
      companyName: 'New Co AB',
      external: true,
    },
  ];

  @State()
  private notes = 'Send revised pricing by Friday.';

  @State()
  private summary = [
    '## Key points',
    '- Acme wants to grow from 25 to 40 seats in Q1.',
    '- Budget is approved; legal review takes about two weeks.',
    '',
    '## Next steps',
    '1. Anna sends a revised offer with volume pricing.',
  ].join('\n');

  @State()
  private busy: 'sync' | 'test' | undefined;

  @State()
  private connection: { ok: boolean; line: ReportLine } | undefined;

  @State()
  private syncReport: DciSyncReport | undefined;

  private platform: LimePlatform = getDemoEmulator().platform;

  public render() {
    const t = translator(this.platform);
    return (
      <Host>
        <section class="panel settings" aria-labelledby="dci-settings">
          <h2 id="dci-settings">{t('demo.dci.settings')}</h2>
          <p class="hint">{t('demo.dci.settings_hint')}</p>
          <div class="row">
            <limel-input-field
              class="api-url"
              label={t('demo.dci.api_url')}
              type="url"
              value={this.apiUrl}
              onChange={onInputChange((text) => (this.apiUrl = text))}
            />
            <limel-input-field
              class="api-key"
              label={t('demo.dci.api_key')}
              type="password"
              value={this.apiKey}
              onChange={onInputChange((text) => (this.apiKey = text))}
            />
          </div>
          <limel-checkbox
            class="create-contacts"
            label={t('demo.dci.create_contacts')}
            checked={this.createContacts}
            onChange={onCheckedChange((checked) => (this.createContacts = checked))}
          />
          <div class="actions">
            <limel-button
              class="test-connection"
              label={t('demo.dci.test_connection')}
              icon="checkmark"
              loading={this.busy === 'test'}
              disabled={!!this.busy}
              onClick={this.handleTest}
            />
          </div>
          {this.renderConnection()}
        </section>
        <section class="panel meeting" aria-labelledby="dci-meeting">
          <h2 id="dci-meeting">{t('demo.dci.meeting')}</h2>
          <div class="row">
            <limel-input-field
              class="presenter"
              label={t('demo.dci.presenter')}
              value={this.presenter}
              onChange={onInputChange((text) => (this.presenter = text))}
            />
            <limel-input-field
              class="meeting-name"
              label={t('demo.dci.meeting_name')}
              value={this.meetingName}
              onChange={onInputChange((text) => (this.meetingName = text))}
            />
            <limel-input-field
              class="start-time"
              label={t('demo.dci.start_time')}
              type="datetime-local"
              value={this.startTime}
              onChange={onInputChange((text) => (this.startTime = text))}
            />
          </div>
          <h3>{t('demo.dci.participants')}</h3>
          <ul class="participants">{this.participants.map(this.renderParticipant)}</ul>
          <limel-button
            class="add-participant"
            label={t('demo.dci.add_participant')}
            icon="plus_math"
            onClick={this.handleAddParticipant}
          />
          <div class="row">
            <limel-input-field
              class="recording"
              label={t('demo.dci.recording')}
              type="url"
              value={this.link('recordings')}
              readonly={true}
            />
            <limel-input-field
              class="transcript"
              label={t('demo.dci.transcript')}
              type="url"
              value={this.link('transcripts')}
              readonly={true}
            />
          </div>
          <limel-input-field
            class="notes"
            type="textarea"
            label={t('demo.dci.notes')}
            value={this.notes}
            onChange={onInputChange((text) => (this.notes = text))}
          />
          <limel-input-field
            class="summary"
            type="textarea"
            label={t('demo.dci.summary')}
            helperText={t('demo.dci.summary_help')}
            value={this.summary}
            onChange={onInputChange((text) => (this.summary = text))}
          />
          <div class="actions">
            <limel-button
              class="new-meeting"
              label={t('demo.dci.new_meeting')}
              icon="refresh"
              disabled={!!this.busy}
              onClick={this.handleNewMeeting}
            />
            <span class="spacer" />
            <limel-button
              class="sync"
              primary={true}
              label={t('demo.dci.sync')}
              icon="filled_sent"
              loading={this.busy === 'sync'}
              disabled={!!this.busy}
              onClick={this.handleSync}
            />
          </div>
          {this.renderSyncReport()}
        </section>
      </Host>
    );
  }

  private renderParticipant = (participant: ParticipantFields, index: number) => {
    const t = translator(this.platform);
    const update = (change: Partial<ParticipantFields>) => {
      this.participants = this.participants.map((each, position) =>
        position === index ? { ...each, ...change } : each,
      );
    };
    return (
      <li class="participant">
        <limel-input-field
          class="participant-name"
          label={t('demo.dci.participant.name')}
          value={participant.name}
          onChange={onInputChange((text) => update({ name: text }))}
        />
        <limel-input-field
          class="participant-email"
          label={t('demo.dci.participant.email')}
          type="email"
          value={participant.email}
          onChange={onInputChange((text) => update({ email: text }))}
        />
        <limel-input-field
          class="participant-phone"
          label={t('demo.dci.participant.phone')}
          type="tel"
          value={participant.phone}
          onChange={onInputChange((text) => update({ phone: text }))}
        />
        <limel-input-field
          class="participant-company"
          label={t('demo.dci.participant.company')}
          value={participant.companyName}
          onChange={onInputChange((text) => update({ companyName: text }))}
        />
        <limel-checkbox
          class="participant-external"
          label={t('demo.dci.participant.external')}
          checked={participant.external}
          onChange={onCheckedChange((checked) => update({ external: checked }))}
        />
        <limel-icon-button
          class="remove-participant"
          icon="trash"
          label={t('demo.dci.remove_participant', { name: participant.name })}
          onClick={() =>
            (this.participants = this.participants.filter((_each, position) => position !== index))
          }
        />
      </li>
    );
  };

  private renderConnection = () => {
    if (!this.connection) {
      return null;
    }
    const t = translator(this.platform);
    return (
      <limel-callout
        class="connection-result"
        type={this.connection.ok ? 'tip' : 'warning'}
        heading={t(this.connection.ok ? 'demo.dci.connected' : 'demo.dci.not_connected')}
      >
        {t(this.connection.line.key, this.connection.line.params)}
      </limel-callout>
    );
  };

  private renderSyncReport = () => {
    const report = this.syncReport;
    if (!report) {
      return null;
    }
    const t = translator(this.platform);
    if (!report.ok) {
      return (
        <limel-callout class="sync-result" type="warning">
          {t(report.line.key, report.line.params)}
        </limel-callout>
      );
    }
    return (
      <ul class="sync-result" aria-live="polite" aria-label={t('demo.dci.results')}>
        {report.participants.map((line) => (
          <li class={`participant-result ${line.tone}`}>
            <span class="headline">{t(line.key, line.params)}</span>
            {line.link ? (
              <a class="history-link" href={line.link}>
                {t('demo.dci.open_history', { name: line.params?.person ?? '' })}
              </a>
            ) : null}
            {line.details.length > 0 ? (
              <ul>
                {line.details.map((detail) => (
                  <li>{t(detail.key, detail.params)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    );
  };

  private link(kind: 'recordings' | 'transcripts'): string {
    return `https://app.dci.example/${kind}/${this.sessionId}`;
  }

  private meeting(): DciMeetingInput {
    return {
      id: this.sessionId,
      presenter: this.presenter,
      meetingName: this.meetingName,
      startTime: isoFromLocalInput(this.startTime) ?? this.startTime,
      participants: this.participants
        .filter((participant) => participant.name.trim() !== '')
        .map((participant) => ({
          name: participant.name,
          email: participant.email,
          phone: participant.phone,
          companyName: participant.companyName,
          external: participant.external,
        })),
      notes: this.notes,
      summary: this.summary,
      links: { recording: this.link('recordings'), transcript: this.link('transcripts') },
    };
  }

  private crm() {
    return apiRootOf(this.apiUrl).ok ? demoRestCrm(this.apiUrl, this.apiKey) : undefined;
  }

  private handleTest = async () => {
    const crm = this.crm();
    if (!crm) {
      this.connection = { ok: false, line: { key: 'sync.connection.invalid_url' } };
      return;
    }
    this.busy = 'test';
    try {
      this.connection = describeConnectionTest(await testDciConnection(crm));
    } finally {
      this.busy = undefined;
    }
  };

  private handleSync = async () => {
    const crm = this.crm();
    if (!crm) {
      this.syncReport = { ok: false, line: { key: 'sync.connection.invalid_url' } };
      return;
    }
    this.busy = 'sync';
    try {
      const result = await syncDciMeeting(
        this.meeting(),
        { createContacts: this.createContacts, defaultCountry: demoConfig().defaultCountry },
        crm,
      );
      this.syncReport = describeDciSync(result, {
        object: descriptiveOf,
        link: (limetype, id) => demoObjectLink({ limetype, id }, 'history'),
      });
    } finally {
      this.busy = undefined;
    }
  };

  private handleAddParticipant = () => {
    this.participants = [
      ...this.participants,
      { name: '', email: '', phone: '', companyName: '', external: true },
    ];
  };

  private handleNewMeeting = () => {
    this.sessionId = newSessionId();
    this.startTime = localInputFromDate(new Date());
    this.syncReport = undefined;
  };
}

function newSessionId(): string {
  return Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, '0');
}

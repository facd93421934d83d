import { Component, Event, EventEmitter, Prop, State, h } from '@stencil/core';
import type { Option } from '@limetech/lime-elements';
import {
  HttpClient,
  LimeObjectRepository,
  subscribeLimetypes,
  Notifications,
  Subscriptions,
  findService,
  translator,
  type CreateDialogCommandLike,
  type HttpService,
  type LimeContext,
  type LimeObjectData,
  type LimePlatform,
  type LimePropertyMeta,
  type LimeTypeMeta,
  type LimeTypes,
  type NotificationService,
} from '../../lime';
import {
  createBody,
  editableProperties,
  initialTexts,
  presetRelations,
} from './create-dialog-fields';

/**
 * The emulator's stand-in for the webclient's generic create dialog: a field for each text, number
 * and option property of the command's limetype, the parent relation taken from the command.
 * Save creates the object through the http service; emits `close` when saved or cancelled.
 * Only the demo and tests use it; the real webclient has its own.
 */
@Component({
  tag: 'conversations-emulator-create-dialog',
  styleUrl: 'conversations-emulator-create-dialog.scss',
  shadow: true,
})
export class EmulatorCreateDialog {
  /** The Lime platform (the emulator's). */
  @Prop()
  public platform!: LimePlatform;

  /** The context the dialog was opened in. */
  @Prop()
  public context?: LimeContext;

  /** The `limeobject.create-dialog` command: the limetype and the preset values (the parent relation). */
  @Prop()
  public command!: CreateDialogCommandLike;

  /** Emitted when the dialog is done: saved or cancelled. */
  @Event()
  public close!: EventEmitter<void>;

  @State()
  private limetypes: LimeTypes = {};

  @State()
  private objects: Record<string, LimeObjectData[]> = {};

  @State()
  private texts: Record<string, string> = {};

  @State()
  private saving = false;

  @State()
  private error = '';

  @State()
  private open = true;

  private subscriptions = new Subscriptions();

  connectedCallback() {
    this.subscriptions.add(
      subscribeLimetypes(this.platform, (limetypes) => {
        const first = Object.keys(this.limetypes).length === 0;
        this.limetypes = limetypes;
        const meta = this.meta();
        if (first && meta) {
          this.texts = initialTexts(meta, this.command?.limeobject);
        }
      }),
    );
    this.subscriptions.subscribe<Record<string, LimeObjectData[]>>(
      this.platform,
      LimeObjectRepository,
      (objects) => {
        this.objects = objects;
      },
    );
  }

  disconnectedCallback() {
    this.subscriptions.clear();
  }

  render() {
    const t = translator(this.platform);
    const meta = this.meta();
    return (
      <limel-dialog
        open={this.open}
        heading={t('demo.create_dialog.title', {
          limetype: meta?.localname.singular ?? this.command?.limetype?.name,
        })}
        onClose={this.handleDialogClose}
      >
        <div class="fields">
          {meta ? presetRelations(meta, this.command?.limeobject).map(this.renderRelation) : null}
          {meta ? editableProperties(meta).map(this.renderField) : null}
          {this.renderError()}
        </div>
        <limel-button slot="button" label={t('demo.create_dialog.cancel')} onClick={this.cancel} />
        <limel-button
          slot="button"
          primary={true}
          data-action="save"
          label={t('demo.create_dialog.save')}
          loading={this.saving}
          disabled={!meta || this.saving}
          onClick={this.save}
        />
      </limel-dialog>
    );
  }

  private renderRelation = ([property, id]: [LimePropertyMeta, number]) => {
    const related = (this.objects[property.relation?.limetype ?? ''] ?? []).find(
      (object) => object.id === id,
    );
    return (
      <limel-input-field
        label={property.label}
        value={related?._descriptive ?? String(id)}
        readonly={true}
      />
    );
  };

  private renderField = (property: LimePropertyMeta) => {
    if (property.type === 'option') {
      const options: Option[] = [
        { text: '', value: '' },
        ...(property.options ?? []).map((option) => ({ text: option.text, value: option.key })),
      ];
      return (
        <limel-select
          label={property.label}
          options={options}
          value={options.find((option) => option.value === this.texts[property.name]) ?? options[0]}
          onChange={(event: Event) => {
            event.stopPropagation();
            const detail = (event as CustomEvent<Option | Option[]>).detail;
            this.setText(
              property.name,
              (Array.isArray(detail) ? detail[0]?.value : detail?.value) ?? '',
            );
          }}
        />
      );
    }
    return (
      <limel-input-field
        data-property={property.name}
        label={property.label}
        type={
          property.type === 'text'
            ? 'textarea'
            : ['integer', 'decimal'].includes(property.type)
              ? 'number'
              : 'text'
        }
        value={this.texts[property.name] ?? ''}
        onChange={(event: Event) => {
          event.stopPropagation();
          this.setText(property.name, String((event as CustomEvent<unknown>).detail ?? ''));
        }}
      />
    );
  };

  private renderError = () => {
    if (!this.error) {
      return null;
    }
    return (
      <p class="error" role="alert">
        {this.error}
      </p>
    );
  };

  private meta(): LimeTypeMeta | undefined {
    const name = this.command?.limetype?.name;
    return name ? this.limetypes[name] : undefined;
  }

  private setText(name: string, text: string) {
    this.texts = { ...this.texts, [name]: text };
  }

  private save = async () => {
    const t = translator(this.platform);
    const meta = this.meta();
    const http = findService<HttpService>(this.platform, HttpClient);
    if (!meta || !http || this.saving) {
      return;
    }
    const body = createBody(meta, this.command?.limeobject, this.texts);
    if (!body.ok) {
      this.error = t('emulator.create_dialog.invalid_number', { property: body.property.label });
      return;
    }
    this.saving = true;
    this.error = '';
    try {
      await http.post(`api/v1/limeobject/${meta.name}/`, body.body);
      this.open = false;
      void findService<NotificationService>(this.platform, Notifications)?.notify(
        t('demo.create_dialog.created', { limetype: meta.localname.singular }),
      );
      this.close.emit();
    } catch (error) {
      this.error = t('common.error.generic', {
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.saving = false;
    }
  };

  private cancel = () => {
    this.open = false;
    this.close.emit();
  };

  private handleDialogClose = (event: CustomEvent<void>) => {
    // limel-dialog's own `close` (Escape, scrim) would bubble out as ours; emit ours once instead.
    event.stopPropagation();
    if (this.open) {
      this.open = false;
      this.close.emit();
    }
  };
}

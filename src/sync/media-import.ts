// Media files of a Lime Connect chat imported as documents on the object (seed 000): only when the
// runtime feature flag is on and an API key to Lime Connect is configured, and asynchronously in the
// Task handler, so that a failing import never holds up or undoes the note.
import type { CrmPort } from '../crm';
import type {
  MediaFile,
  MediaImport,
  MediaImportOutcome,
  ObjectRef,
  TaskQueue,
} from './sync.types';

export interface MediaImportSettings {
  /** The topic wants media files and the runtime feature flag is on. */
  enabled: boolean;
  featureEnabled: boolean;
  apiKey: string;
  tasks?: TaskQueue;
  target: ObjectRef;
  conversationId: number;
}

export function importMediaFiles(
  crm: CrmPort,
  files: MediaFile[],
  settings: MediaImportSettings,
): MediaImport {
  if (files.length === 0) {
    return { state: 'none' };
  }
  const reason = !settings.featureEnabled
    ? 'feature-disabled'
    : !settings.enabled
      ? 'topic-disabled'
      : !settings.apiKey.trim()
        ? 'no-api-key'
        : !settings.tasks
          ? 'no-task-queue'
          : undefined;
  if (reason || !settings.tasks) {
    return { state: 'not-imported', reason: reason ?? 'no-task-queue', files };
  }
  const tasks = settings.tasks;
  const done = Promise.all(
    files.map(
      (file) =>
        new Promise<MediaImportOutcome>((resolve) => {
          tasks.enqueue(
            `limepkg_conversations.import-media:${settings.conversationId}:${file.name}`,
            async () => {
              const outcome = await importOne(crm, file, settings);
              resolve(outcome);
              return outcome;
            },
          );
        }),
    ),
  );
  return { state: 'queued', files, done };
}

async function importOne(
  crm: CrmPort,
  file: MediaFile,
  settings: MediaImportSettings,
): Promise<MediaImportOutcome> {
  try {
    // A standard document's description is `comment`; it names the file, as the webclient lists it.
    const created = await crm.create('document', {
      comment: file.name,
      [settings.target.limetype]: settings.target.id,
    });
    return created.ok
      ? { file, ok: true, document: { limetype: 'document', id: created.value.id } }
      : { file, ok: false, error: created.error };
  } catch (error) {
    // A task must settle whatever happens, or `done` would wait forever.
    return { file, ok: false, error: { kind: 'unreachable', message: String(error) } };
  }
}

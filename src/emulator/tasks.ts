// A queue of asynchronous jobs (e.g. importing media files), run one at a time, like Lime's task
// handler; tests wait for it with `whenIdle()`.

export type TaskStatus = 'pending' | 'running' | 'success' | 'failure';

export interface TaskRecord {
  id: string;
  name: string;
  status: TaskStatus;
  result?: unknown;
  error?: string;
}

export class TaskQueue {
  private records: TaskRecord[] = [];
  private queue: { record: TaskRecord; run: () => unknown }[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private counter = 0;
  private listeners = new Set<(task: TaskRecord) => void>();

  /** Queues `run` and returns the task's id; it starts after the current call stack. */
  enqueue(name: string, run: () => unknown): string {
    this.counter += 1;
    const record: TaskRecord = { id: `task-${this.counter}`, name, status: 'pending' };
    this.records.push(record);
    this.queue.push({ record, run });
    if (!this.running) {
      this.running = true;
      setTimeout(() => void this.drain(), 0);
    }
    return record.id;
  }

  get(id: string): TaskRecord | undefined {
    const record = this.records.find((each) => each.id === id);
    return record ? { ...record } : undefined;
  }

  list(): TaskRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  /** Resolves when every queued task has finished. */
  whenIdle(): Promise<void> {
    if (!this.running && this.queue.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Calls back whenever a task changes status; returns the unsubscribe. */
  onChange(callback: (task: TaskRecord) => void): () => void {
    this.listeners.add(callback);
    return () => {
      this.listeners.delete(callback);
    };
  }

  /** Forgets finished tasks (pending ones still run). */
  clear(): void {
    this.records = this.records.filter(
      (record) => record.status === 'pending' || record.status === 'running',
    );
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const { record, run } = next;
      this.update(record, { status: 'running' });
      try {
        this.update(record, { status: 'success', result: await run() });
      } catch (error) {
        this.update(record, {
          status: 'failure',
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  private update(record: TaskRecord, change: Partial<TaskRecord>): void {
    Object.assign(record, change);
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...record });
      } catch {
        // A listener's failure must not stop the queue.
      }
    }
  }
}

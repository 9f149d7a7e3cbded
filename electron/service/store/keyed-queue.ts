/**
 * Serial task queues keyed by a string (a file path, a session id): tasks with one key run one
 * after another in the order they were queued; tasks with different keys run independently.
 * A failing task does not stop the ones queued after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Run `task` after every task queued earlier under `key`; resolves or rejects with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when everything queued so far under `key` has finished. */
  idle(key: string): Promise<void> {
    return (this.tails.get(key) ?? Promise.resolve()).then(() => undefined);
  }
}

/**
 * Imported fact-check files (File → Import fact-checks…): the reviewed claims
 * read from ClaimReview JSON-LD, kept in the data directory for "seen before".
 *
 * ```
 * <dataDir>/factchecks/<id>.json          one imported file, as the app shaped it
 * <dataDir>/archive/factchecks-<id>.json  a removed one (nothing is erased)
 * ```
 *
 * Each file is a lowdb database with a durable adapter (temp file, fsync,
 * rename; see store/durable-write.ts) and is validated with zod when read: a
 * file that fails is left where it is and reported, never trusted. The raw
 * upload is never stored; only what {@link readFactcheckFile} kept from it.
 */
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import type { FactcheckFeed, FactcheckImport } from '../../../shared/api/contract';
import { newId, nowIso } from '../../../shared/model/ids';
import { MAX_FACTCHECK_FILES, MAX_SHORT_TEXT } from '../../../shared/model/limits';
import {
  readFactcheckFile,
  storedFactcheckClaimSchema,
} from '../../../shared/suggest/factcheck-file';
import type { ReviewedClaim } from '../../../shared/suggest/similar-claims';
import { writeFileDurable } from '../store/durable-write';
import { fileStamp } from '../store/store-layout';

const FEED_ID = /^[A-Za-z0-9-]{1,100}$/;

const storedFeedSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(FEED_ID),
  fileName: z.string().max(1024),
  importedAt: z.iso.datetime({ offset: true }),
  publishers: z.array(z.string().max(MAX_SHORT_TEXT)).max(20),
  claims: z.array(storedFactcheckClaimSchema),
});
type StoredFeed = z.infer<typeof storedFeedSchema>;

/** lowdb adapter for one feed file: validated on read, written durably. */
class FeedFileAdapter implements Adapter<StoredFeed | null> {
  constructor(private readonly file: string) {}
  async read(): Promise<StoredFeed | null> {
    const text = await readFile(this.file, 'utf8');
    const parsed = storedFeedSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new Error(
        `${parsed.error.issues[0]?.path.join('.') || 'file'}: ${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  }
  async write(data: StoredFeed | null): Promise<void> {
    if (!data) return;
    await writeFileDurable(this.file, JSON.stringify(data), { backup: false });
  }
}

export interface FactcheckStore {
  list(): FactcheckFeed[];
  /** Every reviewed claim of every imported file. */
  claims(): ReviewedClaim[];
  /** Changes whenever a file is added or removed (for caches built on {@link claims}). */
  readonly generation: number;
  /** Read, validate and keep one uploaded file. Refusals come back in words. */
  importFile(
    fileName: string,
    content: string,
  ): Promise<{ ok: true; value: FactcheckImport } | { ok: false; message: string }>;
  /** Move an imported file to the archive. False when there is none with that id. */
  remove(id: string): Promise<boolean>;
  /** Files that could not be read, with the reason. */
  problems(): string[];
}

function summary(f: StoredFeed): FactcheckFeed {
  return {
    id: f.id,
    fileName: f.fileName,
    importedAt: f.importedAt,
    publishers: f.publishers,
    claims: f.claims.length,
  };
}

/** Open (creating) the fact-check folder of a data directory and read every kept file. */
export async function openFactcheckStore(dataDir: string): Promise<FactcheckStore> {
  const dir = path.join(dataDir, 'factchecks');
  const archiveDir = path.join(dataDir, 'archive');
  await mkdir(dir, { recursive: true });
  const feeds = new Map<string, StoredFeed>();
  const problems: string[] = [];
  let generation = 0;

  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.json')) continue;
    const db = new Low<StoredFeed | null>(new FeedFileAdapter(path.join(dir, name)), null);
    try {
      await db.read();
      if (db.data && `${db.data.id}.json` === name) feeds.set(db.data.id, db.data);
      else problems.push(`Fact-check file ${name} does not name itself; it was left as it is.`);
    } catch (e) {
      problems.push(
        `Fact-check file ${name} could not be read (${(e as Error).message}); it was left as it is.`,
      );
    }
  }

  return {
    list: () =>
      [...feeds.values()].map(summary).sort((a, b) => b.importedAt.localeCompare(a.importedAt)),
    claims: () => [...feeds.values()].flatMap((f) => f.claims as ReviewedClaim[]),
    get generation() {
      return generation;
    },
    async importFile(fileName, content) {
      if (feeds.size >= MAX_FACTCHECK_FILES)
        return {
          ok: false,
          message: `At most ${MAX_FACTCHECK_FILES} fact-check files are kept; remove one before importing another.`,
        };
      const id = newId();
      const read = readFactcheckFile(content, fileName, `factcheck-${id}`);
      if (!read.ok) return read;
      const publishers = [
        ...new Set(
          read.claims.map((c) => (c.source.kind === 'claimreview' ? c.source.publisher : '')),
        ),
      ]
        .filter(Boolean)
        .slice(0, 20);
      const feed: StoredFeed = {
        version: 1,
        id,
        fileName: fileName.slice(0, 1024),
        importedAt: nowIso(),
        publishers,
        claims: read.claims as StoredFeed['claims'],
      };
      const db = new Low<StoredFeed | null>(
        new FeedFileAdapter(path.join(dir, `${id}.json`)),
        null,
      );
      db.data = feed;
      await db.write();
      feeds.set(id, feed);
      generation++;
      return { ok: true, value: { feed: summary(feed), problems: read.problems.slice(0, 20) } };
    },
    async remove(id) {
      if (!FEED_ID.test(id) || !feeds.has(id)) return false;
      await mkdir(archiveDir, { recursive: true });
      await rename(
        path.join(dir, `${id}.json`),
        path.join(archiveDir, `factchecks-${id}.${fileStamp()}.json`),
      );
      feeds.delete(id);
      generation++;
      return true;
    },
    problems: () => [...problems],
  };
}

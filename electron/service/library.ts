/**
 * The article library: every article shipped in `seeds/`, plus every article
 * the journalist imported (kept as one JSON snapshot per article in
 * `<dataDir>/library/`). Sessions copy snapshots out of it, so editing or
 * re-importing in a session never changes the library, and vice versa.
 *
 * Seed ids are derived from the text's hash (`seed-<first 16 hex>`), so they
 * are stable across runs and machines.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiResult, LibraryEntry } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { articleSchemaZ } from '../../shared/model/session-schema';
import { checkArticleStructure } from '../../shared/article/article-doc';
import { sha256Hex } from '../../shared/text/sha256';
import { importArticleFile, kindOfFile } from './import/article-import';
import { writeFileDurable } from './store/durable-write';
import { describeCode, diskErrorCode } from './store/store-errors';

export interface Library {
  list(): LibraryEntry[];
  get(id: string): Article | undefined;
  /** Add an imported article and persist it. */
  add(article: Article): Promise<ApiResult<LibraryEntry>>;
  /** Files in the library folder that could not be read, with the reason. */
  problems(): string[];
}

/** Summary of an article for the library list. */
export function libraryEntry(a: Article, origin: LibraryEntry['origin']): LibraryEntry {
  return {
    id: a.id,
    origin,
    meta: a.meta,
    fileName: a.source.fileName,
    format: a.source.format,
    chars: a.text.length,
    paragraphs: a.blocks.length,
    sha256: a.sha256,
    importedAt: a.source.importedAt,
  };
}

/** Load the library: parse every seed, read every stored import. Unreadable files are reported, not fatal. */
export async function openLibrary(opts: { seedsDir: string; dataDir: string }): Promise<Library> {
  const dir = join(opts.dataDir, 'library');
  await mkdir(dir, { recursive: true });
  const seeds = new Map<string, Article>();
  const imported = new Map<string, Article>();
  const problems: string[] = [];

  for (const name of (await readdir(opts.seedsDir).catch(() => [] as string[])).sort()) {
    if (!kindOfFile(name)) continue;
    const bytes = await readFile(join(opts.seedsDir, name));
    const res = await importArticleFile(name, bytes);
    if (!res.ok) {
      problems.push(`Seed ${name}: ${res.error.message}`);
      continue;
    }
    const article = { ...res.value, id: `seed-${res.value.sha256.slice(0, 16)}` };
    seeds.set(article.id, article);
  }

  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      const parsed = articleSchemaZ.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid');
      const a = parsed.data;
      if (sha256Hex(a.text) !== a.sha256) throw new Error('its text does not match its SHA-256');
      const structural = checkArticleStructure(a);
      if (structural) throw new Error(structural);
      imported.set(a.id, a);
    } catch (e) {
      problems.push(
        `Library file ${name} could not be read (${(e as Error).message}); it was left as it is.`,
      );
    }
  }

  return {
    list() {
      const importedEntries = [...imported.values()]
        .map((a) => libraryEntry(a, 'imported'))
        .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
      return [...[...seeds.values()].map((a) => libraryEntry(a, 'seed')), ...importedEntries];
    },
    get(id) {
      return seeds.get(id) ?? imported.get(id);
    },
    async add(article) {
      try {
        await writeFileDurable(join(dir, `${article.id}.json`), JSON.stringify(article));
      } catch (e) {
        return {
          ok: false,
          error: {
            code: 'io',
            message: `The article could not be saved to the library: ${diskErrorCode(e) ? describeCode(diskErrorCode(e)) : (e as Error).message}. Nothing was added.`,
          },
        };
      }
      imported.set(article.id, article);
      return { ok: true, value: libraryEntry(article, 'imported') };
    },
    problems: () => [...problems],
  };
}

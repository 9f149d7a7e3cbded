/**
 * `factcheck suggest ARTICLE [--json]`: the suggested claims of an article
 * file (shared/suggest/claim-suggest.ts). It writes no file. It loads only
 * what it needs: no session validation, no search index, and for a .txt
 * article no HTML or Markdown reader (similar-command.ts has `similar`).
 */
import { basename } from 'node:path';
import { MAX_ARTICLE_BYTES } from '../../shared/model/limits';
import { suggestClaims } from '../../shared/suggest/claim-suggest';
import { CliError, readInput } from './cli-files';
import type { CliIo } from './commands';

/** `factcheck suggest ARTICLE [--json]`: the suggested claims of an article file. */
export async function suggestCommand(
  file: string,
  opts: { json?: boolean },
  io: CliIo,
): Promise<void> {
  // Loaded here, as `session new` does: the HTML/Markdown pipeline is heavy.
  const { importArticleFile } = await import('../service/import/article-import');
  const bytes = readInput(file, 'article', MAX_ARTICLE_BYTES);
  const r = await importArticleFile(
    basename(file),
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  if (!r.ok) throw new CliError(`${file}: ${r.error.message}`);
  const suggestions = suggestClaims(r.value.text, { blocks: r.value.blocks });
  if (opts.json) {
    io.out(JSON.stringify(suggestions, null, 2));
    return;
  }
  io.out(
    `${file}: ${suggestions.length} suggested claim${suggestions.length === 1 ? '' : 's'} (offsets in code points).`,
  );
  for (const s of suggestions) {
    io.out('');
    io.out(
      `[${s.start}–${s.end}] score ${s.score.toFixed(2)}${s.speaker ? ` · ${s.speaker}` : ''}`,
    );
    io.out(`  ${s.text}`);
    io.out(`  reasons: ${s.reasons.join('; ')}`);
  }
}

/**
 * File → Import fact-checks…: ClaimReview JSON-LD files (the app's own
 * ClaimReview export, or a fact-checker's published feed) go to the host
 * (`factchecks.import`), which validates them and keeps what it could read for
 * "seen before". Refusals come back as sentences and are shown.
 */
import type { ApiClient, FactcheckFeed } from '../../shared/api/contract';
import { plural } from './format';
import { fileToBase64, pickFiles } from './files';
import type { NoticeApi } from './notices';

/** What the fact-check import accepts. */
export const FACTCHECK_ACCEPT = '.json,.jsonld,application/ld+json,application/json';

/** Ask for fact-check files and import them one by one; returns the feeds kept. */
export async function importFactchecks(
  client: ApiClient,
  notices: NoticeApi,
): Promise<FactcheckFeed[]> {
  const files = await pickFiles(FACTCHECK_ACCEPT, true);
  const done: FactcheckFeed[] = [];
  for (const file of files) {
    let base64: string;
    try {
      base64 = await fileToBase64(file);
    } catch {
      notices.error(`“${file.name}” could not be read.`);
      continue;
    }
    const r = await client.call('factchecks.import', {
      fileName: file.name || 'factchecks.json',
      base64,
    });
    if (!r.ok) {
      notices.error(`“${file.name}” was not imported: ${r.error.message}`);
      continue;
    }
    done.push(r.value.feed);
    notices.show({
      tone: r.value.problems.length ? 'warning' : 'success',
      text: `Imported ${plural(r.value.feed.claims, 'reviewed claim')} from “${file.name}”; “Seen before” searches them now.`,
      detail: r.value.problems.length ? r.value.problems : undefined,
    });
  }
  return done;
}

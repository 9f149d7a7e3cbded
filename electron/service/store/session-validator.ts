/**
 * Validation of sessions for the store, full or incremental.
 *
 * A file read from disk is untrusted and gets everything: the zod schema, the integrity checks
 * of `checkSessionIntegrity`, and each article through ProseMirror (`articleToDoc`, then
 * `Node.fromJSON(articleSchema, doc.toJSON()).check()`). On a 10,000-annotation session over a
 * 1.2 MB text that costs about as much as writing the file, so the save paths do not repeat it:
 * the validator remembers, by object identity, every record and article that has passed, and
 * later checks only what is new. This relies on the store's invariant that sessions are
 * immutable values (`applyOps` is copy-on-write), so an object that was valid stays valid.
 * Cross-references (quotes against positions, link ends, speakers, verdict steps) are cheap and
 * are always rechecked as a whole.
 */
import { Node as PMNode } from 'prosemirror-model';
import { z } from 'zod';
import {
  annotationSchema,
  articleSchemaZ,
  linkSchema,
  sessionSchema,
  type Article,
  type Session,
} from '../../../shared/model/session-schema';
import {
  checkSessionIntegrity,
  describeIssues,
  type Validation,
} from '../../../shared/session/validate-session';
import { sessionOpSchema, type SessionOp } from '../../../shared/session/op-schema';
import { articleToDoc, checkArticleStructure } from '../../../shared/article/article-doc';
import { articleSchema } from '../../../shared/article/article-schema';
import { sha256Hex } from '../../../shared/text/sha256';
import {
  MAX_ANNOTATIONS_PER_SESSION,
  MAX_ARTICLES_PER_SESSION,
  MAX_LINKS_PER_SESSION,
} from '../../../shared/model/limits';

/** The session's own fields, with its big arrays left for per-record checks. */
const sessionShellSchema = sessionSchema.extend({
  articles: z.array(z.unknown()).max(MAX_ARTICLES_PER_SESSION),
  annotations: z.array(z.unknown()).max(MAX_ANNOTATIONS_PER_SESSION, {
    message: `holds more than ${MAX_ANNOTATIONS_PER_SESSION.toLocaleString('en')} annotations, the limit per session`,
  }),
  links: z.array(z.unknown()).max(MAX_LINKS_PER_SESSION),
});
const opsSchema = z.array(sessionOpSchema);

/**
 * Build the article's ProseMirror document, round-trip it through JSON and check it against
 * the strict schema. Returns a sentence on failure, null when the document is valid.
 */
export function checkArticleDocument(article: Article): string | null {
  try {
    const { doc } = articleToDoc(article);
    PMNode.fromJSON(articleSchema, doc.toJSON()).check();
    return null;
  } catch (e) {
    return `its document does not fit the article schema (${(e as Error).message})`;
  }
}

/** True when `item` is one of the records in `seen` (a type guard over object identity). */
function isSeen<T extends object>(seen: WeakSet<object>, item: unknown): item is T {
  return typeof item === 'object' && item !== null && seen.has(item);
}

export class SessionValidator {
  /** Annotations, links and articles that passed their zod schema. */
  private readonly records = new WeakSet<object>();
  /** Articles whose hash, structure and ProseMirror document were verified. */
  private readonly verified = new WeakSet<Article>();

  /** Validate untrusted data (a parsed file) completely. Never throws. */
  validateFull(data: unknown): Validation<Session> {
    const parsed = sessionSchema.safeParse(data);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
    return this.finish(parsed.data);
  }

  /**
   * Validate a session handed in by the service: records already seen valid are trusted by
   * identity, new ones are checked in full. Returns the session to store (new records are
   * their parsed copies, stripped of unknown keys). Never throws.
   */
  validateIncremental(session: Session): Validation<Session> {
    const shell = sessionShellSchema.safeParse(session);
    if (!shell.success) return { ok: false, problems: describeIssues(shell.error) };
    const problems: string[] = [];
    const pick = <T extends object>(
      list: readonly unknown[],
      schema: z.ZodType<T>,
      field: string,
    ): T[] => {
      const out: T[] = [];
      list.forEach((item, i) => {
        if (isSeen<T>(this.records, item)) return out.push(item);
        const r = schema.safeParse(item);
        if (r.success) return out.push(r.data);
        if (problems.length < 5)
          problems.push(...describeIssues(r.error, 2).map((p) => `${field}.${i}.${p}`));
        return 0;
      });
      return out;
    };
    const candidate: Session = {
      ...shell.data,
      articles: pick(shell.data.articles, articleSchemaZ, 'articles'),
      annotations: pick(shell.data.annotations, annotationSchema, 'annotations'),
      links: pick(shell.data.links, linkSchema, 'links'),
    };
    if (problems.length) return { ok: false, problems };
    return this.finish(candidate);
  }

  /**
   * Validate an ops batch read from outside the process's trust (a journal on disk): its shape
   * with the op schema, then {@link admitOps}.
   */
  validateOps(ops: unknown): Validation<SessionOp[]> {
    const parsed = opsSchema.safeParse(ops);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
    return this.admitOps(parsed.data);
  }

  /**
   * Admit a batch whose shape is already checked (a `sessions.apply` request, validated by the
   * API service at the boundary, or {@link validateOps}): verify every article it puts in full
   * (hash, structure, ProseMirror) and remember its records as valid, so the incremental
   * checks trust them by identity. Never throws.
   */
  admitOps(value: SessionOp[]): Validation<SessionOp[]> {
    for (const op of value) {
      if (op.op === 'article.put') {
        const problem = this.verifyArticle(op.article);
        if (problem)
          return { ok: false, problems: [`article "${op.article.meta.title}": ${problem}`] };
        this.records.add(op.article);
      } else if (op.op === 'annotation.put') this.records.add(op.annotation);
      else if (op.op === 'link.put') this.records.add(op.link);
    }
    return { ok: true, value };
  }

  /** Hash, structure and ProseMirror check of one article, remembered once passed. */
  verifyArticle(article: Article): string | null {
    if (this.verified.has(article)) return null;
    if (sha256Hex(article.text) !== article.sha256) return 'its text does not match its SHA-256';
    const problem = checkArticleStructure(article) ?? checkArticleDocument(article);
    if (!problem) this.verified.add(article);
    return problem;
  }

  /** Mark every record of a session as valid (it was built from validated parts). */
  remember(session: Session): void {
    for (const a of session.articles) this.records.add(a);
    for (const a of session.annotations) this.records.add(a);
    for (const l of session.links) this.records.add(l);
  }

  private finish(session: Session): Validation<Session> {
    for (const a of session.articles) {
      const problem = this.verifyArticle(a);
      if (problem) return { ok: false, problems: [`article "${a.meta.title}": ${problem}`] };
    }
    const problems = checkSessionIntegrity(session, 10, this.verified);
    if (problems.length) return { ok: false, problems };
    this.remember(session);
    return { ok: true, value: session };
  }
}

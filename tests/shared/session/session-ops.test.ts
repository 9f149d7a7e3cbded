/**
 * `applyOps`, op by op: every op of the schema has a case here (the table is
 * typed by op name, so a new op fails to compile until it gets one). Each case
 * applies, gives a valid session, stamps the batch time it was given, and its
 * inverse brings the session back.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/model/session';
import type { SessionOp, SessionOpName } from '../../../shared/session/op-schema';
import { applyOps } from '../../../shared/session/session-ops';
import { validateSession } from '../../../shared/session/validate-session';
import { DEFAULT_SCALE } from '../../../shared/model/rating-scale';
import {
  FIXED_TIME,
  makeAnnotation,
  makeArticle,
  makeSession,
} from '../../helpers/session-fixtures';

const LATER = '2024-06-02T08:30:00.000Z';

/**
 * The seed session with 6 annotations, 2 links, one speaker named on the first
 * annotation, and a second article (open: the seed) with one annotation.
 */
function base(): Session {
  const s = makeSession({ annotations: 6, links: 2 });
  const speaker = {
    id: 'sp-1',
    name: 'Sergei Lavrov',
    kind: 'person' as const,
    role: 'Foreign minister',
    organisation: '',
    aliases: ['Sergey Lavrov'],
  };
  const second = makeArticle('The second article.\n\nIt quotes the minister.', 'second.txt', 'b');
  return {
    ...s,
    articles: [...s.articles, second],
    speakers: [speaker],
    annotations: [
      ...s.annotations.map((a, i) => (i === 0 ? { ...a, speakerId: speaker.id } : a)),
      makeAnnotation(second, 4, 18, { id: 'ann-second', kind: 'context' }),
    ],
    dismissed: [dismissal('dis-1', second.id, 'It quotes the minister.', 21)],
  };
}

/** A dismissed claim suggestion: `text` at code point `start` of the article. */
function dismissal(id: string, articleId: string, text: string, start: number) {
  return {
    id,
    articleId,
    text,
    start,
    end: start + text.length,
    reviewer: 'Tester',
    at: FIXED_TIME,
  };
}

const cases: { [N in SessionOpName]: (s: Session) => Extract<SessionOp, { op: N }> } = {
  'annotation.put': (s) => ({
    op: 'annotation.put',
    annotation: makeAnnotation(s.articles[0]!, 40, 80, { id: 'new-ann', kind: 'evidence' }),
  }),
  'annotation.delete': (s) => ({ op: 'annotation.delete', id: s.links[0]!.from }),
  'link.put': (s) => ({
    op: 'link.put',
    link: {
      id: 'new-link',
      from: s.annotations[5]!.id,
      to: s.annotations[0]!.id,
      relation: 'supports',
      note: 'Same figure.',
      reviewer: 'Tester',
      created: FIXED_TIME,
      modified: FIXED_TIME,
    },
  }),
  'link.delete': (s) => ({ op: 'link.delete', id: s.links[1]!.id }),
  'speaker.put': () => ({
    op: 'speaker.put',
    speaker: {
      id: 'sp-2',
      name: 'Rex Tillerson',
      kind: 'person',
      role: '',
      organisation: '',
      aliases: [],
    },
  }),
  'speaker.delete': () => ({ op: 'speaker.delete', id: 'sp-1' }),
  'article.put': () => ({
    op: 'article.put',
    article: makeArticle('A third article.\n\nTwo paragraphs.', 'three.txt', 'third'),
  }),
  // Not the open article: deleting that one also moves the view, which undo does not move back.
  'article.delete': (s) => ({ op: 'article.delete', id: s.articles[1]!.id }),
  'article.meta': (s) => ({
    op: 'article.meta',
    articleId: s.articles[0]!.id,
    meta: { ...s.articles[0]!.meta, outlet: 'The Daily Record' },
  }),
  'settings.put': (s) => ({
    op: 'settings.put',
    settings: { ...s.settings, organisationName: 'Checkers' },
  }),
  'scale.put': () => ({
    op: 'scale.put',
    scale: { ...DEFAULT_SCALE, name: 'House scale', steps: DEFAULT_SCALE.steps.map((x) => x) },
  }),
  'view.put': (s) => ({
    op: 'view.put',
    view: { openArticleId: s.articles[0]!.id, scroll: { [s.articles[0]!.id]: 640 } },
  }),
  'session.rename': () => ({ op: 'session.rename', name: 'Renamed review' }),
  'dismissal.put': (s) => ({
    op: 'dismissal.put',
    dismissal: dismissal('dis-2', s.articles[1]!.id, 'The second article.', 0),
  }),
  'dismissal.delete': () => ({ op: 'dismissal.delete', id: 'dis-1' }),
};

/**
 * Everything but the revision and the batch time. Records compare by id, not
 * by place: a deletion undone puts the record back at the end of its list.
 */
const byId = <T extends { id: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const content = (s: Session) => ({
  ...s,
  revision: 0,
  updatedAt: '',
  articles: byId(s.articles),
  speakers: byId(s.speakers),
  annotations: byId(s.annotations),
  links: byId(s.links),
  dismissed: byId(s.dismissed ?? []),
});

describe('applyOps, one case per op', () => {
  it.each(Object.entries(cases))(
    '%s applies, stays valid, and its inverse undoes it',
    (name, make) => {
      const before = base();
      const op = make(before) as SessionOp;
      const r = applyOps(before, [op], LATER);
      if (!r.ok) throw new Error(r.problems.join(' '));
      expect(r.session.revision).toBe(before.revision + 1);
      expect(content(r.session)).not.toEqual(content(before));
      expect(r.session.updatedAt).toBe(name === 'view.put' ? before.updatedAt : LATER);
      const valid = validateSession(r.session);
      expect(valid.ok ? [] : valid.problems).toEqual([]);
      const back = applyOps(r.session, r.inverse, LATER);
      if (!back.ok) throw new Error(back.problems.join(' '));
      expect(content(back.session)).toEqual(content(before));
    },
  );
});

describe('the batch time', () => {
  it('stamps the annotations a speaker deletion changes with the given time', () => {
    const r = applyOps(base(), [cases['speaker.delete'](base())], LATER);
    if (!r.ok) throw new Error(r.problems.join(' '));
    const cleared = r.session.annotations[0]!;
    expect(cleared.speakerId).toBeNull();
    expect(cleared.modified).toBe(LATER);
  });

  it('stamps nothing when given no clock (the renderer’s optimistic copy)', () => {
    const before = base();
    const r = applyOps(
      before,
      [cases['speaker.delete'](before), cases['session.rename'](before)],
      null,
    );
    if (!r.ok) throw new Error(r.problems.join(' '));
    expect(r.session.name).toBe('Renamed review');
    expect(r.session.updatedAt).toBe(before.updatedAt);
    expect(r.session.annotations[0]!.speakerId).toBeNull();
    expect(r.session.annotations[0]!.modified).toBe(before.annotations[0]!.modified);
  });

  it('refuses a batch that breaks integrity, all or nothing', () => {
    const before = base();
    const r = applyOps(
      before,
      [
        cases['session.rename'](before),
        { op: 'link.put', link: { ...cases['link.put'](before).link, to: 'nowhere' } },
      ],
      LATER,
    );
    expect(r).toEqual({
      ok: false,
      problems: ['A link must join two annotations of this session.'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { applyOps } from '../../../shared/session/session-ops';
import type { Session } from '../../../shared/model/session';
import {
  EMPTY_SELECTION_HINT,
  deleteAnnotation,
  editAnnotation,
  guessSpeakerKind,
  linkAnnotations,
  markPassage,
  normaliseTags,
  putSpeaker,
  reattachAnnotation,
  setVerdict,
  trimRange,
} from '../../../shared/review/annotation-edits';
import { MAX_NOTE_CHARS } from '../../../shared/model/limits';
import { seedSession, spanOf } from '../../helpers/seed-session';

const NOW = '2024-05-01T12:00:00.000Z';
const CLAIM =
  'the disclosures by the US President jeopardised a critical source of intelligence on the Islamic State';
const DENIAL = 'The story is false';

function apply(s: Session, ops: Parameters<typeof applyOps>[1]): Session {
  const r = applyOps(s, ops, NOW);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.session;
}

function withTwo() {
  let s = seedSession();
  const art = s.articles[0]!;
  const a = markPassage(s, { articleId: art.id, ...spanOf(art, CLAIM), kind: 'claim' }, NOW);
  if (!a.ok) throw new Error(a.message);
  s = apply(s, a.ops);
  const b = markPassage(
    s,
    { articleId: art.id, ...spanOf(art, DENIAL), kind: 'counter-statement' },
    NOW,
  );
  if (!b.ok) throw new Error(b.message);
  s = apply(s, b.ops);
  return { s, claim: a.annotation, denial: b.annotation };
}

describe('trimRange', () => {
  it.each([
    ['  abc  ', 0, 7, { start: 2, end: 5 }],
    ['abc', 2, 0, { start: 0, end: 2 }],
    ['a \n\n b', 1, 5, null],
    ['', 0, 0, null],
  ])('%j [%i,%i)', (text, s, e, want) => {
    expect(trimRange(text, s, e)).toEqual(want);
  });
});

describe('markPassage', () => {
  it('makes an annotation whose selectors quote the text and apply cleanly', () => {
    const { s, claim } = withTwo();
    expect(claim.target.quote.exact).toBe(CLAIM);
    expect(claim.target.quote.prefix.endsWith('May 15, ')).toBe(true);
    expect(claim.reviewer).toBe('Test Reviewer');
    expect(s.annotations).toHaveLength(2);
  });

  it('leaves out whitespace at the ends of the selection', () => {
    const s = seedSession();
    const art = s.articles[0]!;
    const { start, end } = spanOf(art, DENIAL);
    const r = markPassage(
      s,
      { articleId: art.id, start16: start - 2, end16: end, kind: 'claim' },
      NOW,
    );
    // The range began with the space before the opening quotation mark.
    expect(r.ok && r.annotation.target.quote.exact).toBe(`“${DENIAL}`);
  });

  it('refuses an empty or blank selection with a hint', () => {
    const s = seedSession();
    const art = s.articles[0]!;
    const i = art.text.indexOf('\n\n');
    expect(markPassage(s, { articleId: art.id, start16: 5, end16: 5, kind: 'claim' }, NOW)).toEqual(
      { ok: false, message: EMPTY_SELECTION_HINT },
    );
    expect(
      markPassage(s, { articleId: art.id, start16: i, end16: i + 2, kind: 'claim' }, NOW).ok,
    ).toBe(false);
  });

  it('handles selections across paragraphs', () => {
    const s = seedSession();
    const art = s.articles[0]!;
    const from = spanOf(art, 'jeopardised').start;
    const to = spanOf(art, 'After the report came out').end;
    const r = markPassage(s, { articleId: art.id, start16: from, end16: to, kind: 'context' }, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.annotation.target.quote.exact).toContain('\n\n');
      expect(applyOps(s, r.ops, NOW).ok).toBe(true);
    }
  });
});

describe('editAnnotation and setVerdict', () => {
  it('sets a verdict with its rationale as one op, and undo removes both', () => {
    const { s, claim } = withTwo();
    const r = setVerdict(
      s,
      claim.id,
      { stepId: 'mostly-true', rationale: 'The denials miss the point.' },
      NOW,
    );
    expect(r.ok && r.ops).toHaveLength(1);
    if (!r.ok) return;
    const applied = applyOps(s, r.ops, NOW);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.session.annotations.find((a) => a.id === claim.id)!.verdict?.stepId).toBe(
      'mostly-true',
    );
    const undone = applyOps(applied.session, applied.inverse, NOW);
    expect(
      undone.ok && undone.session.annotations.find((a) => a.id === claim.id)!.verdict,
    ).toBeNull();
  });

  it('refuses a verdict on a counter-statement and a step not on the scale', () => {
    const { s, claim, denial } = withTwo();
    expect(setVerdict(s, denial.id, { stepId: 'false', rationale: '' }, NOW).ok).toBe(false);
    const r = setVerdict(s, claim.id, { stepId: 'pants-on-fire', rationale: '' }, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/rating scale/);
  });

  it('refuses a note over the limit, stating the limit, and keeps one at the limit whole', () => {
    const { s, claim } = withTwo();
    const over = editAnnotation(s, claim.id, { note: 'x'.repeat(MAX_NOTE_CHARS + 1) }, NOW);
    expect(over.ok).toBe(false);
    expect(!over.ok && over.message).toContain(MAX_NOTE_CHARS.toLocaleString('en'));
    const at = editAnnotation(s, claim.id, { note: 'y'.repeat(MAX_NOTE_CHARS) }, NOW);
    expect(at.ok).toBe(true);
    if (at.ok) {
      const after = apply(s, at.ops);
      expect(after.annotations.find((a) => a.id === claim.id)!.note).toHaveLength(MAX_NOTE_CHARS);
    }
  });

  it('drops the verdict when a claim becomes another kind', () => {
    const { s, claim } = withTwo();
    const v = setVerdict(s, claim.id, { stepId: 'false', rationale: 'r' }, NOW);
    const s2 = apply(s, v.ok ? v.ops : []);
    const k = editAnnotation(s2, claim.id, { kind: 'context' }, NOW);
    expect(k.ok).toBe(true);
    const s3 = apply(s2, k.ok ? k.ops : []);
    expect(s3.annotations.find((a) => a.id === claim.id)).toMatchObject({
      kind: 'context',
      verdict: null,
    });
  });

  it('normalises tags and reports no change as an empty batch', () => {
    expect(normaliseTags([' Russia ', 'russia', 'intel, sources', ''])).toEqual([
      'Russia',
      'intel',
      'sources',
    ]);
    const { s, claim } = withTwo();
    expect(editAnnotation(s, claim.id, { note: '' }, NOW)).toEqual({ ok: true, ops: [] });
  });
});

describe('links', () => {
  it('links two annotations, and refuses a self-link and a duplicate with messages', () => {
    const { s, claim, denial } = withTwo();
    const l = linkAnnotations(s, { from: denial.id, to: claim.id, relation: 'contradicts' }, NOW);
    expect(l.ok).toBe(true);
    const s2 = apply(s, l.ok ? l.ops : []);
    const self = linkAnnotations(s2, { from: claim.id, to: claim.id, relation: 'supports' }, NOW);
    expect(!self.ok && self.message).toMatch(/itself/);
    const dup = linkAnnotations(
      s2,
      { from: denial.id, to: claim.id, relation: 'contradicts' },
      NOW,
    );
    expect(!dup.ok && dup.message).toMatch(/already linked/);
    // Another relation between the same two is allowed.
    expect(
      linkAnnotations(s2, { from: denial.id, to: claim.id, relation: 'responds-to' }, NOW).ok,
    ).toBe(true);
  });

  it('treats "same claim as" as symmetric for duplicates', () => {
    const { s, claim, denial } = withTwo();
    const l = linkAnnotations(s, { from: claim.id, to: denial.id, relation: 'same-claim-as' }, NOW);
    const s2 = apply(s, l.ok ? l.ops : []);
    expect(
      linkAnnotations(s2, { from: denial.id, to: claim.id, relation: 'same-claim-as' }, NOW).ok,
    ).toBe(false);
  });

  it('deleting a linked annotation removes its links in the same batch, and undo restores them', () => {
    const { s, claim, denial } = withTwo();
    const l = linkAnnotations(s, { from: denial.id, to: claim.id, relation: 'contradicts' }, NOW);
    const s2 = apply(s, l.ok ? l.ops : []);
    const d = deleteAnnotation(s2, claim.id);
    expect(d.ok && d.linkCount).toBe(1);
    if (!d.ok) return;
    const r = applyOps(s2, d.ops, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.links).toHaveLength(0);
    expect(r.session.annotations).toHaveLength(1);
    const back = applyOps(r.session, r.inverse, NOW);
    expect(back.ok && back.session.links).toHaveLength(1);
    expect(back.ok && back.session.annotations.map((a) => a.id).sort()).toEqual(
      [claim.id, denial.id].sort(),
    );
  });
});

describe('speakers', () => {
  it('adds a speaker with a guessed kind, trimmed fields and aliases without the name itself', () => {
    const s = seedSession();
    const r = putSpeaker(s, {
      name: '  Sergey   Lavrov ',
      aliases: ['Sergei Lavrov', 'sergey lavrov'],
      role: ' Foreign Minister ',
    });
    expect(r.ok && r.speaker).toMatchObject({
      name: 'Sergey Lavrov',
      kind: 'person',
      role: 'Foreign Minister',
      aliases: ['Sergei Lavrov'],
    });
    expect(putSpeaker(s, { name: '   ' }).ok).toBe(false);
  });

  it.each([
    ['The Washington Post', 'organization'],
    ['H R McMaster', 'person'],
    ['Associated Press', 'organization'],
    ['Rex Tillerson', 'person'],
  ] as const)('guesses %s is a %s', (name, kind) => {
    expect(guessSpeakerKind(name)).toBe(kind);
  });
});

describe('reattachAnnotation', () => {
  it('gives an orphan new selectors and keeps its id, kind and links', () => {
    const { s, claim, denial } = withTwo();
    const l = linkAnnotations(s, { from: denial.id, to: claim.id, relation: 'contradicts' }, NOW);
    let s2 = apply(s, l.ok ? l.ops : []);
    const orphan = { ...claim, target: { ...claim.target, status: 'orphaned' as const } };
    s2 = apply(s2, [{ op: 'annotation.put', annotation: orphan }]);
    const art = s2.articles[0]!;
    const r = reattachAnnotation(
      s2,
      claim.id,
      { articleId: art.id, ...spanOf(art, 'a critical source of intelligence') },
      NOW,
    );
    expect(r.ok).toBe(true);
    const s3 = apply(s2, r.ok ? r.ops : []);
    const a = s3.annotations.find((x) => x.id === claim.id)!;
    expect(a.target).toMatchObject({
      status: 'anchored',
      quote: { exact: 'a critical source of intelligence' },
    });
    expect(s3.links).toHaveLength(1);
  });
});

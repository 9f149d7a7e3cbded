/**
 * The seed review of issue 3 built step by step with the pure edit functions
 * (shared/review/annotation-edits.ts), as the UI builds it: five
 * annotations, four links and a verdict. Used by unit tests of the panel
 * model and as a reference for the end-to-end scenario.
 */
import { applyOps, type SessionOp } from '../../shared/session/session-ops';
import type { Session } from '../../shared/model/session';
import type { AnnotationKind, LinkRelation } from '../../shared/model/vocabulary';
import {
  linkAnnotations,
  markPassage,
  putSpeaker,
  setVerdict,
} from '../../shared/review/annotation-edits';
import { seedSession, spanOf } from './seed-session';

export const SEED_REVIEW = {
  claim:
    'the disclosures by the US President jeopardised a critical source of intelligence on the Islamic State',
  falseStory: 'The story is false',
  noTime: 'At no time, at no time were intelligence sources or methods discussed',
  tillerson: 'US President Donald Trump did not discuss sources, methods or military operations',
  tweet:
    'I wanted to share with Russia (at an openly scheduled W.H. meeting) which I have the absolute right to do',
} as const;

const NOW = '2024-05-01T12:00:00.000Z';

/** Build the finished seed review; returns the session and the annotation ids by role. */
export function buildSeedReview(): {
  session: Session;
  ids: Record<keyof typeof SEED_REVIEW, string>;
} {
  let s = seedSession();
  const art = s.articles[0]!;
  const run = (ops: SessionOp[]) => {
    const r = applyOps(s, ops, NOW);
    if (!r.ok) throw new Error(r.problems.join('; '));
    s = r.session;
  };
  const speaker = (name: string) => {
    const found = s.speakers.find((x) => x.name === name);
    if (found) return found.id;
    const r = putSpeaker(s, { name });
    if (!r.ok) throw new Error(r.message);
    run(r.ops);
    return r.speaker.id;
  };
  const mark = (quote: string, kind: AnnotationKind, who: string) => {
    const r = markPassage(
      s,
      { articleId: art.id, ...spanOf(art, quote), kind, speakerId: speaker(who) },
      NOW,
    );
    if (!r.ok) throw new Error(r.message);
    run(r.ops);
    return r.annotation.id;
  };
  const link = (from: string, to: string, relation: LinkRelation) => {
    const r = linkAnnotations(s, { from, to, relation }, NOW);
    if (!r.ok) throw new Error(r.message);
    run(r.ops);
  };
  const ids = {
    claim: mark(SEED_REVIEW.claim, 'claim', 'The Washington Post'),
    falseStory: mark(SEED_REVIEW.falseStory, 'counter-statement', 'H R McMaster'),
    noTime: mark(SEED_REVIEW.noTime, 'counter-statement', 'H R McMaster'),
    tillerson: mark(SEED_REVIEW.tillerson, 'counter-statement', 'Rex Tillerson'),
    tweet: mark(SEED_REVIEW.tweet, 'evidence', 'Donald J. Trump'),
  };
  link(ids.falseStory, ids.claim, 'contradicts');
  link(ids.noTime, ids.claim, 'partially-addresses');
  link(ids.tillerson, ids.claim, 'partially-addresses');
  link(ids.tweet, ids.claim, 'supports');
  const v = setVerdict(
    s,
    ids.claim,
    {
      stepId: 'mostly-true',
      rationale: 'The denials address sources and methods, not what was reported.',
    },
    NOW,
  );
  if (!v.ok) throw new Error(v.message);
  run(v.ops);
  return { session: s, ids };
}

import { describe, expect, it } from 'vitest';
import { findSpeakerByName, foldName, searchSpeakers } from '../../../shared/review/speaker-search';
import type { Speaker } from '../../../shared/model/session';

const sp = (id: string, name: string, aliases: string[] = []): Speaker => ({
  id,
  name,
  kind: 'person',
  role: '',
  organisation: '',
  aliases,
});
const SPEAKERS = [
  sp('lavrov', 'Sergey Lavrov', ['Sergei Lavrov']),
  sp('kislyak', 'Sergey Kislyak', ['Sergei Kislyak']),
  sp('mcmaster', 'H R McMaster', ['H.R. McMaster', 'McMaster']),
  sp('tillerson', 'Rex Tillerson'),
  sp('zoe', 'Zoë Müller'),
];

describe('foldName', () => {
  it.each([
    ['H.R. McMaster', 'h r mcmaster'],
    ['  Zoë   Müller ', 'zoe muller'],
    ['Sergei-Lavrov', 'sergei lavrov'],
  ])('%s → %s', (a, b) => expect(foldName(a)).toBe(b));
});

describe('searchSpeakers', () => {
  it.each([
    ['sergei', ['kislyak', 'lavrov']],
    ['Sergei Lavrov', ['lavrov']],
    ['lavrov', ['lavrov']],
    ['hr mcm', []],
    ['h r mcm', ['mcmaster']],
    ['mcm', ['mcmaster']],
    ['zoe', ['zoe']],
    ['tiller', ['tillerson']],
    ['nobody', []],
  ])('%s', (q, ids) => {
    expect(searchSpeakers(SPEAKERS, q).map((m) => m.speaker.id)).toEqual(ids);
  });

  it('ranks an exact alias before a prefix match and reports what matched', () => {
    const r = searchSpeakers([sp('a', 'Sergei Lavrovsky'), ...SPEAKERS], 'sergei lavrov');
    expect(r.map((m) => m.speaker.id)).toEqual(['lavrov', 'a']);
    expect(r[0]!.matched).toBe('Sergei Lavrov');
  });

  it('lists everyone by name for an empty query', () => {
    expect(searchSpeakers(SPEAKERS, '  ').map((m) => m.speaker.id)).toEqual([
      'mcmaster',
      'tillerson',
      'kislyak',
      'lavrov',
      'zoe',
    ]);
  });

  it('finds a speaker by an alias spelled differently', () => {
    expect(findSpeakerByName(SPEAKERS, 'sergei  kislyak')?.id).toBe('kislyak');
    expect(findSpeakerByName(SPEAKERS, 'Kislyak')).toBeNull();
  });
});

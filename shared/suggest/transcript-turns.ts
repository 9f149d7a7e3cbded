/**
 * Speaker turns in transcripts: press briefings ("MS. JEAN-PIERRE: Good
 * afternoon.", "Q Thanks, Karine.", "QUESTION: …"), news conferences with
 * timestamps ("Governor Ray Calder: (00:15)" on its own line, or
 * "Karine Jean-Pierre (00:03):"), and speeches ("SENATOR WHITFIELD: Thank you!").
 *
 * A paragraph (a line of the canonical text) that starts with a turn label
 * opens a turn; the paragraphs after it belong to the same turn until the next
 * label. Labels count only once a text has at least two of them, so a news
 * article with one "NOTE:" line is not mistaken for a transcript.
 *
 * The questioner's labels (Q, QUESTION, Speaker 2, Audience, Reporter) open a
 * turn with no speaker: a reporter's question is not a statement to attribute.
 */

/** A turn label found at the start of a paragraph. UTF-16 offsets into the text. */
export interface TurnLabel {
  /** Start of the label (the paragraph's first visible character). */
  start: number;
  /** End of the label and of the white space after it: where the turn's words begin. */
  end: number;
  /** The speaker as the label writes it, in title case ("Jean-Pierre", "Dana Hollis"); null for a questioner. */
  speaker: string | null;
  /** True for Q / QUESTION / Speaker N / Audience / Reporter. */
  questioner: boolean;
}

/** The turn a paragraph belongs to. */
export interface ParagraphTurn {
  /** The label at the start of this paragraph, if any. */
  label: TurnLabel | null;
  /** The speaker of the turn this paragraph is in; null when unknown or a questioner. */
  speaker: string | null;
  questioner: boolean;
}

const HONORIFICS =
  /^(?:(?:MR|MS|MRS|MISS|DR|PROF|THE|AMB|AMBASSADOR|ADM|ADMIRAL|GEN|GENERAL|LT|COL|MAJ|CAPT|SGT|BRIG|SECRETARY|SENATOR|SEN|REP|REPRESENTATIVE|GOVERNOR|GOV|MAYOR|CHIEF|DEPUTY|UNDER|ASSISTANT|PRESIDENT|VICE|SPEAKER|LEADER|JUDGE|JUSTICE|COMMISSIONER|DIRECTOR|MINISTER|PRIME|ATTORNEY|POLICE|FIRE|PRESS)\.?\s+)+/;

/** "MS. JEAN-PIERRE:", "MAJ. GEN. DANA HOLLIS:", "THE PRESIDENT:", "QUESTION:", "Q:" — capitals, then a colon. */
const CAPS_LABEL = /^((?:[A-Z][A-Z.'’-]*\s){0,5}[A-Z][A-Z.'’-]*|Q)\s?:\s*/u;
/** "Q Thanks, Karine." — a bare Q before a capitalised word. */
const BARE_Q = /^Q\.?\s+(?=["“\p{Lu}])/u;
/** "Governor Ray Calder: (00:15)" or "Karine Jean-Pierre (00:03):" — a name and a timestamp. */
const TIMED_LABEL =
  /^((?:[\p{Lu}][\p{L}.'’-]*|of|the|de|van|von)(?:\s(?:[\p{Lu}][\p{L}.'’-]*|of|the|de|van|von|\d{1,2})){0,5})\s?(?::\s?\(\d{1,2}:\d{2}(?::\d{2})?\)|\(\d{1,2}:\d{2}(?::\d{2})?\):)\s*/u;

const QUESTIONER =
  /^(?:Q|QUESTION|QUESTIONS|REPORTER|AUDIENCE|AUDIENCE MEMBER|SPEAKER \d+|PARTICIPANT|MODERATOR|OPERATOR)$/i;
/** Capitalised words that end a sentence-initial phrase but are no speaker label ("NOTE:", "UPDATE:"). */
const NOT_A_SPEAKER =
  /^(?:NOTE|UPDATE|EDITOR'?S NOTE|CORRECTION|WATCH|READ MORE|RELATED|PHOTO|VIDEO|SOURCE|END|TRANSCRIPT|WASHINGTON|BREAKING)$/i;

/** Title case for an all-capitals name: "JEAN-PIERRE" → "Jean-Pierre", "MCMASTER" → "McMaster", "O'NEIL" → "O'Neil". */
export function titleCaseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/\bMc(\p{L})/gu, (_, c: string) => `Mc${c.toUpperCase()}`);
}

/** The label at the start of `text[start, end)` (one paragraph), or null. */
export function turnLabelAt(text: string, start: number, end: number): TurnLabel | null {
  let s = start;
  while (s < end && /\s/u.test(text[s]!)) s++;
  const line = text.slice(s, Math.min(end, s + 120));
  const timed = TIMED_LABEL.exec(line);
  if (timed) return makeLabel(s, timed[0].length, timed[1]!);
  const q = BARE_Q.exec(line);
  if (q) return { start: s, end: s + q[0].length, speaker: null, questioner: true };
  const caps = CAPS_LABEL.exec(line);
  if (caps) {
    const raw = caps[1]!.trim();
    if (NOT_A_SPEAKER.test(raw.replace(/\.$/, ''))) return null;
    // A lone capital word of one or two letters other than Q is an initial, not a label.
    if (raw !== 'Q' && raw.replace(/[^A-Z]/g, '').length < 2) return null;
    return makeLabel(s, caps[0].length, raw);
  }
  return null;
}

function makeLabel(start: number, length: number, raw: string): TurnLabel {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (QUESTIONER.test(name)) return { start, end: start + length, speaker: null, questioner: true };
  const isCaps = name === name.toUpperCase();
  const stripped = isCaps ? name.replace(HONORIFICS, '') : name;
  const core = stripped || name;
  const speaker = isCaps ? titleCaseName(core) : core;
  return { start, end: start + length, speaker: speaker.replace(/\.$/, ''), questioner: false };
}

/**
 * The turn of each paragraph, given the paragraphs as UTF-16 ranges in order.
 * When fewer than two paragraphs carry a label, no paragraph is in a turn.
 */
export function paragraphTurns(
  text: string,
  paragraphs: ReadonlyArray<{ start: number; end: number }>,
): ParagraphTurn[] {
  const labels = paragraphs.map((p) => turnLabelAt(text, p.start, p.end));
  const count = labels.reduce((n, l) => n + (l ? 1 : 0), 0);
  const out: ParagraphTurn[] = [];
  let speaker: string | null = null;
  let questioner = false;
  for (const label of labels) {
    if (count < 2) {
      out.push({ label: null, speaker: null, questioner: false });
      continue;
    }
    if (label) {
      speaker = label.speaker;
      questioner = label.questioner;
    }
    out.push({ label, speaker, questioner });
  }
  return out;
}

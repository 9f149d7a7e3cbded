/**
 * The session view's commands (renderer/ui/session/session-commands.ts) over
 * a recording context: what each command reads and what it asks the view to
 * do, without a browser.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/model/session';
import { createSession } from '../../../shared/model/session';
import type { TextSpan } from '../../../renderer/editor/article-editor';
import type { ReviewCommand } from '../../../renderer/editor/shortcuts';
import {
  describeAt,
  globalShortcut,
  runCommand,
  stepAnnotation,
  type CommandContext,
  type CommandEditor,
} from '../../../renderer/ui/session/session-commands';
import type { Overlay } from '../../../renderer/ui/session/session-overlays';
import { articleFromText } from '../../helpers/seed-session';
import { makeAnnotation } from '../../helpers/session-fixtures';

const TEXT = 'Alpha said one thing. Beta said “the sky is green” today. Gamma agreed.\n';

/** A session with three annotations: a claim over "Alpha…", evidence over "Beta…", context over "Gamma…". */
function fixture(): Session {
  const article = articleFromText(TEXT, 'a1');
  const s = createSession('S', [article], 'Tester');
  const at = (quote: string) => article.text.indexOf(quote); // ASCII before each quote: UTF-16 = code points
  s.speakers = [
    { id: 'sp1', name: 'Ann', kind: 'person', role: '', organisation: '', aliases: [] },
  ];
  s.annotations = [
    makeAnnotation(article, at('Alpha'), at('Alpha') + 5, { id: 'c1', kind: 'claim' }),
    makeAnnotation(article, at('Beta'), at('Beta') + 4, { id: 'e1', kind: 'evidence' }),
    makeAnnotation(article, at('Gamma'), at('Gamma') + 5, { id: 'x1', kind: 'context' }),
  ];
  s.annotations[0] = { ...s.annotations[0]!, speakerId: 'sp1' };
  return s;
}

interface Recorder {
  ctx: CommandContext;
  log: string[];
  editor: FakeEditor;
}

interface FakeEditor extends CommandEditor {
  caret: number;
  atCaret: string[];
  order: string[];
  selection: TextSpan | null;
}

function fakeEditor(session: Session, log: string[]): FakeEditor {
  return {
    article: session.articles[0]!,
    caret: 0,
    atCaret: [],
    order: ['c1', 'e1', 'x1'],
    selection: null,
    caretOffset() {
      return this.caret;
    },
    selectSpan(span) {
      log.push(`select ${TEXT.slice(span.start, span.end)}`);
    },
    selectedSpan() {
      return this.selection;
    },
    annotationsAtCaret() {
      return this.atCaret;
    },
    annotationOrder() {
      return this.order;
    },
    reveal(id) {
      log.push(`reveal ${id}`);
      return true;
    },
  };
}

function recorder(over: Partial<CommandContext> = {}, withEditor = true): Recorder {
  const log: string[] = [];
  const session = fixture();
  const editor = fakeEditor(session, log);
  const ctx: CommandContext = {
    editor: withEditor ? editor : null,
    session,
    readOnly: false,
    lockedReason: 'Locked.',
    activeId: null,
    reattachId: null,
    overlay: null,
    findOpen: false,
    caretPoint: () => ({ x: 7, y: 9 }),
    hint: (t) => log.push(`hint ${t}`),
    mark: (kind) => (log.push(`mark ${kind}`), { id: 'new1' }),
    activate: (id) => log.push(`activate ${id}`),
    requestFocus: (target, id) => log.push(`focus ${target} ${id}`),
    reattach: () => log.push('reattach'),
    askDelete: (id) => log.push(`delete ${id}`),
    setOverlay: (o: Overlay) => log.push(`overlay ${JSON.stringify(o)}`),
    cancelReattach: () => log.push('cancel-reattach'),
    openFind: () => log.push('find'),
    closeFind: () => log.push('close-find'),
    closeAnnotation: () => log.push('close-annotation'),
    undo: () => ({ ok: true, label: 'Mark claim' }),
    redo: () => ({ ok: false, message: 'Nothing to redo.' }),
    ...over,
  };
  return { ctx, log, editor };
}

describe('runCommand', () => {
  it('marks the selection, opens the new annotation and asks for its speaker', () => {
    const r = recorder();
    expect(runCommand('mark-evidence', r.ctx)).toBe(true);
    expect(r.log).toEqual(['mark evidence', 'activate new1', 'focus speaker new1']);
  });

  it('marks nothing in a read-only session and says why', () => {
    const r = recorder({ readOnly: true });
    expect(runCommand('mark-claim', r.ctx)).toBe(true);
    expect(r.log).toEqual(['hint Locked.']);
  });

  it('opens nothing when marking was refused', () => {
    const r = recorder({ mark: () => null });
    expect(runCommand('mark-context', r.ctx)).toBe(true);
    expect(r.log).toEqual([]);
  });

  it('selects the sentence or the quotation around the caret, or says there is none', () => {
    const r = recorder();
    r.editor.caret = TEXT.indexOf('sky');
    runCommand('select-sentence', r.ctx);
    runCommand('select-quotation', r.ctx);
    r.editor.caret = 3;
    runCommand('select-quotation', r.ctx);
    expect(r.log).toEqual([
      'select Beta said “the sky is green” today.',
      'select the sky is green',
      'hint The caret is not inside a quotation.',
    ]);
  });

  it('leaves the article commands alone when no article is shown', () => {
    const r = recorder({}, false);
    const article: ReviewCommand[] = [
      'select-sentence',
      'select-quotation',
      'open-annotation',
      'next-annotation',
      'previous-annotation',
      'context-menu',
    ];
    for (const cmd of article) expect(runCommand(cmd, r.ctx)).toBe(false);
    expect(r.log).toEqual([]);
  });

  it('opens the one annotation at the caret, or offers a choice where several overlap', () => {
    const r = recorder();
    runCommand('open-annotation', r.ctx);
    r.editor.atCaret = ['e1'];
    runCommand('open-annotation', r.ctx);
    r.editor.atCaret = ['e1', 'c1'];
    runCommand('open-annotation', r.ctx);
    expect(r.log).toEqual([
      'hint There is no annotation at the caret. Select text and press 1–4 to mark it.',
      'activate e1',
      'overlay {"type":"chooser","ids":["e1","c1"],"point":{"x":7,"y":9}}',
    ]);
  });

  it('re-attaches on Enter while re-attaching with a selection, and only then', () => {
    const r = recorder({ reattachId: 'c1' });
    r.editor.atCaret = ['e1'];
    runCommand('open-annotation', r.ctx);
    r.editor.selection = { start: 0, end: 5 };
    runCommand('open-annotation', r.ctx);
    expect(r.log).toEqual(['activate e1', 'reattach']);
  });

  it('links from the open annotation, else from the one at the caret', () => {
    const r = recorder();
    runCommand('link', r.ctx);
    r.editor.atCaret = ['x1', 'c1'];
    runCommand('link', r.ctx);
    r.ctx.activeId = 'e1';
    runCommand('link', r.ctx);
    r.ctx.readOnly = true;
    runCommand('link', r.ctx);
    expect(r.log).toEqual([
      'hint Open an annotation first (put the caret in a highlight and press Enter), then press L to link it.',
      'overlay {"type":"link","fromId":"x1"}',
      'overlay {"type":"link","fromId":"e1"}',
      'hint Locked.',
    ]);
  });

  it('asks for the verdict only of a claim', () => {
    const r = recorder({ activeId: 'e1' });
    runCommand('verdict', r.ctx);
    r.ctx.activeId = 'c1';
    runCommand('verdict', r.ctx);
    expect(r.log).toEqual([
      'hint Verdicts belong to claims: open a claim, then press V.',
      'activate c1',
      'focus verdict c1',
    ]);
  });

  it('deletes the annotation at the caret (never in a read-only session)', () => {
    const r = recorder();
    runCommand('delete-annotation', r.ctx);
    r.editor.atCaret = ['e1'];
    runCommand('delete-annotation', r.ctx);
    r.ctx.readOnly = true;
    expect(runCommand('delete-annotation', r.ctx)).toBe(true);
    expect(r.log).toEqual(['hint There is no annotation at the caret to delete.', 'delete e1']);
  });

  it('steps to the next and previous annotation from the open one, wrapping', () => {
    const r = recorder({ activeId: 'x1' });
    runCommand('next-annotation', r.ctx);
    r.ctx.activeId = 'c1';
    runCommand('previous-annotation', r.ctx);
    expect(r.log).toEqual(['reveal c1', 'activate c1', 'reveal x1', 'activate x1']);
  });

  it('steps from the caret when no annotation is open', () => {
    const r = recorder();
    r.editor.caret = TEXT.indexOf('said one'); // inside the claim, before "Beta"
    runCommand('next-annotation', r.ctx);
    runCommand('previous-annotation', r.ctx);
    r.editor.order = [];
    runCommand('next-annotation', r.ctx);
    expect(r.log).toEqual([
      'reveal e1',
      'activate e1',
      'reveal c1',
      'activate c1',
      'hint This article has no annotations yet.',
    ]);
  });

  it('opens go-to, find, help and the context menu', () => {
    const r = recorder();
    r.editor.atCaret = ['c1'];
    for (const cmd of ['goto', 'find', 'help', 'context-menu'] as const)
      expect(runCommand(cmd, r.ctx)).toBe(true);
    expect(r.log).toEqual([
      'overlay {"type":"goto"}',
      'find',
      'overlay {"type":"help"}',
      'overlay {"type":"context","ids":["c1"],"point":{"x":7,"y":9}}',
    ]);
  });

  it('closes one thing per Escape: overlay, then re-attaching, then find, then the annotation', () => {
    const cases: [Partial<CommandContext>, string | null][] = [
      [
        { overlay: { type: 'help' }, reattachId: 'c1', findOpen: true, activeId: 'c1' },
        'overlay null',
      ],
      [{ reattachId: 'c1', findOpen: true, activeId: 'c1' }, 'cancel-reattach'],
      [{ findOpen: true, activeId: 'c1' }, 'close-find'],
      [{ activeId: 'c1' }, 'close-annotation'],
      [{}, null],
    ];
    for (const [state, expected] of cases) {
      const r = recorder(state);
      expect(runCommand('escape', r.ctx)).toBe(expected !== null);
      expect(r.log).toEqual(expected ? [expected] : []);
    }
  });

  it('says what was undone, or why nothing was redone', () => {
    const r = recorder();
    runCommand('undo', r.ctx);
    runCommand('redo', r.ctx);
    expect(r.log).toEqual(['hint Undone: Mark claim.', 'hint Nothing to redo.']);
  });
});

describe('stepAnnotation', () => {
  const order = ['a', 'b', 'c'];
  const starts = () => [10, 20, 30];
  it.each([
    ['a', 0, 1, 'b'],
    ['c', 0, 1, 'a'],
    ['a', 0, -1, 'c'],
    [null, 15, 1, 'b'],
    [null, 20, 1, 'c'],
    [null, 35, 1, 'a'],
    [null, 5, 1, 'a'],
    [null, 25, -1, 'b'],
    [null, 20, -1, 'a'],
    [null, 5, -1, 'c'],
    [null, 35, -1, 'c'],
    ['gone', 15, 1, 'b'],
  ] as const)('from %s at caret %i, direction %i: %s', (active, caret, dir, expected) => {
    expect(stepAnnotation(order, active, starts, caret, dir)).toBe(expected);
  });

  it('asks for the start offsets only when the caret decides', () => {
    let asked = 0;
    stepAnnotation(order, 'b', () => (asked++, [10, 20, 30]), 0, 1);
    expect(asked).toBe(0);
  });
});

describe('globalShortcut', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods,
    }) as KeyboardEvent;

  it('maps window keys to their commands', () => {
    expect(globalShortcut(key('f', { ctrlKey: true }), false)).toBe('find');
    expect(globalShortcut(key('/'), false)).toBe('find');
    expect(globalShortcut(key('?', { shiftKey: true }), false)).toBe('help');
    expect(globalShortcut(key('Escape'), false)).toBe('escape');
    expect(globalShortcut(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(globalShortcut(key('z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(globalShortcut(key('1'), false)).toBeNull();
  });

  it('leaves a text field its own undo, redo, Escape, ? and /', () => {
    for (const e of [
      key('z', { ctrlKey: true }),
      key('y', { ctrlKey: true }),
      key('Escape'),
      key('?', { shiftKey: true }),
      key('/'),
    ])
      expect(globalShortcut(e, true)).toBeNull();
    expect(globalShortcut(key('f', { ctrlKey: true }), true)).toBe('find');
    expect(globalShortcut(key('F1'), true)).toBe('help');
  });
});

describe('describeAt', () => {
  it('names the kinds and speakers at the caret, innermost first', () => {
    const s = fixture();
    expect(describeAt(s, ['c1', 'x1'])).toBe(
      'In Claim by Ann, inside Context. Press Enter to open.',
    );
    expect(describeAt(s, ['missing'])).toBe('');
    expect(describeAt(s, [])).toBe('');
  });
});

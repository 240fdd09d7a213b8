// @vitest-environment jsdom
/** Waiting for a field that comes late: it is found when it shows, given up on in time or when the user moves on. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenShown } from '../../src/ui/whenShown';

describe('whenShown', () => {
  let now = 0;
  let frames: FrameRequestCallback[] = [];
  const frame = (ms = 16) => {
    now += ms;
    const due = frames;
    frames = [];
    for (const f of due) f(now);
  };
  beforeEach(() => {
    now = 0;
    frames = [];
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    document.body.innerHTML = '<button id="other">Other</button>';
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('finds the element when it shows, seconds later', () => {
    const fn = vi.fn();
    whenShown(() => document.querySelector('#late'), fn);
    for (let i = 0; i < 150; i++) frame();
    expect(fn).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', '<input id="late">');
    frame();
    expect(fn).toHaveBeenCalledWith(document.querySelector('#late'));
  });

  it('gives up after its time', () => {
    const fn = vi.fn();
    whenShown(() => document.querySelector('#late'), fn, 1000);
    for (let i = 0; i < 70; i++) frame();
    document.body.insertAdjacentHTML('beforeend', '<input id="late">');
    frame();
    frame();
    expect(fn).not.toHaveBeenCalled();
    expect(frames).toHaveLength(0);
  });

  it('gives up when the user puts the focus somewhere else meanwhile', () => {
    const fn = vi.fn();
    whenShown(() => document.querySelector('#late'), fn);
    frame();
    (document.querySelector('#other') as HTMLElement).focus();
    frame();
    document.body.insertAdjacentHTML('beforeend', '<input id="late">');
    frame();
    expect(fn).not.toHaveBeenCalled();
  });
});

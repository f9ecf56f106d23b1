/**
 * The exercise clock: where in the timeline we are, driven by wall-clock deltas so a
 * throttled timer never stretches an exercise, and by fake clocks in tests.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import type { Segment } from './catalogue';
import { now } from '../../lib/clock';

export type Status = 'ready' | 'playing' | 'paused' | 'done';

export interface PlayerState {
  status: Status;
  index: number;
  /** Milliseconds into the current segment. */
  inSegment: number;
  /** Milliseconds actually played (pauses and skipped parts excluded). */
  played: number;
}

export interface Player extends PlayerState {
  start: () => void;
  pause: () => void;
  resume: () => void;
  skip: () => void;
  /** Stop early; returns the seconds played. */
  stop: () => number;
}

const TICK_MS = 200;

export function usePlayer(
  segments: Segment[],
  onSegment: (segment: Segment) => void,
  onDone: (playedMs: number) => void,
): Player {
  const [state, setState] = useState<PlayerState>({ status: 'ready', index: 0, inSegment: 0, played: 0 });
  const live = useRef(state);
  const last = useRef(0);
  const callbacks = useRef({ onSegment, onDone });
  callbacks.current = { onSegment, onDone };

  const commit = (next: PlayerState) => {
    live.current = next;
    setState(next);
  };

  const enter = (index: number, base: PlayerState): PlayerState => {
    if (index >= segments.length) {
      // Time actually spent: skipping through a part does not count it as practised.
      callbacks.current.onDone(base.played);
      return { ...base, status: 'done', index: segments.length - 1, inSegment: 0 };
    }
    callbacks.current.onSegment(segments[index]!);
    return { ...base, index, inSegment: 0 };
  };

  useEffect(() => {
    if (state.status !== 'playing') return undefined;
    last.current = now();
    const timer = window.setInterval(() => {
      const at = now();
      let delta = at - last.current;
      last.current = at;
      let next = { ...live.current, played: live.current.played + delta };
      while (delta > 0 && next.status === 'playing') {
        const left = segments[next.index]!.seconds * 1000 - next.inSegment;
        if (delta < left) {
          next = { ...next, inSegment: next.inSegment + delta };
          delta = 0;
        } else {
          delta -= left;
          next = enter(next.index + 1, next);
        }
      }
      commit(next);
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [state.status, segments]);

  return {
    ...state,
    start: () => commit(enter(0, { status: 'playing', index: 0, inSegment: 0, played: 0 })),
    pause: () => commit({ ...live.current, status: 'paused' }),
    resume: () => commit({ ...live.current, status: 'playing' }),
    skip: () => commit(enter(live.current.index + 1, live.current)),
    stop: () => {
      const seconds = Math.round(live.current.played / 1000);
      commit({ status: 'ready', index: 0, inSegment: 0, played: 0 });
      return seconds;
    },
  };
}

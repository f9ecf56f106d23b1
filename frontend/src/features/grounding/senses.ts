/**
 * Optional haptics and soft tones (made with Web Audio, no audio files), and keeping the
 * screen awake while an exercise plays. Each degrades quietly where a phone lacks it.
 */
import { useEffect } from 'preact/hooks';

import type { Phase } from './catalogue';

export function vibrate(pattern: number[] | undefined): void {
  if (pattern && typeof navigator.vibrate === 'function') navigator.vibrate(pattern);
}

const PITCH: Record<Phase | 'step', number> = { in: 392, out: 330, hold: 0, step: 440 };

/** Soft sine tones; the AudioContext is made on the first tap (browsers require one). */
export class Tones {
  private context: AudioContext | null = null;

  unlock(): void {
    if (this.context === null && typeof AudioContext !== 'undefined') this.context = new AudioContext();
    void this.context?.resume();
  }

  play(phase: Phase | null): void {
    const frequency = PITCH[phase ?? 'step'];
    const context = this.context;
    if (!context || frequency === 0) return;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const now = context.currentTime;
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(0.06, now + 0.15);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.9);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(now);
    oscillator.stop(now + 1);
  }

  close(): void {
    void this.context?.close();
    this.context = null;
  }
}

/** Hold a screen wake lock while ``active`` (and take it again after the app is hidden). */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return undefined;
    let lock: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock
        .request('screen')
        .then((sentinel) => {
          if (cancelled) void sentinel.release();
          else lock = sentinel;
        })
        .catch(() => undefined);
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release();
    };
  }, [active]);
}

/** Whether the person asked for reduced motion (and follow changes while open). */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

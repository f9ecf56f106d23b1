/**
 * Insights from the check-ins on this phone (the same definitions as the server's
 * /api/checkins/insights): averages by day, by context and by hard-event tag, the body
 * signals that come up most, and plain-words patterns. Below MINIMUM check-ins, say so.
 */
import { addDays, daysFrom } from '../../lib/dates';
import type { LocalCheckin } from '../../lib/store';
import { CONTEXTS, type ScaleName, markLabel } from './scales';

export const MINIMUM = 3;
const SCORES: ScaleName[] = ['mood', 'energy', 'stress', 'connected'];

export type Averages = Record<ScaleName, number> & { count: number };

export interface InsightData {
  days: number;
  start: string;
  end: string;
  count: number;
  enough: boolean;
  overall: Averages | null;
  series: (Averages & { date: string })[];
  byContext: (Averages & { context: string })[];
  bodySignals: { value: string; count: number }[];
  byTag: (Averages & { tag: string })[];
  untagged: Averages | null;
}

function average(items: LocalCheckin[]): Averages {
  const result = { count: items.length } as Averages;
  for (const score of SCORES) {
    result[score] = Math.round((items.reduce((sum, item) => sum + item[score], 0) / items.length) * 100) / 100;
  }
  return result;
}

function groupBy<K>(items: LocalCheckin[], key: (item: LocalCheckin) => K): Map<K, LocalCheckin[]> {
  const groups = new Map<K, LocalCheckin[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function computeInsights(all: LocalCheckin[], days: number, end: string): InsightData {
  const start = addDays(end, -(days - 1));
  const inWindow = all.filter((c) => c.local_date >= start && c.local_date <= end);
  const series = [...groupBy(inWindow, (c) => c.local_date)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, items]) => ({ date, ...average(items) }));
  const byContext = [...groupBy(inWindow, (c) => c.context ?? 'unspecified')].map(([context, items]) => ({
    context,
    ...average(items),
  }));
  const signalCounts = new Map<string, number>();
  for (const c of inWindow)
    for (const s of new Set(c.body_signals)) signalCounts.set(s, (signalCounts.get(s) ?? 0) + 1);
  const bodySignals = [...signalCounts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);
  const tags = new Set(inWindow.flatMap((c) => c.tags));
  const byTag = [...tags]
    .map((tag) => ({ tag, ...average(inWindow.filter((c) => c.tags.includes(tag))) }))
    .sort((a, b) => b.count - a.count);
  const untaggedItems = inWindow.filter((c) => c.tags.length === 0);
  return {
    days,
    start,
    end,
    count: inWindow.length,
    enough: inWindow.length >= MINIMUM,
    overall: inWindow.length ? average(inWindow) : null,
    series,
    byContext,
    bodySignals,
    byTag,
    untagged: untaggedItems.length ? average(untaggedItems) : null,
  };
}

const contextWords = (context: string) =>
  CONTEXTS.find((c) => c.value === context)?.label.toLowerCase() ?? 'other times';

/** One sentence per scale: the average, and which way it went from the first to the second half. */
export function trendSentence(data: InsightData, scale: ScaleName, label: string): string {
  const points = data.series;
  if (!points.length || !data.overall) return `No ${label.toLowerCase()} recorded in the last ${data.days} days.`;
  const middle = addDays(data.start, Math.floor(data.days / 2));
  const early = points.filter((p) => p.date < middle);
  const late = points.filter((p) => p.date >= middle);
  const mean = (xs: typeof points) => xs.reduce((sum, p) => sum + p[scale], 0) / xs.length;
  let trend = '';
  if (early.length && late.length) {
    const change = mean(late) - mean(early);
    trend =
      Math.abs(change) < 0.25
        ? ', fairly steady'
        : change > 0
          ? `, rising from ${mean(early).toFixed(1)} to ${mean(late).toFixed(1)}`
          : `, falling from ${mean(early).toFixed(1)} to ${mean(late).toFixed(1)}`;
  }
  const values = points.map((p) => p[scale]);
  return `${label} averaged ${data.overall[scale].toFixed(1)} out of 5 over the last ${data.days} days${trend} (lowest ${Math.min(...values).toFixed(1)}, highest ${Math.max(...values).toFixed(1)}).`;
}

/** Simple, honest patterns, only where there is enough to compare. */
export function patterns(data: InsightData): string[] {
  const found: string[] = [];
  const contexts = data.byContext.filter((c) => c.count >= 2 && c.context !== 'unspecified');
  if (contexts.length >= 2) {
    const lowest = contexts.reduce((a, b) => (a.energy <= b.energy ? a : b));
    const highest = contexts.reduce((a, b) => (a.energy >= b.energy ? a : b));
    if (highest.energy - lowest.energy >= 0.5) {
      found.push(
        `Energy is lower ${contextWords(lowest.context)} (${lowest.energy.toFixed(1)}) than ${contextWords(highest.context)} (${highest.energy.toFixed(1)}).`,
      );
    }
  }
  for (const tag of data.byTag.filter((t) => t.count >= 2)) {
    if (data.untagged && data.untagged.count >= 2 && data.untagged.mood - tag.mood >= 0.5) {
      found.push(
        `On days with “${markLabel(tag.tag).toLowerCase()}”, mood averaged ${tag.mood.toFixed(1)}, compared with ${data.untagged.mood.toFixed(1)} on other days. Hard days take something out of you; that's human.`,
      );
    }
  }
  const top = data.bodySignals[0];
  if (top && top.count >= 2)
    found.push(`${markLabel(top.value)} came up ${top.count} times. Your body may be telling you something.`);
  return found;
}

export function windowDays(data: InsightData): string[] {
  return daysFrom(data.start, data.end);
}

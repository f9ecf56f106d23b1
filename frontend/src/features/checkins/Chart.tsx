/** A small inline SVG line chart of one scale over the window, described in words too. */
import type { JSX } from 'preact';

import type { InsightData } from './insights';
import { windowDays } from './insights';
import type { ScaleName } from './scales';

const WIDTH = 320;
const HEIGHT = 96;
const PAD = 8;

export function Chart({ data, scale, label, summary }: { data: InsightData; scale: ScaleName; label: string; summary: string }): JSX.Element {
  const days = windowDays(data);
  const byDay = new Map(data.series.map((point) => [point.date, point[scale]]));
  const x = (index: number) => PAD + (index * (WIDTH - 2 * PAD)) / Math.max(1, days.length - 1);
  const y = (value: number) => HEIGHT - PAD - ((value - 1) * (HEIGHT - 2 * PAD)) / 4;
  const points = days.flatMap((day, index) => (byDay.has(day) ? [[x(index), y(byDay.get(day)!)] as const] : []));
  const id = `chart-${scale}-${data.days}`;
  return (
    <figure class="chart" data-testid={`chart-${scale}`}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="none">
        <title id={`${id}-title`}>{`${label}, last ${data.days} days`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[1, 3, 5].map((level) => (
          <line key={level} class="grid" x1={PAD} x2={WIDTH - PAD} y1={y(level)} y2={y(level)} />
        ))}
        {points.length > 1 && <polyline class="line" points={points.map(([px, py]) => `${px},${py}`).join(' ')} />}
        {points.map(([px, py]) => (
          <circle key={`${px}`} class="dot" cx={px} cy={py} r={3} />
        ))}
      </svg>
      <figcaption>
        <strong>{label}.</strong> <span data-testid={`summary-${scale}`}>{summary}</span>
      </figcaption>
    </figure>
  );
}

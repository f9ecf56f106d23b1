/**
 * A small SVG line chart of one scale over the window, with its axes (1 to 5, and the first,
 * middle and last day) and the same trend said in words beside it.
 */
import type { JSX } from 'preact';

import { shortDay } from '../../lib/dates';
import type { InsightData } from './insights';
import { windowDays } from './insights';
import type { ScaleName } from './scales';

const WIDTH = 320;
const HEIGHT = 132;
const LEFT = 26;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 26;

export function Chart({
  data,
  scale,
  label,
  summary,
}: {
  data: InsightData;
  scale: ScaleName;
  label: string;
  summary: string;
}): JSX.Element {
  const days = windowDays(data);
  const byDay = new Map(data.series.map((point) => [point.date, point[scale]]));
  const x = (index: number) => LEFT + (index * (WIDTH - LEFT - RIGHT)) / Math.max(1, days.length - 1);
  const y = (value: number) => HEIGHT - BOTTOM - ((value - 1) * (HEIGHT - TOP - BOTTOM)) / 4;
  const points = days.flatMap((day, index) => (byDay.has(day) ? [[x(index), y(byDay.get(day)!)] as const] : []));
  const ticks = [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])];
  const id = `chart-${scale}-${data.days}`;
  return (
    <figure class="chart" data-testid={`chart-${scale}`}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title
          id={`${id}-title`}
        >{`${label}, ${shortDay(days[0]!)} to ${shortDay(days[days.length - 1]!)}, from 1 (low) to 5 (high)`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[1, 2, 3, 4, 5].map((level) => (
          <g key={level}>
            <line class="grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(level)} y2={y(level)} />
            <text class="axis" x={LEFT - 8} y={y(level) + 4} text-anchor="end">
              {level}
            </text>
          </g>
        ))}
        <line class="axis-line" x1={LEFT} x2={LEFT} y1={TOP} y2={HEIGHT - BOTTOM} />
        {ticks.map((index) => (
          <text
            key={index}
            class="axis"
            x={x(index)}
            y={HEIGHT - 6}
            text-anchor={index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'middle'}
            data-testid="chart-date"
          >
            {shortDay(days[index]!)}
          </text>
        ))}
        {points.length > 1 && <polyline class="line" points={points.map(([px, py]) => `${px},${py}`).join(' ')} />}
        {points.map(([px, py]) => (
          <circle key={`${px}`} class="dot" cx={px} cy={py} r={3} />
        ))}
      </svg>
      <figcaption>
        <strong>{label}</strong> <span class="hint">(1 low, 5 high)</span>{' '}
        <span data-testid={`summary-${scale}`}>{summary}</span>
      </figcaption>
    </figure>
  );
}

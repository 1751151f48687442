// charts.js: the dashboard's charts (ECharts, loaded on first use). They draw the figures the API gives
// and compute nothing of their own. Tooltips are built as DOM nodes with text (ECharts' own tooltip HTML
// carries inline styles, which the Content-Security-Policy refuses, and data must never become HTML).

import { h } from './dom.js';
import { t } from './i18n.js';
import { nhmrText } from './format.js';

let echartsPromise = null;
function load() {
  if (!echartsPromise) echartsPromise = import('./echarts-lib.js');
  return echartsPromise;
}

export const COLORS = {
  poor: '#c8372d',
  returned: '#d98a0b',
  exited_supported: '#2e8b57',
  exited_unsupported: '#93c7a4',
  removed: '#9aa5b1',
  cancelled: '#c3cad2',
  brand: '#1f5fa6',
};

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const live = new Set();

// Dispose every chart (when a screen is replaced).
export function disposeCharts() {
  for (const c of live) c.dispose();
  live.clear();
}

async function make(el, option) {
  const echarts = await load();
  if (!el.isConnected) return null;
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({ textStyle: { fontFamily: FONT, color: '#3e4c59' }, animationDuration: 400, ...option });
  live.add(chart);
  const ro = new ResizeObserver(() => chart.resize());
  ro.observe(el);
  const origDispose = chart.dispose.bind(chart);
  chart.dispose = () => {
    ro.disconnect();
    origDispose();
  };
  return chart;
}

function tip(title, lines) {
  return h(
    'div',
    { class: 'chart-tip' },
    h('div', { class: 'chart-tip-title' }, title),
    lines.map(([color, name, value]) =>
      h('div', { class: 'chart-tip-row' }, h('span', { class: 'chart-tip-dot', style: { background: color } }), h('span', { class: 'chart-tip-name' }, name), h('span', { class: 'chart-tip-val' }, value)),
    ),
  );
}

const tooltipBase = {
  className: 'chart-tooltip',
  backgroundColor: '#fff',
  borderColor: '#d9dee4',
  borderWidth: 1,
  padding: 0,
  extraCssText: '',
  textStyle: { fontFamily: FONT },
};

const GROUPS = ['poor', 'returned', 'exited_supported', 'exited_unsupported'];
export const groupLabel = (g) =>
  ({ poor: t('未脱贫'), returned: t('返贫'), exited_supported: t('已脱贫享受政策'), exited_unsupported: t('已脱贫不享受政策'), registered: t('建档立卡') })[g];

// points: [{label, stats}] (stats = totals of /api/stats); unit 'households' | 'persons'.
export function trendChart(el, points, unit) {
  return make(el, {
    grid: { left: 8, right: 12, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, icon: 'roundRect', textStyle: { color: '#52606d' } },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(31,95,166,0.06)' } },
      formatter: (ps) => {
        const i = ps[0].dataIndex;
        const p = points[i];
        return tip(
          p.title,
          [['#1f2933', t('建档立卡'), nhmrText(p.stats.registered)]].concat(GROUPS.map((g) => [COLORS[g], groupLabel(g), nhmrText(p.stats[g])])),
        );
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisTick: { show: false }, axisLine: { lineStyle: { color: '#cbd2d9' } }, axisLabel: { color: '#52606d' } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef1f4' } }, axisLabel: { color: '#7b8794' } },
    series: GROUPS.map((g) => ({
      name: groupLabel(g),
      type: 'bar',
      stack: 'registered',
      barMaxWidth: 36,
      itemStyle: { color: COLORS[g] },
      emphasis: { focus: 'series' },
      data: points.map((p) => p.stats[g][unit]),
    })),
  });
}

// The registered households on the day, by status (a ring).
export function compositionChart(el, totals, unit) {
  const data = GROUPS.map((g) => ({ name: groupLabel(g), value: totals[g][unit], itemStyle: { color: COLORS[g] }, g }));
  return make(el, {
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p) => tip(p.name, [[COLORS[p.data.g], t('户数与人数'), nhmrText(totals[p.data.g])]]),
    },
    legend: { bottom: 0, left: 'center', itemWidth: 12, itemHeight: 12, itemGap: 14, icon: 'roundRect', textStyle: { color: '#52606d' } },
    series: [
      {
        type: 'pie',
        radius: ['48%', '74%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data,
      },
    ],
  });
}

// Rows of /api/stats?by=cause|attribute: registered households (or persons) per row, labelled "N户M人".
export function breakdownChart(el, rows, unit, color) {
  const shown = rows.filter((r) => r.registered.households > 0 || r.registered.persons > 0).reverse();
  // room on the right for the longest "N户M人" label
  const longest = Math.max(...shown.map((r) => nhmrText(r.registered).length), 4);
  return make(el, {
    grid: { left: 4, right: Math.round(longest * 8.5) + 10, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p) => {
        const r = shown[p.dataIndex];
        return tip(r.name, GROUPS.map((g) => [COLORS[g], groupLabel(g), nhmrText(r[g])]).concat([['#1f2933', t('建档立卡'), nhmrText(r.registered)]]));
      },
    },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisTick: { show: false },
      axisLine: { show: false },
      // a long label (English: "ordinary poor household") wraps onto a second line; it was cut to "ordinary poor hous…"
      axisLabel: { color: '#3e4c59', width: 120, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: color || COLORS.brand, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: '#3e4c59', formatter: (p) => nhmrText(shown[p.dataIndex].registered) },
        data: shown.map((r) => r.registered[unit]),
      },
    ],
  });
}

/*
 * Ato dashboard pages. Every value from the database reaches the page as a text node or an attribute value
 * (never as markup), and the server's Content-Security-Policy forbids inline scripts besides.
 * Charts are uPlot's; this file only feeds them data.
 */
'use strict';

(function () {
  const PAGE_SIZE = 100;
  const COLORS = ['#2f6fdd', '#e65100', '#2e8b57', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#ad1457', '#558b2f', '#3949ab'];
  const STATUSES = ['running', 'completed', 'failed', 'killed', 'crashed', 'pruned'];
  const charts = [];
  window.atoCharts = charts; // for the browser tests and the console
  const echartsInstances = [];
  window.atoEcharts = echartsInstances;

  // ---- small DOM helpers -------------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child == null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const main = () => document.getElementById('main');
  const params = () => new URLSearchParams(location.search);

  function render(...nodes) {
    main().replaceChildren(...nodes.flat(Infinity).filter(n => n != null));
  }

  function fail(error) {
    render(el('p', {class: 'error'}, String(error.message || error)));
  }

  async function api(path) {
    const response = await fetch('api/' + path, {headers: {Accept: 'application/json'}});
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.status + ' ' + response.statusText);
    return body;
  }

  const enc = encodeURIComponent;

  /** A config value as Python ato would print it: strings bare, everything else as JSON. */
  function show(value) {
    if (value === undefined) return '—';
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  }

  function badge(status) {
    const known = STATUSES.includes(status) ? status : 'other';
    return el('span', {class: 'badge status-' + known, 'data-status': status}, status || 'unknown');
  }

  function tags(list) {
    return (list || []).map(t => el('span', {class: 'tag'}, t));
  }

  function time(text) {
    return text ? text.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '';
  }

  function duration(start, end) {
    if (!start) return '';
    const ms = (end ? Date.parse(end) : Date.now()) - Date.parse(start);
    if (!isFinite(ms) || ms < 0) return '';
    if (ms < 10000) return (ms < 1000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1)) + ' s';
    const s = Math.round(ms / 1000);
    return s < 60 ? s + ' s' : s < 3600 ? Math.floor(s / 60) + ' min ' + (s % 60) + ' s'
        : Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }

  function bytes(n) {
    if (n == null) return '';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n, u = 0;
    while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
    return (u === 0 ? v : v.toFixed(1)) + ' ' + units[u];
  }

  function table(headers, rows, attrs) {
    return el('table', attrs || {},
        el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
        el('tbody', {}, rows));
  }

  // ---- charts (uPlot) ----------------------------------------------------------------------------------------

  /**
   * One chart: x values and one or more named series aligned to them. Returns a handle whose update() replaces
   * the data, so a live run's chart grows without a reload.
   */
  function chart(container, title, xs, series, xLabel, zoom, options) {
    const caption = el('div', {class: 'caption'});
    const box = el('div', {class: 'chart', 'data-metric': title}, caption);
    container.append(box);
    const width = (options && options.width) || Math.max(320, Math.min(600, Math.floor(((main().clientWidth || 700) - 80) / 2)));
    const many = series.length > 10;
    let zoomed = false;
    const plot = new uPlot({
      width: width, height: (options && options.height) || 240,
      scales: {x: {time: false}},
      // a legend row per series only while it stays readable; with many series the hovered one is named instead
      legend: {show: series.length > 1 && !many && !(options && options.onHover), live: series.length > 1},
      cursor: {focus: {prox: 16}, bind: zoom ? {dblclick: () => () => { zoomed = false; zoom.reset(); return null; }} : undefined},
      focus: {alpha: 0.25},
      series: [{label: xLabel || 'step'}].concat(series.map((s, i) => Object.assign({
        label: s.label, stroke: s.color || COLORS[i % COLORS.length], width: s.width || 1.5, spanGaps: true,
        points: {show: !!s.points}
      }, s.uplot || {}))),
      axes: [{label: xLabel || 'step'}, {}],
      hooks: {
        setScale: [(u, key) => {
          if (!zoom || key !== 'x' || u.scales.x.min == null) return;
          zoomed = true;
          zoom.range(u.scales.x.min, u.scales.x.max);
        }],
        setSeries: [(u, index) => { if (options && options.onHover) options.onHover(index == null ? null : index - 1); }]
      }
    }, [xs].concat(series.map(s => s.values)), box);
    let shownCount = xs.length;
    let exact = true;
    const handle = {
      plot: plot,
      update(newXs, newSeries) {
        if (zoomed) return; // keep the user's range; the overview comes back on a double click
        plot.setData([newXs].concat(newSeries.map(s => s.values)));
        label(newXs.length);
      },
      showRange(steps, values, count, isExact, min, max) {
        plot.setData([steps, values], false);
        plot.setScale('x', {min: min, max: max});
        box.setAttribute('data-range', Math.floor(min) + '-' + Math.ceil(max));
        box.setAttribute('data-range-points', String(steps.length));
        caption.textContent = title + ' · ' + steps.length + ' of ' + count + ' points in steps ' + Math.floor(min) + '–' + Math.ceil(max)
            + (isExact ? ' (full resolution)' : ' (downsampled)');
      },
      count(total, isExact) { shownCount = total; exact = isExact; label(plot.data[0].length); }
    };
    function label(points) {
      caption.textContent = title + ' · ' + (exact ? points + (points === 1 ? ' point' : ' points')
          : shownCount + ' points, ' + points + ' drawn (min/max per bucket; drag to zoom in)');
      box.setAttribute('data-points', String(exact ? points : shownCount));
      box.setAttribute('data-drawn', String(points));
    }
    label(xs.length);
    charts.push(handle);
    return handle;
  }

  /** Aligns several (steps, values) series on the union of their steps; missing points are gaps. */
  function align(seriesList) {
    const steps = new Set();
    seriesList.forEach(s => s.steps.forEach(x => steps.add(x)));
    const xs = Array.from(steps).sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    const aligned = seriesList.map(s => {
      const values = new Array(xs.length).fill(null);
      s.steps.forEach((x, i) => { values[index.get(x)] = s.values[i]; });
      return {label: s.label, values: values};
    });
    return {xs: xs, series: aligned};
  }

  // ---- pages -------------------------------------------------------------------------------------------------

  async function projectsPage() {
    const projects = await api('projects');
    const rows = projects.map(p => el('tr', {},
        el('td', {}, el('a', {href: 'runs.html?project=' + enc(p.name)}, p.name)),
        el('td', {}, p.description || ''),
        el('td', {class: 'num'}, p.runs)));
    render(el('h1', {}, 'Projects'),
        projects.length ? table(['Project', 'Description', 'Runs'], rows, {id: 'projects'})
            : el('p', {class: 'muted'}, 'No project in this database yet.'));
  }

  /** A number for a table cell: up to 4 significant digits, so columns stay narrow; the exact value on hover. */
  function num(value) {
    if (value == null) return '';
    if (Number.isInteger(value)) return String(value);
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
  }

  /**
   * The tags of a run on one line: a search's tags (search:<id>, generation:<n>, hyperband, final) collapse into
   * one link to the search; the full list is on hover.
   */
  function tagLine(list) {
    const all = list || [];
    const search = all.find(t => t.startsWith('search:'));
    const generation = all.find(t => t.startsWith('generation:'));
    const plain = search ? all.filter(t => !t.startsWith('search:') && !t.startsWith('generation:')
        && t !== 'hyperband' && t !== 'final') : all;
    const parts = plain.map(t => el('span', {class: 'tag'}, t));
    if (search) {
      parts.unshift(el('a', {class: 'tag search-tag', href: 'search.html?id=' + enc(search.slice(7))},
          'search ' + search.slice(7, 15) + (generation ? ' · gen ' + generation.slice(11) : '')
          + (all.includes('final') ? ' · final' : '')));
    }
    return el('div', {class: 'tags-line', title: all.join(', ')}, parts);
  }

  /**
   * The runs table. The server filters, sorts and pages (a project may hold 10,000 runs): each view — a sort, a
   * page, grouping, the chosen columns — is one request for the rows shown with the columns shown.
   */
  async function runsPage() {
    const query = params();
    const project = query.get('project');
    if (!project) throw new Error('runs.html needs ?project=<name>');
    const apiQuery = new URLSearchParams({project: project});
    query.getAll('status').forEach(s => apiQuery.append('status', s));
    query.getAll('tag').forEach(t => apiQuery.append('tag', t));
    query.getAll('config').forEach(c => apiQuery.append('config', c));
    const state = {
      sortKey: query.get('sort') || 'id', sortDir: query.get('dir') === 'asc' ? 1 : -1, offset: 0,
      grouped: query.get('group') === 'hash', selected: new Set(),
      shown: query.has('cols') ? query.get('cols').split(',').filter(Boolean) : null
    };
    let loads = 0;
    /** The rows of the current view; a slower answer to an older view is dropped. */
    async function load() {
      const mine = ++loads;
      const q = new URLSearchParams(apiQuery);
      q.set('sort', state.sortKey);
      q.set('dir', state.sortDir > 0 ? 'asc' : 'desc');
      if (state.grouped) q.set('group', 'hash');
      q.set('offset', String(state.offset));
      q.set('limit', String(PAGE_SIZE));
      if (state.shown) q.set('cols', state.shown.join(','));
      const answer = await api('runs?' + q);
      return mine === loads ? answer : null;
    }
    const [first, searches] = await Promise.all([load(), api('searches?project=' + enc(project))]);
    let page = first;

    const fixed = [
      {key: 'id', label: 'Run', cell: r => el('a', {href: 'run.html?id=' + r.id}, '#' + r.id)},
      {key: 'status', label: 'Status', cell: r => badge(r.status)},
      {key: 'startTime', label: 'Started', cell: r => time(r.startTime)},
      {key: 'duration', label: 'Duration', cell: r => r.endTime || r.status === 'running' ? duration(r.startTime, r.endTime) : '', num: true},
      {key: 'tags', label: 'Tags', cell: r => tagLine(r.tags)},
      {key: 'structuralHash', label: 'Structure',
        cell: r => el('span', {class: 'mono', title: r.structuralHash || ''}, (r.structuralHash || '').slice(0, 8))}
    ];
    const paramColumns = page.varyingKeys.map(k => ({key: 'p:' + k, label: k, param: true,
      cell: r => el('span', {class: 'mono', title: show(r.config[k])}, show(r.config[k]))}));
    const metricColumns = [];
    for (const k of page.metricKeys) {
      for (const [suffix, field, label] of [['', 'last', k], [':min', 'min', k + ' (min)'], [':max', 'max', k + ' (max)']]) {
        metricColumns.push({key: 'm:' + k + suffix, label: label, metric: k, num: true,
          cell: r => {
            const m = r.metrics[k];
            return m ? el('span', {title: k + ': last ' + m.last + ' · min ' + m.min + ' · max ' + m.max + ' · ' + m.count + ' points'},
                num(m[field])) : '';
          }});
      }
    }
    const choosable = paramColumns.concat(metricColumns);
    if (!state.shown) state.shown = paramColumns.map(c => c.key).concat(page.metricKeys.map(k => 'm:' + k));
    const columns = () => fixed.concat(choosable.filter(c => state.shown.includes(c.key)));

    /** Keeps the view in the URL (columns, sort, grouping), so a reload or a shared link shows the same table. */
    function remember() {
      const next = new URLSearchParams(location.search);
      next.set('cols', state.shown.join(','));
      next.set('sort', state.sortKey);
      next.set('dir', state.sortDir > 0 ? 'asc' : 'desc');
      if (state.grouped) next.set('group', 'hash'); else next.delete('group');
      history.replaceState(null, '', '?' + next.toString());
    }

    /** Asks for the view now in {@code state} and draws it; a failure shows above the table, which stays. */
    async function change() {
      remember();
      runsTable.setAttribute('aria-busy', 'true');
      try {
        const answer = await load();
        if (answer) { page = answer; problem.hidden = true; draw(); }
      } catch (error) {
        problem.textContent = String(error.message || error);
        problem.hidden = false;
        runsTable.removeAttribute('aria-busy');
      }
    }

    const form = filtersForm(project, query);
    const compareButton = el('button', {type: 'button', id: 'compare', disabled: true, onclick: () => {
      location.href = 'compare.html?ids=' + Array.from(state.selected).join(',');
    }}, 'Compare selected');
    const groupBox = el('input', {type: 'checkbox', id: 'group-by-hash', checked: state.grouped, onchange: e => {
      state.grouped = e.target.checked; state.offset = 0; change();
    }});
    const chooser = el('details', {class: 'chooser', id: 'columns'}, el('summary', {}, 'Columns'),
        el('div', {class: 'chooser-body'},
            paramColumns.length ? el('fieldset', {}, el('legend', {}, 'Parameters'), paramColumns.map(choice)) : null,
            page.metricKeys.length ? el('fieldset', {}, el('legend', {}, 'Metrics (last · min · max)'),
                page.metricKeys.map(k => el('div', {}, metricColumns.filter(c => c.metric === k).map(choice)))) : null));
    function choice(column) {
      return el('label', {class: 'choice'}, el('input', {type: 'checkbox', 'data-column': column.key,
        checked: state.shown.includes(column.key), onchange: e => {
          state.shown = e.target.checked ? state.shown.concat([column.key]) : state.shown.filter(k => k !== column.key);
          change();
        }}), ' ', column.label);
    }
    const counter = el('span', {class: 'muted', id: 'run-count'});
    const pager = el('span', {class: 'pager'});
    const problem = el('p', {class: 'error', id: 'runs-error', hidden: true});
    const thead = el('thead');
    const tbody = el('tbody');
    const runsTable = el('table', {id: 'runs'}, thead, tbody);

    function draw() {
      const shown = columns();
      thead.replaceChildren(el('tr', {}, el('th', {}, ''), shown.map(c => el('th', {
        class: 'sortable' + (c.num ? ' num' : '') + (c.key === state.sortKey ? (state.sortDir > 0 ? ' sorted-asc' : ' sorted-desc') : ''),
        'data-key': c.key,
        onclick: () => {
          state.sortDir = state.sortKey === c.key ? -state.sortDir : (c.metric ? 1 : -1) * (c.key === 'id' ? -1 : 1);
          state.sortKey = c.key; state.offset = 0; change();
        }}, c.label))));
      const trs = [];
      let lastHash;
      for (const run of page.runs) {
        if (state.grouped && run.structuralHash !== lastHash) {
          lastHash = run.structuralHash;
          trs.push(el('tr', {class: 'group', 'data-hash': run.structuralHash || ''},
              el('td', {colspan: shown.length + 1}, 'Structure ' + (run.structuralHash || 'none').slice(0, 12)
                  + ' · ' + page.groups[run.structuralHash || ''] + ' runs')));
        }
        trs.push(el('tr', {'data-run': run.id},
            el('td', {}, el('input', {type: 'checkbox', checked: state.selected.has(run.id), 'aria-label': 'select run ' + run.id,
              onchange: e => { e.target.checked ? state.selected.add(run.id) : state.selected.delete(run.id); selection(); }})),
            shown.map(c => el('td', {class: c.num ? 'num' : (c.param ? 'mono' : null), 'data-column': c.key}, c.cell(run)))));
      }
      tbody.replaceChildren(...trs);
      const total = page.total;
      counter.textContent = total + (total === 1 ? ' run' : ' runs');
      const last = Math.min(total, state.offset + page.runs.length);
      pager.replaceChildren(
          el('button', {type: 'button', disabled: state.offset === 0, onclick: () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); change(); }}, '‹ Prev'),
          ' ' + (total ? state.offset + 1 : 0) + '–' + last + ' of ' + total + ' ',
          el('button', {type: 'button', disabled: last >= total, onclick: () => { state.offset += PAGE_SIZE; change(); }}, 'Next ›'));
      // what the rows on screen are: the browser tests wait for these after a click
      runsTable.setAttribute('data-sort', state.sortKey);
      runsTable.setAttribute('data-dir', state.sortDir > 0 ? 'asc' : 'desc');
      runsTable.setAttribute('data-offset', String(state.offset));
      runsTable.setAttribute('data-grouped', String(state.grouped));
      runsTable.setAttribute('data-cols', state.shown.join(','));
      runsTable.removeAttribute('aria-busy');
    }

    function selection() {
      compareButton.disabled = state.selected.size < 2 || state.selected.size > 10;
      compareButton.textContent = 'Compare selected (' + state.selected.size + ')';
    }

    const searchList = searches.length ? el('section', {},
        el('h2', {}, 'HyperBand searches'),
        table(['Search', 'Status', 'Generation', 'Best metric', 'Best run'], searches.map(s => el('tr', {},
            el('td', {}, el('a', {href: 'search.html?id=' + enc(s.id)}, s.id)),
            el('td', {}, badge(s.status)), el('td', {}, s.generation),
            el('td', {}, s.bestMetric == null ? '' : s.bestMetric),
            el('td', {}, s.bestRunId == null ? '' : el('a', {href: 'run.html?id=' + s.bestRunId}, '#' + s.bestRunId)))))) : null;

    render(el('h1', {}, 'Runs of ', el('span', {id: 'project-name'}, project)),
        el('p', {}, el('a', {id: 'charts-link', href: 'charts.html?' + apiQuery}, 'Charts: which settings matter →')),
        form,
        el('div', {class: 'toolbar'}, counter, el('label', {}, groupBox, ' group by structure'), chooser, compareButton, pager),
        problem,
        el('div', {class: 'table-scroll'}, runsTable), searchList);
    draw();
  }

  function filtersForm(project, query) {
    const chosen = new Set(query.getAll('status'));
    const tagInput = el('input', {type: 'text', name: 'tag', id: 'filter-tag', placeholder: 'tag', value: query.getAll('tag').join(' ')});
    const configInput = el('input', {type: 'text', name: 'config', id: 'filter-config', placeholder: 'config, e.g. lr<0.01; model=resnet',
      value: query.getAll('config').join('; ')});
    const boxes = STATUSES.map(s => el('label', {}, el('input', {type: 'checkbox', name: 'status', value: s, checked: chosen.has(s)}), ' ', s));
    return el('form', {class: 'filters', id: 'filters', onsubmit: e => {
      e.preventDefault();
      const next = new URLSearchParams({project: project});
      const current = new URLSearchParams(location.search); // the chosen columns and sort stay
      ['cols', 'sort', 'dir', 'group'].forEach(k => { if (current.has(k)) next.set(k, current.get(k)); });
      boxes.forEach(b => { const box = b.querySelector('input'); if (box.checked) next.append('status', box.value); });
      tagInput.value.split(/[\s,]+/).filter(Boolean).forEach(t => next.append('tag', t));
      configInput.value.split(';').map(s => s.trim()).filter(Boolean).forEach(c => next.append('config', c));
      location.search = next.toString();
    }}, el('span', {}, 'Status:'), boxes, tagInput, configInput, el('button', {type: 'submit', id: 'apply-filters'}, 'Filter'));
  }

  function configTree(config, origins, prefix) {
    return el('ul', {class: prefix ? 'tree' : 'tree root'}, Object.entries(config || {}).map(([key, value]) => {
      const path = prefix ? prefix + '.' + key : key;
      if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
        return el('li', {}, el('details', {open: true}, el('summary', {}, key), configTree(value, origins, path)));
      }
      return el('li', {'data-key': path}, el('span', {class: 'key'}, key), ': ', el('span', {class: 'value'}, show(value)),
          origins && origins[path] ? el('span', {class: 'origin'}, '← ' + origins[path]) : null);
    }));
  }

  async function runPage() {
    const id = params().get('id');
    if (!id) throw new Error('run.html needs ?id=<run id>');
    const [run, settings] = await Promise.all([api('runs/' + enc(id)), api('settings')]);
    const chartsBox = el('div', {class: 'charts', id: 'charts'});
    const hasOrigins = Object.keys(run.origins || {}).length > 0;
    render(
        el('h1', {}, 'Run #' + run.id, ' ', badge(run.status)),
        el('dl', {class: 'meta'},
            el('dt', {}, 'Project'), el('dd', {}, el('a', {href: 'runs.html?project=' + enc(run.project)}, run.project)),
            el('dt', {}, 'Started'), el('dd', {}, time(run.startTime)),
            el('dt', {}, 'Ended'), el('dd', {}, time(run.endTime) || '—'),
            run.endReason ? [el('dt', {}, 'End reason'), el('dd', {}, run.endReason)] : null,
            el('dt', {}, 'Tags'), el('dd', {}, tags(run.tags)),
            el('dt', {}, 'Structure'), el('dd', {class: 'mono'}, run.structuralHash || '')),
        el('h2', {}, 'Metrics'), chartsBox,
        el('h2', {}, 'Config'), hasOrigins ? null : el('p', {class: 'muted'}, 'This run did not record where its values came from.'),
        el('div', {id: 'config'}, configTree(run.config, run.origins, '')),
        el('h2', {}, 'Artifacts'),
        run.artifacts.length ? table(['Path', 'Type', 'Size', 'SHA-256', 'Metadata'], run.artifacts.map(a => el('tr', {},
            el('td', {class: 'mono'}, a.path), el('td', {}, a.dataType || ''),
            el('td', {title: a.sizeBytes == null ? '' : a.sizeBytes + ' bytes'}, bytes(a.sizeBytes)),
            el('td', {class: 'mono'}, a.sha256 || ''), el('td', {class: 'mono'}, a.dataInfo || ''))), {id: 'artifacts'})
            : el('p', {class: 'muted'}, 'No artifacts.'),
        el('h2', {}, 'Fingerprints'),
        run.fingerprints.length ? table(['Trace', 'Type', 'Fingerprint'], run.fingerprints.map(f => el('tr', {},
            el('td', {}, f.traceId), el('td', {}, f.traceType), el('td', {class: 'mono'}, f.fingerprint))), {id: 'fingerprints'})
            : el('p', {class: 'muted'}, 'No fingerprints.'));
    await liveMetrics(run.id, chartsBox, settings.pollIntervalMs, status => {
      const current = document.querySelector('h1 .badge');
      if (current && current.getAttribute('data-status') !== status) current.replaceWith(badge(status));
    });
  }

  /** Points a chart asks for: about two per pixel of its width. */
  const CHART_POINTS = 2000;

  /**
   * Draws a run's metric charts from its downsampled series and, while the run is running, appends the points it
   * logs. Zooming into a range (drag) fetches that range at full resolution when the overview was downsampled;
   * a double click goes back to the whole series.
   */
  async function liveMetrics(runId, box, pollMs, onStatus) {
    const empty = el('p', {class: 'muted'}, 'No metrics logged yet.');
    box.append(empty);
    const first = await api('runs/' + runId + '/series?points=' + CHART_POINTS);
    const data = new Map(); // key -> {steps, values, count, exact, chart}
    let cursor = first.cursor;
    function add(key, series, replace) {
      let entry = data.get(key);
      if (!entry) {
        entry = {steps: [], values: [], count: 0, exact: true, chart: null};
        data.set(key, entry);
      }
      if (replace) {
        entry.steps = series.steps.slice(); entry.values = series.values.slice();
        entry.count = series.count; entry.exact = series.exact;
      } else {
        series.steps.forEach((x, i) => { entry.steps.push(x); entry.values.push(series.values[i]); });
        entry.count += series.steps.length;
      }
      const points = sortedByStep(entry);
      if (!entry.chart) {
        empty.remove();
        entry.chart = chart(box, key, points.xs, [{label: key, values: points.ys}], null, zoomer(runId, key, entry));
      } else {
        entry.chart.update(points.xs, [{label: key, values: points.ys}], entry.count, entry.exact);
      }
      entry.chart.count(entry.count, entry.exact);
    }
    Object.entries(first.series).forEach(([key, series]) => add(key, series, true));
    onStatus(first.status);
    let status = first.status;
    async function poll() {
      const batch = await api('runs/' + runId + '/metrics?after=' + cursor);
      cursor = batch.cursor;
      Object.entries(batch.series).forEach(([key, series]) => add(key, series, false));
      status = batch.status;
      onStatus(status);
      if (batch.more) return poll();
      // a long live run: fold the appended points back into a downsampled overview now and then
      for (const [key, entry] of data) {
        if (entry.steps.length > 4 * CHART_POINTS) {
          const fresh = await api('runs/' + runId + '/series?key=' + enc(key) + '&points=' + CHART_POINTS);
          add(key, fresh.series[key], true);
        }
      }
      if (status === 'running') setTimeout(() => poll().catch(fail), pollMs);
    }
    if (status === 'running') setTimeout(() => poll().catch(fail), pollMs);
  }

  /** A chart's zoom handler: a range of a downsampled series is fetched again at full resolution. */
  function zoomer(runId, key, entry) {
    let timer = null;
    return {
      range(min, max) {
        if (entry.exact) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const part = await api('runs/' + runId + '/series?key=' + enc(key) + '&from=' + Math.floor(min)
              + '&to=' + Math.ceil(max) + '&points=' + CHART_POINTS);
          const s = part.series[key];
          entry.chart.showRange(s.steps, s.values, s.count, s.exact, min, max);
        }, 150);
      },
      reset() {
        const points = sortedByStep(entry);
        entry.chart.update(points.xs, [{label: key, values: points.ys}]);
        entry.chart.count(entry.count, entry.exact);
      }
    };
  }

  /** Points in step order (a run may log steps out of order; uPlot needs ascending x). */
  function sortedByStep(entry) {
    let ordered = true;
    for (let i = 1; i < entry.steps.length && ordered; i++) ordered = entry.steps[i - 1] <= entry.steps[i];
    if (ordered) return {xs: entry.steps, ys: entry.values};
    const order = entry.steps.map((_, i) => i).sort((a, b) => entry.steps[a] - entry.steps[b]);
    return {xs: order.map(i => entry.steps[i]), ys: order.map(i => entry.values[i])};
  }

  async function comparePage() {
    const ids = (params().get('ids') || '').split(',').filter(Boolean);
    const comparison = await api('compare?ids=' + ids.map(enc).join(','));
    const runs = comparison.runs;
    const settings = await api('settings');
    const chartsBox = el('div', {class: 'charts', id: 'charts'});
    const onlyDiffs = el('input', {type: 'checkbox', id: 'only-differences', onchange: e => {
      document.querySelectorAll('#config-diff tbody tr').forEach(tr => {
        tr.hidden = e.target.checked && !tr.classList.contains('differs');
      });
    }});
    const structural = comparison.keys.filter(k => k.present.includes(false) || new Set(k.types.filter(Boolean)).size > 1);
    render(
        el('h1', {}, 'Compare ' + runs.length + ' runs'),
        el('p', {}, runs.map(r => el('span', {class: 'tag'}, el('a', {href: 'run.html?id=' + r.id}, '#' + r.id), ' ', badge(r.status)))),
        el('h2', {}, 'Metrics'), chartsBox,
        el('h2', {}, 'Config'),
        el('label', {}, onlyDiffs, ' only keys that differ'),
        table(['Key'].concat(runs.map(r => '#' + r.id)), comparison.keys.map(k => el('tr', {class: k.differs ? 'differs' : null, 'data-key': k.key},
            el('td', {class: 'key mono'}, k.key),
            k.values.map((v, i) => el('td', {class: 'mono'}, k.present[i] ? show(v) : '(absent)'))))
          , {id: 'config-diff'}),
        el('h2', {}, 'Structure'),
        el('p', {id: 'structure-verdict'}, comparison.sameStructure ? 'All runs have the same config structure.'
            : 'The config structures differ (structural hashes: ' + runs.map(r => '#' + r.id + ' ' + (r.structuralHash || 'none').slice(0, 8)).join(', ') + ').'),
        structural.length ? table(['Key'].concat(runs.map(r => '#' + r.id)), structural.map(k => el('tr', {class: 'differs'},
            el('td', {class: 'key mono'}, k.key), k.types.map(t => el('td', {}, t || '(absent)')))), {id: 'structure-diff'}) : null);
    await overlaidMetrics(runs, chartsBox, settings.pollIntervalMs);
  }

  /** One chart per metric key with a curve per run; while any run is running, new points are added in place. */
  async function overlaidMetrics(runs, box, pollMs) {
    const points = runs.map(() => new Map()); // per run: key -> {steps, values}
    const cursors = runs.map(() => 0);
    const statuses = runs.map(r => r.status);
    const drawn = new Map(); // key -> chart
    const empty = el('p', {class: 'muted'}, 'No metrics logged.');
    box.append(empty);
    /** Draws what is known, after fetching the points the runs in `which` logged since their cursors. */
    async function poll(which) {
      const batches = await Promise.all(which.map(i => api('runs/' + runs[i].id + '/metrics?after=' + cursors[i])));
      batches.forEach((batch, n) => {
        const i = which[n];
        cursors[i] = batch.cursor;
        statuses[i] = batch.status;
        for (const [key, series] of Object.entries(batch.series)) {
          if (!points[i].has(key)) points[i].set(key, {steps: [], values: []});
          const entry = points[i].get(key);
          series.steps.forEach((x, k) => { entry.steps.push(x); entry.values.push(series.values[k]); });
        }
      });
      const keys = new Set();
      points.forEach(p => p.forEach((_, key) => keys.add(key)));
      if (keys.size) empty.remove();
      for (const key of keys) {
        const aligned = align(runs.map((r, i) => {
          const entry = points[i].get(key) || {steps: [], values: []};
          return {label: '#' + r.id, steps: entry.steps, values: entry.values};
        }));
        if (drawn.has(key)) drawn.get(key).update(aligned.xs, aligned.series);
        else drawn.set(key, chart(box, key, aligned.xs, aligned.series));
      }
      const more = which.filter((_, n) => batches[n].more); // a long run comes in pages
      if (more.length) return poll(more);
      const running = runs.map((_, i) => i).filter(i => statuses[i] === 'running');
      if (running.length) setTimeout(() => poll(running).catch(fail), pollMs);
    }
    // first the downsampled series of every run (bounded whatever a run's length), then only new points
    const firsts = await Promise.all(runs.map(r => api('runs/' + r.id + '/series?points=' + CHART_POINTS)));
    firsts.forEach((first, i) => {
      cursors[i] = first.cursor;
      statuses[i] = first.status;
      Object.entries(first.series).forEach(([key, series]) =>
          points[i].set(key, {steps: series.steps.slice(), values: series.values.slice()}));
    });
    await poll([]);
  }

  /** How many configs the search page names in its legend; the rest are named on hover. */
  const LEGEND_TOP = 10;

  async function searchPage() {
    const id = params().get('id');
    if (!id) throw new Error('search.html needs ?id=<search id>');
    const [search, settings] = await Promise.all([api('searches/' + enc(id)), api('settings')]);
    drawSearch(search);
    if (search.status === 'running') {
      // live: trials finished by any worker process land in the same tables, so polling the search shows them
      const again = async () => {
        const next = await api('searches/' + enc(id));
        charts.length = 0;
        drawSearch(next);
        if (next.status === 'running') setTimeout(() => again().catch(fail), settings.pollIntervalMs);
      };
      setTimeout(() => again().catch(fail), settings.pollIntervalMs);
    }
  }

  /** A nested candidate as dotted leaves ({train: {lr: 1}} → {'train.lr': 1}): one axis and one column per parameter. */
  function flatten(value, prefix, into) {
    const out = into || {};
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
      Object.entries(value).forEach(([k, v]) => flatten(v, prefix ? prefix + '.' + k : k, out));
    } else if (prefix) {
      out[prefix] = value;
    }
    return out;
  }

  function drawSearch(search) {
    search.trials.forEach(t => { t.candidate = flatten(t.candidate, ''); });
    const mode = String((search.settings || {}).mode || 'max').toLowerCase();
    const better = (a, b) => mode === 'min' ? a < b : a > b;
    const byGeneration = new Map();
    const configs = new Map(); // candidate text without __num_halved__ -> {name, candidate, best, trials}
    for (const trial of search.trials) {
      if (!byGeneration.has(trial.generation)) byGeneration.set(trial.generation, []);
      byGeneration.get(trial.generation).push(trial);
      const name = candidateText(trial.candidate);
      if (!configs.has(name)) configs.set(name, {name: name, candidate: trial.candidate, best: null, trials: []});
      const config = configs.get(name);
      config.trials.push(trial);
      if (trial.metric != null && (config.best == null || better(trial.metric, config.best))) config.best = trial.metric;
    }
    const generations = Array.from(byGeneration.keys()).sort((a, b) => a - b);
    // the winner: the config of the best run (its stored best config also holds the base config's keys)
    const bestTrial = search.bestRunId == null ? null : search.trials.find(t => t.runId === search.bestRunId);
    const winner = bestTrial ? candidateText(bestTrial.candidate) : search.bestConfig ? candidateText(flatten(search.bestConfig, '')) : null;
    // configs ranked best first: the legend names the top ones, the others are named on hover
    const ranked = Array.from(configs.values()).sort((a, b) =>
        a.best == null ? 1 : b.best == null ? -1 : better(a.best, b.best) ? -1 : better(b.best, a.best) ? 1 : 0);
    ranked.forEach((c, i) => { c.rank = i; c.color = c.name === winner ? '#c62828' : i < LEGEND_TOP ? COLORS[i % COLORS.length] : '#9aa3af'; });

    const historyBox = el('div', {class: 'charts', id: 'history'});
    const generationBox = el('div', {class: 'charts', id: 'generation-chart'});
    const parallelBox = el('div', {class: 'echart', id: 'search-parallel'});
    const hovered = el('div', {class: 'hovered mono', id: 'hovered-config'}, 'Hover a line to see its config.');
    const settingRows = Object.entries(search.settings || {}).map(([k, v]) => el('tr', {'data-setting': k},
        el('th', {}, settingLabel(k)), el('td', {class: 'mono'}, show(v))));
    const spaceRows = Object.entries(search.space || {}).map(([k, v]) => el('tr', {},
        el('th', {}, k), el('td', {class: 'mono'}, spaceText(v))));

    render(
        el('h1', {}, 'HyperBand search ', el('span', {class: 'mono'}, search.id), ' ', badge(search.status)),
        el('div', {class: 'columns'},
            el('dl', {class: 'meta'},
                el('dt', {}, 'Project'), el('dd', {}, el('a', {href: 'runs.html?project=' + enc(search.project)}, search.project)),
                el('dt', {}, 'Generation'), el('dd', {}, search.generation),
                el('dt', {}, 'Trials'), el('dd', {}, search.trials.length + ' evaluations of ' + configs.size + ' configs'),
                el('dt', {}, 'Best metric'), el('dd', {id: 'best-metric'}, search.bestMetric == null ? '—' : search.bestMetric),
                el('dt', {}, 'Best run'), el('dd', {}, search.bestRunId == null ? '—' : el('a', {href: 'run.html?id=' + search.bestRunId}, '#' + search.bestRunId)),
                el('dt', {}, 'Best config'), el('dd', {class: 'mono', id: 'best-config'}, winner || '—'),
                search.error ? [el('dt', {}, 'Error'), el('dd', {}, search.error)] : null),
            el('div', {}, el('h2', {}, 'Settings'), table(['Setting', 'Value'], settingRows, {id: 'settings', class: 'kv'}),
                spaceRows.length ? [el('h2', {}, 'Search space'), table(['Parameter', 'Values'], spaceRows, {id: 'space', class: 'kv'})] : null)),
        el('h2', {}, 'Optimisation history'),
        el('p', {class: 'muted'}, 'The metric of each evaluation in the order the runs started, and the best so far (' + (mode === 'min' ? 'lowest' : 'highest') + ').'),
        historyBox,
        el('h2', {}, 'Generations'),
        generationOverview(generations, byGeneration, winner),
        el('h2', {}, 'Metric of each config per generation'),
        el('div', {class: 'legend-box'}, generationBox, topLegend(ranked, winner, hovered)),
        el('h2', {}, 'Parameters → metric'),
        el('p', {class: 'muted'}, 'One line per config through its parameter values to its best metric; the colour is the metric.'),
        parallelBox,
        generations.map(g => generationTable(g, byGeneration.get(g), winner)));

    // history: every finished evaluation in start order (run ids grow with start time), with the best so far
    const evaluated = search.trials.filter(t => t.metric != null)
        .sort((a, b) => (a.runId == null ? Infinity : a.runId) - (b.runId == null ? Infinity : b.runId) || a.generation - b.generation || a.position - b.position);
    if (evaluated.length) {
      let best = null;
      const bestSoFar = evaluated.map(t => (best = best == null || better(t.metric, best) ? t.metric : best));
      chart(historyBox, 'history', evaluated.map((_, i) => i + 1), [
        {label: 'metric', values: evaluated.map(t => t.metric), points: true, uplot: {width: 0, points: {show: true, size: 6}}},
        {label: 'best so far', values: bestSoFar, color: '#c62828', width: 2, uplot: {paths: uPlot.paths.stepped({align: 1})}}
      ], 'trial', null, {width: Math.min(1100, (main().clientWidth || 1000) - 40)});
    }
    if (generations.length) {
      const series = ranked.map(c => ({label: c.name, color: c.color, width: c.name === winner ? 3 : c.rank < LEGEND_TOP ? 1.5 : 1,
        values: generations.map(g => { const t = c.trials.find(x => x.generation === g); return t ? t.metric : null; }), points: true}));
      chart(generationBox, 'metric', generations, series, 'generation', null, {
        width: Math.min(800, (main().clientWidth || 1000) - 420),
        onHover: index => { hovered.textContent = index == null || !ranked[index] ? 'Hover a line to see its config.'
            : '#' + (ranked[index].rank + 1) + ' ' + ranked[index].name + ' → ' + ranked[index].best; }
      });
    }
    parallel(parallelBox, ranked.map(c => ({values: c.candidate, metric: c.best, name: c.name, highlight: c.name === winner})),
        paramKeys(ranked.map(c => c.candidate)), 'metric', mode);
  }

  function settingLabel(key) {
    const labels = {strategy: 'Strategy', halving_rate: 'Halving rate', num_min_samples: 'Smallest generation',
      mode: 'Better metric', schedule: 'Schedule', metric_key: 'Metric', stop_on_first_failure: 'Stop on first failure'};
    return labels[key] || key;
  }

  function spaceText(value) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value).map(([k, v]) => k + ': ' + show(v)).join(' · ');
    }
    return show(value);
  }

  /** Per generation: how many configs ran, survived and were cut, the best metric, and where the winner stood. */
  function generationOverview(generations, byGeneration, winner) {
    return table(['Generation', 'Configs', 'Survived', 'Cut', 'Best metric', 'Winner'], generations.map(g => {
      const trials = byGeneration.get(g);
      const survived = trials.filter(t => t.outcome === 'survived').length;
      const decided = trials.some(t => t.outcome === 'survived' || t.outcome === 'cut');
      const last = !decided;
      const metrics = trials.map(t => t.metric).filter(m => m != null);
      const w = trials.find(t => candidateText(t.candidate) === winner);
      return el('tr', {'data-generation': g},
          el('td', {}, g), el('td', {class: 'num'}, trials.length),
          el('td', {class: 'num'}, last ? (trials.some(t => t.outcome === 'pending') ? 'running' : '—') : survived),
          el('td', {class: 'num'}, last ? '—' : trials.filter(t => t.outcome === 'cut').length),
          el('td', {class: 'num'}, metrics.length ? num(Math.max(...metrics)) + ' / ' + num(Math.min(...metrics)) : ''),
          el('td', {class: w ? 'winner-path' : 'muted'}, w ? 'rank ' + (rankIn(trials, w) + 1) + ' of ' + trials.length + ' · ' + num(w.metric) : '—'));
    }), {id: 'generations'});
  }

  function rankIn(trials, trial) {
    return trials.filter(t => t.metric != null && trial.metric != null && t.metric > trial.metric).length;
  }

  function topLegend(ranked, winner, hovered) {
    const top = ranked.slice(0, LEGEND_TOP);
    return el('div', {class: 'top-legend', id: 'top-legend'},
        el('div', {class: 'legend-title'}, 'Top ' + top.length + ' of ' + ranked.length + ' configs'),
        el('ol', {}, top.map(c => el('li', {class: c.name === winner ? 'winner-path' : null, title: c.name},
            el('span', {class: 'swatch', style: 'background:' + c.color}), c.name, ' → ', num(c.best)))),
        ranked.length > top.length ? el('div', {class: 'muted'}, (ranked.length - top.length) + ' more in grey') : null,
        hovered);
  }

  function generationTable(g, trials, winner) {
    return el('section', {class: 'generation', 'data-generation': g},
        el('h2', {}, 'Generation ' + g + ' · ' + (trials.every(t => t.isFinal) ? 'final re-evaluation of the winner'
            : trials.length + ' configs · ' + trials.filter(t => t.outcome === 'survived').length + ' survivors')),
        el('details', {}, el('summary', {}, 'configs of generation ' + g),
            table(['#', 'Config', 'Metric', 'Status', 'Outcome', 'Run'], trials.map(t => el('tr', {
              class: [t.outcome === 'survived' ? 'survivor' : t.outcome === 'cut' ? 'cut' : '', candidateText(t.candidate) === winner ? 'winner-path' : ''].join(' ').trim() || null},
                el('td', {}, t.position), el('td', {class: 'mono'}, candidateText(t.candidate)),
                el('td', {class: 'num'}, t.metric == null ? '' : num(t.metric)), el('td', {}, t.status),
                el('td', {}, t.outcome),
                el('td', {}, t.runId == null ? '' : el('a', {href: 'run.html?id=' + t.runId}, '#' + t.runId)))))));
  }

  function paramKeys(candidates) {
    const keys = new Set();
    candidates.forEach(c => Object.keys(c || {}).forEach(k => { if (k !== '__num_halved__') keys.add(k); }));
    return Array.from(keys);
  }

  /**
   * A parallel-coordinates chart (ECharts): one axis per parameter and one for the metric, one line per item,
   * coloured by the metric; highlighted items are drawn thick on top.
   */
  function parallel(box, items, keys, metricName, mode) {
    const withMetric = items.filter(i => i.metric != null);
    if (!withMetric.length || typeof echarts === 'undefined') {
      box.replaceWith(el('p', {class: 'muted'}, 'No finished evaluation to draw yet.'));
      return null;
    }
    const axes = keys.map((k, d) => {
      const values = items.map(i => i.values[k]);
      const numeric = values.every(v => v == null || typeof v === 'number');
      const numbers = values.filter(v => typeof v === 'number');
      return numeric ? Object.assign({dim: d, name: k, type: 'value'}, extent(numbers)) : {dim: d, name: k, type: 'category',
        data: Array.from(new Set(values.map(v => show(v))))};
    });
    axes.push(Object.assign({dim: keys.length, name: metricName, type: 'value', nameTextStyle: {fontWeight: 'bold'}},
        extent(items.map(i => i.metric).filter(m => m != null))));
    const row = i => keys.map((k, d) => axes[d].type === 'category' ? show(i.values[k]) : i.values[k]).concat([i.metric]);
    const metrics = withMetric.map(i => i.metric);
    const instance = echarts.init(box, null, {renderer: 'canvas'});
    instance.setOption({
      animation: false,
      parallelAxis: axes,
      parallel: {left: 60, right: 120, top: 40, bottom: 30},
      visualMap: {type: 'continuous', dimension: keys.length, min: Math.min(...metrics), max: Math.max(...metrics),
        inRange: {color: mode === 'min' ? ['#1a9850', '#fee08b', '#d73027'] : ['#d73027', '#fee08b', '#1a9850']},
        right: 0, top: 'middle', calculable: true, precision: 3, text: ['high', 'low']},
      tooltip: {trigger: 'item', formatter: p => p.data && p.data.name ? p.data.name : ''},
      series: [
        {type: 'parallel', name: 'all', lineStyle: {width: 1, opacity: 0.45},
          data: withMetric.filter(i => !i.highlight).map(i => ({name: i.name, value: row(i)}))},
        {type: 'parallel', name: 'best', lineStyle: {width: 4, opacity: 1},
          data: withMetric.filter(i => i.highlight).map(i => ({name: i.name, value: row(i)}))}
      ]
    });
    box.setAttribute('data-lines', String(withMetric.length));
    echartsInstances.push(instance);
    return instance;
  }

  /** A config of a search as one line, keys sorted, without its halving counter: the same text in every generation. */
  function candidateText(candidate) {
    return Object.keys(candidate || {}).filter(k => !k.startsWith('__')).sort()
        .map(k => k + '=' + show(candidate[k])).join(' ');
  }

  /** How many of the best runs the project charts highlight. */
  const BEST_RUNS = 5;
  /** The most runs the project charts draw (the server's largest page), the best ones by the chosen metric. */
  const MAX_CHART_RUNS = 10000;

  /** Project charts: a parameter against a metric, and parallel coordinates of every varying parameter → metric. */
  async function chartsPage() {
    const query = params();
    const project = query.get('project');
    if (!project) throw new Error('charts.html needs ?project=<name>');
    const apiQuery = new URLSearchParams({project: project});
    ['status', 'tag', 'config'].forEach(k => query.getAll(k).forEach(v => apiQuery.append(k, v)));
    // first the keys (no rows), then the runs with only the columns drawn, best first, at most MAX_CHART_RUNS
    const keys = await api('runs?' + apiQuery + '&limit=0');
    // Ato's own bookkeeping keys (a search's __num_halved__) are no settings to compare
    const varyingKeys = keys.varyingKeys.filter(k => !k.split('.').some(part => part.startsWith('__')));
    const metricKeys = keys.metricKeys;
    const metricKey = metricKeys.includes(query.get('metric')) ? query.get('metric')
        : (metricKeys.find(k => /acc|score|f1/i.test(k)) || metricKeys[0]);
    const goal = query.get('goal') || (/loss|err/i.test(metricKey || '') ? 'min' : 'max');
    const page = {varyingKeys: varyingKeys, metricKeys: metricKeys, runs: [], total: keys.total};
    if (metricKey && varyingKeys.length) {
      const q = new URLSearchParams(apiQuery);
      q.set('cols', varyingKeys.map(k => 'p:' + k).concat(['m:' + metricKey]).join(','));
      q.set('sort', 'm:' + metricKey + ':' + goal);
      q.set('dir', goal === 'min' ? 'asc' : 'desc');
      q.set('limit', String(MAX_CHART_RUNS));
      page.runs = (await api('runs?' + q)).runs;
    }
    const param = page.varyingKeys.includes(query.get('x')) ? query.get('x') : page.varyingKeys[0];
    const runsLink = el('a', {href: 'runs.html?' + apiQuery}, '← runs table');
    if (!page.metricKeys.length || !page.varyingKeys.length) {
      render(el('h1', {}, 'Charts of ', el('span', {id: 'project-name'}, project)), runsLink,
          el('p', {class: 'muted'}, 'These charts need runs with logged metrics whose configs differ.'));
      return;
    }
    function go(changes) {
      const next = new URLSearchParams(location.search);
      Object.entries(changes).forEach(([k, v]) => next.set(k, v));
      location.search = next.toString();
    }
    const select = (id, options, value, onchange) => el('select', {id: id, onchange: e => onchange(e.target.value)},
        options.map(o => el('option', {value: o, selected: o === value}, o)));
    const withMetric = page.runs.filter(r => r.metrics[metricKey] && r.metrics[metricKey].last != null);
    const value = r => goal === 'min' ? r.metrics[metricKey].min : r.metrics[metricKey].max;
    const ranked = withMetric.slice().sort((a, b) => goal === 'min' ? value(a) - value(b) : value(b) - value(a));
    const best = new Set(ranked.slice(0, BEST_RUNS).map(r => r.id));
    const scatterBox = el('div', {class: 'echart', id: 'scatter'});
    const parallelBox = el('div', {class: 'echart wide', id: 'project-parallel'});
    render(el('h1', {}, 'Charts of ', el('span', {id: 'project-name'}, project)), runsLink,
        el('div', {class: 'toolbar'},
            el('label', {}, 'Metric ', select('metric', page.metricKeys, metricKey, v => go({metric: v}))),
            el('label', {}, 'Best is ', select('goal', ['max', 'min'], goal, v => go({goal: v}))),
            el('label', {}, 'Parameter ', select('param', page.varyingKeys, param, v => go({x: v}))),
            el('span', {class: 'muted'}, withMetric.length + ' runs with ' + metricKey + '; the ' + Math.min(BEST_RUNS, withMetric.length)
                + ' best (' + goal + ' of each run) in red'
                + (page.total > MAX_CHART_RUNS ? '; the best ' + MAX_CHART_RUNS + ' of ' + page.total + ' runs drawn' : ''))),
        el('h2', {}, param + ' → ' + metricKey), scatterBox,
        el('h2', {}, 'Parameters → ' + metricKey), parallelBox,
        el('h2', {}, 'Best runs'),
        table(['Run', metricKey + ' (' + goal + ')'].concat(page.varyingKeys), ranked.slice(0, BEST_RUNS).map(r => el('tr', {'data-run': r.id},
            el('td', {}, el('a', {href: 'run.html?id=' + r.id}, '#' + r.id)), el('td', {class: 'num'}, num(value(r))),
            page.varyingKeys.map(k => el('td', {class: 'mono'}, show(r.config[k]))))), {id: 'best-runs'}));
    scatter(scatterBox, withMetric, param, metricKey, value, best);
    parallel(parallelBox, withMetric.map(r => ({values: r.config, metric: value(r), name: '#' + r.id, highlight: best.has(r.id)})),
        page.varyingKeys, metricKey, goal);
  }

  /** An axis range a little wider than the values, so every line and point stays inside the chart. */
  function extent(numbers) {
    if (!numbers.length) return {};
    let min = Math.min(...numbers), max = Math.max(...numbers);
    const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
    return {min: Number((min - pad).toPrecision(3)), max: Number((max + pad).toPrecision(3))};
  }

  function scatter(box, runs, param, metricKey, value, best) {
    if (typeof echarts === 'undefined') return;
    const numeric = runs.every(r => r.config[param] == null || typeof r.config[param] === 'number');
    const x = r => numeric ? r.config[param] : show(r.config[param]);
    const point = r => ({value: [x(r), value(r)], name: '#' + r.id, runId: r.id});
    const instance = echarts.init(box, null, {renderer: 'canvas'});
    instance.setOption({
      animation: false,
      grid: {left: 70, right: 30, top: 20, bottom: 50},
      xAxis: numeric ? {type: 'value', name: param, nameLocation: 'middle', nameGap: 28, scale: true}
          : {type: 'category', name: param, nameLocation: 'middle', nameGap: 28,
            data: Array.from(new Set(runs.map(r => show(r.config[param])))).sort()},
      yAxis: {type: 'value', name: metricKey, scale: true},
      tooltip: {trigger: 'item', formatter: p => p.data.name + ': ' + param + '=' + p.data.value[0] + ', ' + metricKey + '=' + p.data.value[1]},
      series: [
        {type: 'scatter', name: 'runs', symbolSize: 7, itemStyle: {color: '#2f6fdd', opacity: 0.6},
          data: runs.filter(r => !best.has(r.id)).map(point)},
        {type: 'scatter', name: 'best', symbolSize: 12, itemStyle: {color: '#c62828'},
          data: runs.filter(r => best.has(r.id)).map(point)}
      ]
    });
    instance.on('click', p => { if (p.data && p.data.runId != null) location.href = 'run.html?id=' + p.data.runId; });
    box.setAttribute('data-points', String(runs.length));
    echartsInstances.push(instance);
  }

  async function scopesPage() {
    const scopes = await api('scopes');
    if (!scopes.length) {
      render(el('h1', {}, 'Merge order'), el('p', {class: 'muted'},
          'This application has no Ato scopes (the merge order shows when the dashboard runs inside an application with @AtoObserve views).'));
      return;
    }
    render(el('h1', {}, 'Merge order'), scopes.map(scope => {
      const historyBox = el('div', {class: 'history'});
      const keyInput = el('input', {type: 'text', placeholder: 'key, e.g. lr', 'aria-label': 'key of scope ' + scope.name});
      return el('section', {class: 'scope', 'data-scope': scope.name},
          el('h2', {}, 'Scope ', el('span', {class: 'mono'}, scope.name)),
          table(['#', 'Kind', 'Layer', 'Priority', 'Wrote', 'Removed'], scope.layers.map(l => el('tr', {},
              el('td', {}, l.index), el('td', {}, l.kind), el('td', {class: 'mono'}, l.name), el('td', {}, l.priority),
              el('td', {class: 'mono'}, Object.entries(l.values).map(([k, v]) => k + '=' + show(v)).join(', ')),
              el('td', {class: 'mono'}, l.removed.join(', '))))),
          el('h2', {}, 'Keys'),
          table(['Key', 'Value', 'Set by'], scope.keys.map(k => el('tr', {'data-key': k.key},
              el('td', {class: 'mono'}, k.key), el('td', {class: 'mono'}, show(k.value)), el('td', {}, k.origin)))),
          el('form', {onsubmit: async e => {
            e.preventDefault();
            try {
              const history = await api('scopes/' + enc(scope.name) + '/history?key=' + enc(keyInput.value.trim()));
              historyBox.replaceChildren(el('ol', {}, history.map(h => el('li', {}, h.description, ': ', el('span', {class: 'mono'}, h.removed ? '(removed)' : show(h.value))))));
            } catch (error) {
              historyBox.replaceChildren(el('p', {class: 'error'}, error.message));
            }
          }}, el('h2', {}, 'History of a key'), keyInput, ' ', el('button', {type: 'submit'}, 'Show history')),
          historyBox);
    }));
  }

  // One shell page serves every URL (/ato/runs.html, /ato/run.html, ...); the file name picks the page.
  const pages = {
    index: {title: 'Projects', render: projectsPage},
    runs: {title: 'Runs', render: runsPage},
    run: {title: 'Run', render: runPage},
    compare: {title: 'Compare', render: comparePage},
    search: {title: 'HyperBand search', render: searchPage},
    scopes: {title: 'Merge order', render: scopesPage},
    charts: {title: 'Charts', render: chartsPage},
  };

  document.addEventListener('DOMContentLoaded', () => {
    const name = location.pathname.split('/').pop().replace(/\.html$/, '') || 'index';
    const page = pages[name] || pages.index;
    document.title = page.title + ' · Ato';
    document.body.setAttribute('data-page', name in pages ? name : 'index');
    page.render()
        // the next frame: the table and charts have been laid out and drawn
        .then(() => new Promise(resolve => requestAnimationFrame(() => resolve())))
        .then(() => { document.body.setAttribute('data-rendered-at', String(Math.round(performance.now()))); })
        .catch(fail);
  });
})();

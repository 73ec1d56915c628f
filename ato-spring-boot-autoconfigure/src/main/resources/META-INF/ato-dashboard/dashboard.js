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
  function chart(container, title, xs, series, xLabel) {
    const caption = el('div', {class: 'caption'});
    const box = el('div', {class: 'chart', 'data-metric': title}, caption);
    container.append(box);
    const width = Math.max(320, Math.min(600, Math.floor(((main().clientWidth || 700) - 80) / 2)));
    const plot = new uPlot({
      width: width, height: 240,
      scales: {x: {time: false}},
      legend: {show: series.length > 1, live: series.length > 1},
      series: [{label: xLabel || 'step'}].concat(series.map((s, i) => ({
        label: s.label, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: true, points: {show: false}
      }))),
      axes: [{label: xLabel || 'step'}, {}]
    }, [xs].concat(series.map(s => s.values)), box);
    const handle = {
      plot: plot,
      update(newXs, newSeries) {
        plot.setData([newXs].concat(newSeries.map(s => s.values)));
        label(newXs.length);
      }
    };
    function label(points) {
      caption.textContent = title + ' · ' + points + (points === 1 ? ' point' : ' points');
      box.setAttribute('data-points', String(points));
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

  async function runsPage() {
    const query = params();
    const project = query.get('project');
    if (!project) throw new Error('runs.html needs ?project=<name>');
    const api_query = new URLSearchParams();
    query.getAll('status').forEach(s => api_query.append('status', s));
    query.getAll('tag').forEach(t => api_query.append('tag', t));
    query.getAll('config').forEach(c => api_query.append('config', c));
    const [page, searches] = await Promise.all([
      api('projects/' + enc(project) + '/runs?' + api_query), api('projects/' + enc(project) + '/searches')]);

    const state = {sortKey: 'id', sortDir: -1, offset: 0, grouped: query.get('group') === 'hash', selected: new Set()};
    const columns = [
      {key: 'id', label: 'Run', value: r => r.id},
      {key: 'status', label: 'Status', value: r => r.status},
      {key: 'startTime', label: 'Started', value: r => r.startTime || ''},
      {key: 'duration', label: 'Duration', value: r => (r.endTime ? Date.parse(r.endTime) : Date.now()) - Date.parse(r.startTime)},
      {key: 'tags', label: 'Tags', value: r => (r.tags || []).join(',')},
      {key: 'structuralHash', label: 'Structure', value: r => r.structuralHash || ''}
    ].concat(page.varyingKeys.map(k => ({key: 'config:' + k, label: k, value: r => r.config[k], config: true})));

    const form = filtersForm(project, query);
    const compareButton = el('button', {type: 'button', id: 'compare', disabled: true, onclick: () => {
      location.href = 'compare.html?ids=' + Array.from(state.selected).join(',');
    }}, 'Compare selected');
    const groupBox = el('input', {type: 'checkbox', id: 'group-by-hash', checked: state.grouped, onchange: e => {
      state.grouped = e.target.checked; state.offset = 0; draw();
    }});
    const counter = el('span', {class: 'muted', id: 'run-count'});
    const pager = el('span', {class: 'pager'});
    const thead = el('thead');
    const tbody = el('tbody');
    const runsTable = el('table', {id: 'runs'}, thead, tbody);

    function sorted() {
      const column = columns.find(c => c.key === state.sortKey);
      const rows = page.runs.slice();
      const compare = (a, b) => {
        const x = column.value(a), y = column.value(b);
        if (x === y) return a.id - b.id;
        if (x == null) return 1;
        if (y == null) return -1;
        return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * state.sortDir;
      };
      rows.sort(state.grouped ? (a, b) => (a.structuralHash || '').localeCompare(b.structuralHash || '') || compare(a, b) : compare);
      return rows;
    }

    function draw() {
      thead.replaceChildren(el('tr', {}, el('th', {}, ''), columns.map(c => el('th', {
        class: 'sortable' + (c.key === state.sortKey ? (state.sortDir > 0 ? ' sorted-asc' : ' sorted-desc') : ''),
        'data-key': c.key,
        onclick: () => {
          state.sortDir = state.sortKey === c.key ? -state.sortDir : 1;
          state.sortKey = c.key; state.offset = 0; draw();
        }}, c.label))));
      const rows = sorted();
      const visible = rows.slice(state.offset, state.offset + PAGE_SIZE);
      const groupSizes = new Map();
      rows.forEach(r => groupSizes.set(r.structuralHash, (groupSizes.get(r.structuralHash) || 0) + 1));
      const trs = [];
      let lastHash;
      for (const run of visible) {
        if (state.grouped && run.structuralHash !== lastHash) {
          lastHash = run.structuralHash;
          trs.push(el('tr', {class: 'group', 'data-hash': run.structuralHash || ''},
              el('td', {colspan: columns.length + 1}, 'Structure ' + (run.structuralHash || 'none').slice(0, 12)
                  + ' · ' + groupSizes.get(run.structuralHash) + ' runs')));
        }
        trs.push(el('tr', {'data-run': run.id},
            el('td', {}, el('input', {type: 'checkbox', checked: state.selected.has(run.id), 'aria-label': 'select run ' + run.id,
              onchange: e => { e.target.checked ? state.selected.add(run.id) : state.selected.delete(run.id); selection(); }})),
            el('td', {}, el('a', {href: 'run.html?id=' + run.id}, '#' + run.id)),
            el('td', {}, badge(run.status)),
            el('td', {}, time(run.startTime)),
            el('td', {}, run.endTime || run.status === 'running' ? duration(run.startTime, run.endTime) : ''),
            el('td', {}, tags(run.tags)),
            el('td', {class: 'mono', title: run.structuralHash || ''}, (run.structuralHash || '').slice(0, 8)),
            page.varyingKeys.map(k => el('td', {class: 'mono'}, show(run.config[k])))));
      }
      tbody.replaceChildren(...trs);
      counter.textContent = rows.length + (rows.length === 1 ? ' run' : ' runs');
      const last = Math.min(rows.length, state.offset + PAGE_SIZE);
      pager.replaceChildren(
          el('button', {type: 'button', disabled: state.offset === 0, onclick: () => { state.offset -= PAGE_SIZE; draw(); }}, '‹ Prev'),
          ' ' + (rows.length ? state.offset + 1 : 0) + '–' + last + ' of ' + rows.length + ' ',
          el('button', {type: 'button', disabled: last >= rows.length, onclick: () => { state.offset += PAGE_SIZE; draw(); }}, 'Next ›'));
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

    render(el('h1', {}, 'Runs of ', el('span', {id: 'project-name'}, project)), form,
        el('div', {class: 'toolbar'}, counter, el('label', {}, groupBox, ' group by structure'), compareButton, pager),
        runsTable, searchList);
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

  /** Draws a run's metric charts and, while the run is running, appends the points it logs. */
  async function liveMetrics(runId, box, pollMs, onStatus) {
    const data = new Map(); // key -> {steps, values, chart}
    let cursor = 0;
    const empty = el('p', {class: 'muted'}, 'No metrics logged yet.');
    box.append(empty);
    async function poll() {
      const batch = await api('runs/' + runId + '/metrics?after=' + cursor);
      cursor = batch.cursor;
      for (const [key, series] of Object.entries(batch.series)) {
        let entry = data.get(key);
        if (!entry) {
          entry = {steps: [], values: [], chart: null};
          data.set(key, entry);
        }
        for (let i = 0; i < series.steps.length; i++) {
          entry.steps.push(series.steps[i]);
          entry.values.push(series.values[i]);
        }
        const points = sortedByStep(entry);
        if (!entry.chart) {
          empty.remove();
          entry.chart = chart(box, key, points.xs, [{label: key, values: points.ys}]);
        } else {
          entry.chart.update(points.xs, [{label: key, values: points.ys}]);
        }
      }
      onStatus(batch.status);
      if (batch.status === 'running') setTimeout(() => poll().catch(fail), pollMs);
    }
    await poll();
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
      const running = runs.map((_, i) => i).filter(i => statuses[i] === 'running');
      if (running.length) setTimeout(() => poll(running).catch(fail), pollMs);
    }
    await poll(runs.map((_, i) => i));
  }

  async function searchPage() {
    const id = params().get('id');
    if (!id) throw new Error('search.html needs ?id=<search id>');
    const search = await api('searches/' + enc(id));
    const byGeneration = new Map();
    const configs = new Map(); // candidate text without __num_halved__ -> series index
    for (const trial of search.trials) {
      if (!byGeneration.has(trial.generation)) byGeneration.set(trial.generation, []);
      byGeneration.get(trial.generation).push(trial);
      const name = candidateText(trial.candidate);
      if (!configs.has(name)) configs.set(name, configs.size);
    }
    const generations = Array.from(byGeneration.keys()).sort((a, b) => a - b);
    const series = Array.from(configs.keys()).map(name => ({label: name, values: generations.map(() => null)}));
    for (const trial of search.trials) {
      series[configs.get(candidateText(trial.candidate))].values[generations.indexOf(trial.generation)] = trial.metric;
    }
    const chartsBox = el('div', {class: 'charts', id: 'charts'});
    render(
        el('h1', {}, 'HyperBand search ', el('span', {class: 'mono'}, search.id), ' ', badge(search.status)),
        el('dl', {class: 'meta'},
            el('dt', {}, 'Project'), el('dd', {}, el('a', {href: 'runs.html?project=' + enc(search.project)}, search.project)),
            el('dt', {}, 'Generation'), el('dd', {}, search.generation),
            el('dt', {}, 'Best metric'), el('dd', {}, search.bestMetric == null ? '—' : search.bestMetric),
            el('dt', {}, 'Best run'), el('dd', {}, search.bestRunId == null ? '—' : el('a', {href: 'run.html?id=' + search.bestRunId}, '#' + search.bestRunId)),
            el('dt', {}, 'Settings'), el('dd', {class: 'mono'}, show(search.settings)),
            search.error ? [el('dt', {}, 'Error'), el('dd', {}, search.error)] : null),
        el('h2', {}, 'Metric of each config per generation'), chartsBox,
        generations.map(g => {
          const trials = byGeneration.get(g);
          return el('section', {class: 'generation', 'data-generation': g},
              el('h2', {}, 'Generation ' + g + ' · ' + trials.length + ' configs · ' + trials.filter(t => t.survivor).length + ' survivors'),
              table(['#', 'Config', 'Metric', 'Status', 'Survivor', 'Run'], trials.map(t => el('tr', {class: t.survivor ? 'survivor' : null},
                  el('td', {}, t.position), el('td', {class: 'mono'}, candidateText(t.candidate)),
                  el('td', {}, t.metric == null ? '' : t.metric), el('td', {}, t.status),
                  el('td', {}, t.survivor ? 'yes' : ''),
                  el('td', {}, t.runId == null ? '' : el('a', {href: 'run.html?id=' + t.runId}, '#' + t.runId))))));
        }));
    if (generations.length) chart(chartsBox, 'metric', generations, series, 'generation');
  }

  function candidateText(candidate) {
    const copy = Object.assign({}, candidate);
    delete copy.__num_halved__;
    return Object.entries(copy).map(([k, v]) => k + '=' + show(v)).join(' ');
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

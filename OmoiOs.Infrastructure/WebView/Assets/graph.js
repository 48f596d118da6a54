'use strict';
// The task graph as a DAG (cytoscape with the dagre layout, vendored from npm): nodes coloured by status, the
// critical path drawn thick. The figure's caption says the same in words; the task table is its accessible twin.
window.Omoi = window.Omoi || {};
(function (Omoi) {
  const colours = {
    pending: '#8a8f98', claiming: '#8a8f98', assigned: '#8a8f98',
    running: '#1f6fd1', in_progress: '#1f6fd1', pending_validation: '#1f6fd1', validating: '#1f6fd1',
    needs_revision: '#c76b00', completed: '#1e8a3c', failed: '#c62828', blocked: '#6a3fa0', cancelled: '#4a4a4a',
  };

  if (window.cytoscape && window.cytoscapeDagre) window.cytoscape.use(window.cytoscapeDagre);

  function style() {
    return [
      {
        selector: 'node',
        style: {
          'shape': 'round-rectangle', 'width': 150, 'height': 44, 'label': 'data(label)', 'color': '#fff',
          'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': 140, 'text-valign': 'center', 'text-halign': 'center',
          'background-color': '#8a8f98', 'border-width': 0,
        },
      },
      ...Object.entries(colours).map(([status, colour]) => ({ selector: `node[status = "${status}"]`, style: { 'background-color': colour } })),
      { selector: 'node.critical', style: { 'border-width': 4, 'border-color': '#111', 'border-style': 'double' } },
      { selector: 'edge', style: { 'width': 1.5, 'line-color': '#9aa0a6', 'target-arrow-color': '#9aa0a6', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      { selector: 'edge.critical', style: { 'width': 4, 'line-color': '#111', 'target-arrow-color': '#111' } },
    ];
  }

  class TaskGraph {
    /** @param {HTMLElement} canvas  @param {HTMLElement} caption  @param {(taskId: string) => void} onSelect */
    constructor(canvas, caption, onSelect) {
      this.canvas = canvas;
      this.caption = caption;
      this.onSelect = onSelect;
      this.cy = null;
      this.shape = '';
    }

    /** @param {{id, key, title, dependsOn, status}[]} tasks  @param {string[]} criticalPath */
    update(tasks, criticalPath) {
      const critical = new Set(criticalPath);
      const shape = JSON.stringify(tasks.map(t => [t.id, t.dependsOn]).concat([criticalPath]));
      if (window.cytoscape && shape !== this.shape) {
        this.shape = shape;
        this.draw(tasks, critical);
      } else if (this.cy) {
        tasks.forEach(t => this.cy.getElementById(t.id).data('status', t.status));
      }
      this.describe(tasks, criticalPath);
    }

    draw(tasks, critical) {
      const ids = new Set(tasks.map(t => t.id));
      const elements = tasks.map(t => ({
        data: { id: t.id, label: `${t.key}\n${t.title.length > 40 ? t.title.slice(0, 39) + '…' : t.title}`, status: t.status },
        classes: critical.has(t.id) ? 'critical' : '',
      }));
      tasks.forEach(t => t.dependsOn.filter(d => ids.has(d)).forEach(d => elements.push({
        data: { id: `${d}->${t.id}`, source: d, target: t.id },
        classes: critical.has(d) && critical.has(t.id) ? 'critical' : '',
      })));
      if (this.cy) this.cy.destroy();
      this.cy = window.cytoscape({
        container: this.canvas,
        elements,
        style: style(),
        layout: { name: window.cytoscapeDagre ? 'dagre' : 'breadthfirst', rankDir: 'LR', nodeSep: 20, rankSep: 50, directed: true },
        userZoomingEnabled: true,
        boxSelectionEnabled: false,
        autoungrabify: true,
      });
      this.cy.on('tap', 'node', e => this.onSelect(e.target.id()));
    }

    describe(tasks, criticalPath) {
      const counts = {};
      tasks.forEach(t => { counts[t.status] = (counts[t.status] || 0) + 1; });
      const byId = new Map(tasks.map(t => [t.id, t]));
      const parts = Object.entries(counts).sort().map(([status, n]) => `${n} ${Omoi.format.words(status)}`);
      const path = criticalPath.map(id => byId.get(id)?.key || id).join(' → ');
      this.caption.textContent = `${tasks.length} tasks: ${parts.join(', ') || 'none yet'}.` + (path ? ` Critical path: ${path}.` : '');
      this.caption.dataset.completed = String(counts.completed || 0);
      this.caption.dataset.total = String(tasks.length);
    }

    destroy() {
      if (this.cy) this.cy.destroy();
      this.cy = null;
    }
  }

  Omoi.TaskGraph = TaskGraph;
  Omoi.statusColours = colours;
})(window.Omoi);

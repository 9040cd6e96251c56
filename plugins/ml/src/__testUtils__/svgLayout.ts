/**
 * jsdom has no SVG layout; the job graph measures its nodes with getBBox.
 * Call in `beforeAll` of a test that draws the graph.
 */
export function stubSvgLayout() {
  Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
    value: () => ({ x: 0, y: 0, width: 120, height: 44 }),
    configurable: true,
  });
}

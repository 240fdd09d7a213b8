/**
 * Printing the map: the page itself prints poorly (a canvas and thousands of positioned boxes), so Ctrl+P on the
 * Map tab prints the map as the exports draw it — the whole map with its title and legend, fitted to the page.
 * A print started from the browser's menu instead, with no time to draw, prints a line saying how to print the map.
 */
import type { AssetMapDoc } from '../model';

const HOLDER = 'am-print-map';

export async function printMap(doc: AssetMapDoc): Promise<void> {
  const { renderMapSvg } = await import('../io/export');
  const svg = renderMapSvg(doc, { background: 'white', title: true, legend: true, embed: false });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  document.getElementById(HOLDER)?.remove();
  const holder = document.createElement('div');
  holder.id = HOLDER;
  holder.className = HOLDER;
  const img = document.createElement('img');
  img.alt = `The map “${doc.title}”`;
  img.src = url;
  holder.append(img);
  document.body.append(holder);
  document.body.classList.add('am-printing-map');
  const done = () => {
    document.body.classList.remove('am-printing-map');
    holder.remove();
    URL.revokeObjectURL(url);
  };
  try {
    await img.decode();
  } catch {
    done();
    return;
  }
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

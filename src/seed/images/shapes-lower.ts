// Silhouettes of the lower-body and body families: trousers, jeans, skirts, shorts, swimwear, lingerie.
import { belt, buttons, circle, line, pocket, smooth, sym, X, type Shape, type Trim } from './geometry.js';
import type { Detail } from './spec.js';

type Has = (d: Detail) => boolean;

export function trousers(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  const wide = cut === 'wide';
  const body = wide
    ? sym([[0, 150], [150, 150, 1], [175, 400], [235, 900, 1], [30, 905, 1], [14, 420], [0, 410, 1]])
    : sym([[0, 150], [145, 150, 1], [160, 330], [150, 900, 1], [45, 900, 1], [14, 420], [0, 410, 1]]);
  trims.push({ d: line([[X - 148, 190], [X + 148, 190]]), tone: 'dark', stroke: 3 });
  trims.push({ d: line([[X - (wide ? 125 : 100), 420], [X - (wide ? 135 : 98), 895]]), tone: 'dark', stroke: 2 }, { d: line([[X + (wide ? 125 : 100), 420], [X + (wide ? 135 : 98), 895]]), tone: 'dark', stroke: 2 });
  if (has('belt')) trims.push(...belt(170, 150, 28));
  if (has('buttons')) trims.push(...buttons(1, 172, 172, 0, 9));
  if (has('pockets')) trims.push({ d: line([[X - 140, 200], [X - 100, 290]]), tone: 'dark', stroke: 4 }, { d: line([[X + 140, 200], [X + 100, 290]]), tone: 'dark', stroke: 4 });
  return { fabric: [body], trims };
}

export function jeans(_cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  const body = sym([[0, 150], [142, 150, 1], [158, 330], [140, 900, 1], [40, 900, 1], [12, 410], [0, 400, 1]]);
  trims.push(
    { d: line([[X - 144, 188], [X + 144, 188]]), tone: 'accent', stroke: 3 },
    { d: line([[X - 5, 190], [X - 5, 330], [X + 30, 360]]), tone: 'accent', stroke: 3 },
    { d: line([[X - 96, 420], [X - 92, 895]]), tone: 'accent', stroke: 2 },
    { d: line([[X + 96, 420], [X + 92, 895]]), tone: 'accent', stroke: 2 },
  );
  for (let i = -130; i <= 130; i += 65) trims.push({ d: line([[X + i, 150], [X + i, 190]]), tone: 'dark', stroke: 8 });
  if (has('pockets')) {
    trims.push({ d: smooth([[X - 142, 200], [X - 95, 200], [X - 80, 240], [X - 142, 290], [X - 142, 290]]), tone: 'dark' });
    trims.push({ d: smooth([[X + 142, 200], [X + 95, 200], [X + 80, 240], [X + 142, 290], [X + 142, 290]]), tone: 'dark' });
  }
  if (has('buttons')) trims.push({ d: circle(X, 170, 10), tone: 'metal' });
  return { fabric: [body], trims };
}

export function skirt(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  let body: string;
  if (cut === 'mini') {
    body = sym([[0, 250], [135, 250, 1], [145, 300], [205, 640, 1], [0, 655]]);
    if (has('buttons')) trims.push(...buttons(5, 310, 600));
  } else {
    body = sym([[0, 200], [130, 200, 1], [140, 250], [250, 820], [250, 820], [0, 830]]);
    for (let i = -1; i <= 1; i += 0.2) trims.push({ d: line([[X + i * 130, 260], [X + i * 240, 818]]), tone: 'dark', stroke: 2 });
  }
  if (has('belt')) trims.push(...belt(cut === 'mini' ? 268 : 222, cut === 'mini' ? 137 : 132, 26));
  else trims.push({ d: line([[X - 138, cut === 'mini' ? 285 : 235], [X + 138, cut === 'mini' ? 285 : 235]]), tone: 'dark', stroke: 3 });
  return { fabric: [body], trims };
}

export function shorts(_cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  const body = sym([[0, 300], [150, 300, 1], [170, 420], [200, 640, 1], [40, 660, 1], [12, 500], [0, 495, 1]]);
  for (const s of [-1, 1]) trims.push({ d: line([[X + s * 198, 612], [X + s * 44, 630]]), tone: 'dark', stroke: 3 });
  if (has('belt')) trims.push(...belt(322, 152, 28));
  else trims.push({ d: line([[X - 150, 340], [X + 150, 340]]), tone: 'dark', stroke: 3 });
  if (has('pockets')) trims.push(pocket(-100, 390, 60, 60), pocket(100, 390, 60, 60));
  return { fabric: [body], trims };
}

export function swimwear(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  if (cut === 'bikini') {
    const cupL = smooth([[X - 20, 350], [X - 75, 250], [X - 140, 350], [X - 140, 350]]);
    const cupR = smooth([[X + 20, 350], [X + 75, 250], [X + 140, 350], [X + 140, 350]]);
    const brief = sym([[0, 560], [150, 530], [150, 530], [40, 700], [0, 705]]);
    trims.push({ d: line([[X - 20, 345], [X + 20, 345]]), tone: 'dark', stroke: 5 });
    trims.push({ d: line([[X - 140, 345], [X - 210, 330]]), tone: 'dark', stroke: 5 }, { d: line([[X + 140, 345], [X + 210, 330]]), tone: 'dark', stroke: 5 });
    if (has('straps')) trims.push({ d: line([[X - 75, 252], [X - 60, 140]]), tone: 'dark', stroke: 5 }, { d: line([[X + 75, 252], [X + 60, 140]]), tone: 'dark', stroke: 5 });
    return { fabric: [cupL, cupR, brief], trims };
  }
  const body = sym([[0, 300], [60, 230], [110, 230], [130, 330], [115, 560], [160, 740], [160, 740], [40, 820], [0, 825]]);
  if (has('straps')) trims.push({ d: line([[X - 85, 232], [X - 75, 140]]), tone: 'dark', stroke: 7 }, { d: line([[X + 85, 232], [X + 75, 140]]), tone: 'dark', stroke: 7 });
  if (has('belt')) trims.push(...belt(540, 118, 18));
  return { fabric: [body], trims };
}

export function lingerie(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  if (cut === 'bra-set') {
    const cupL = smooth([[X - 15, 360], [X - 80, 255], [X - 150, 330], [X - 130, 370]]);
    const cupR = smooth([[X + 15, 360], [X + 80, 255], [X + 150, 330], [X + 130, 370]]);
    const brief = sym([[0, 580], [160, 560], [160, 560], [45, 720], [0, 725]]);
    trims.push({ d: line([[X - 130, 372], [X + 130, 372]]), tone: 'dark', stroke: 8 });
    for (let i = -150; i <= 150; i += 12) trims.push({ d: circle(X + i, 565 + Math.abs(i) * -0.12, 4), tone: 'light' });
    if (has('straps')) trims.push({ d: line([[X - 80, 257], [X - 66, 140]]), tone: 'accent', stroke: 4 }, { d: line([[X + 80, 257], [X + 66, 140]]), tone: 'accent', stroke: 4 });
    return { fabric: [cupL, cupR, brief], trims };
  }
  const body = sym([[0, 330], [70, 250], [120, 260], [125, 380], [105, 560], [165, 760], [165, 760], [40, 830], [0, 835]]);
  trims.push({ d: line([[X - 120, 330], [X - 60, 380], [X, 330], [X + 60, 380], [X + 120, 330]]), tone: 'light', stroke: 6 });
  if (has('straps')) trims.push({ d: line([[X - 95, 255], [X - 80, 140]]), tone: 'accent', stroke: 4 }, { d: line([[X + 95, 255], [X + 80, 140]]), tone: 'accent', stroke: 4 });
  if (has('buttons')) trims.push(...buttons(3, 420, 540, 0, 5));
  return { fabric: [body], trims };
}

// Silhouettes of the upper-body families: dresses, tops, shirts, knitwear, coats & jackets.
import { belt, buttons, collar, line, pocket, smooth, sym, X, type Shape, type Trim } from './geometry.js';
import type { Detail } from './spec.js';

type Has = (d: Detail) => boolean;

const straps = (y0: number, y1: number, dx: number): Trim[] => [
  { d: line([[X - dx, y0], [X - dx + 8, y1]]), tone: 'dark', stroke: 6 },
  { d: line([[X + dx, y0], [X + dx - 8, y1]]), tone: 'dark', stroke: 6 },
];

export function dress(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  let body: string;
  switch (cut) {
    case 'slip':
      body = sym([[0, 235], [45, 215], [95, 240], [112, 450], [165, 860, 1], [0, 872]]);
      trims.push(...straps(222, 130, 80));
      if (has('belt')) trims.push(...belt(455, 113, 18));
      break;
    case 'a-line':
      body = sym([[0, 175], [55, 158], [100, 172], [155, 230, 1], [128, 275, 1], [104, 262, 1], [100, 440], [230, 830, 1], [0, 850]]);
      if (has('collar')) trims.push(...collar(160, 60));
      if (has('buttons')) trims.push(...buttons(4, 245, 420));
      if (has('belt')) trims.push(...belt(445, 103));
      if (has('pockets')) trims.push(pocket(-120, 560, 56, 64), pocket(120, 560, 56, 64));
      break;
    case 'wrap':
      body = sym([[0, 275], [60, 162], [112, 176], [195, 430, 1], [162, 444, 1], [110, 300, 1], [102, 440], [180, 820, 1], [0, 842]]);
      trims.push({ d: line([[X - 60, 165], [X + 60, 440], [X + 150, 810]]), tone: 'dark', stroke: 3 });
      if (has('collar')) trims.push({ d: smooth([[X - 62, 160], [X - 40, 150], [X + 8, 290], [X - 5, 300]]), tone: 'light' });
      if (has('belt')) trims.push(...belt(448, 105, 20), { d: line([[X + 20, 455], [X + 40, 560]]), tone: 'accent', stroke: 10 });
      break;
    case 'shirt-dress':
      body = sym([[0, 172], [48, 156], [112, 178], [205, 410, 1], [168, 424, 1], [112, 292, 1], [112, 455], [148, 820, 1], [0, 832]]);
      if (has('collar')) trims.push(...collar(158, 58));
      if (has('buttons')) trims.push(...buttons(7, 230, 790));
      if (has('belt')) trims.push(...belt(460, 114));
      if (has('pockets')) trims.push(pocket(-60, 250, 48, 56), pocket(60, 250, 48, 56));
      break;
    default: // maxi
      body = sym([[0, 205], [55, 185], [102, 202], [106, 430], [185, 935, 1], [0, 948]]);
      trims.push(...straps(192, 120, 78));
      if (has('belt')) trims.push(...belt(432, 107, 18));
      trims.push({ d: line([[X - 60, 600], [X - 90, 930]]), tone: 'dark', stroke: 2 }, { d: line([[X + 60, 600], [X + 90, 930]]), tone: 'dark', stroke: 2 });
  }
  return { fabric: [body], trims };
}

export function top(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  let body: string;
  switch (cut) {
    case 'tee':
      body = sym([[0, 232], [66, 212], [138, 238], [230, 360, 1], [178, 410, 1], [140, 355, 1], [142, 760, 1], [0, 772]]);
      trims.push({ d: line([[X - 66, 214], [X, 250], [X + 66, 214]]), tone: 'dark', stroke: 5 });
      if (has('pockets')) trims.push(pocket(70, 330, 56, 62));
      break;
    case 'blouse':
      body = sym([[0, 230], [60, 210], [130, 232], [180, 430], [225, 680, 1], [175, 700, 1], [130, 440, 1], [132, 740, 1], [0, 752]]);
      if (has('collar')) trims.push({ d: smooth([[X - 62, 210], [X, 270], [X + 62, 210], [X + 70, 236], [X, 300], [X - 70, 236]]), tone: 'light' });
      if (has('buttons')) trims.push(...buttons(4, 300, 600));
      break;
    default: // tank
      body = sym([[0, 270], [50, 255], [70, 190], [90, 190], [128, 300], [138, 760, 1], [0, 772]]);
      if (has('straps')) trims.push({ d: line([[X - 80, 190], [X - 128, 300]]), tone: 'dark', stroke: 4 }, { d: line([[X + 80, 190], [X + 128, 300]]), tone: 'dark', stroke: 4 });
  }
  return { fabric: [body], trims };
}

export function shirt(_cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  const body = sym([[0, 200], [60, 188], [145, 215], [215, 560], [232, 700, 1], [180, 712, 1], [150, 430, 1], [145, 790, 1], [0, 770]]);
  trims.push({ d: line([[X, 250], [X, 775]]), tone: 'dark', stroke: 3 });
  if (has('collar')) trims.push(...collar(190, 64));
  if (has('buttons')) trims.push(...buttons(6, 265, 735, 10, 6));
  if (has('pockets')) trims.push(pocket(-75, 320, 64, 72));
  trims.push({ d: line([[X - 232, 690], [X - 182, 700]]), tone: 'dark', stroke: 4 }, { d: line([[X + 232, 690], [X + 182, 700]]), tone: 'dark', stroke: 4 });
  return { fabric: [body], trims };
}

export function knit(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  const body = sym([[0, 215], [70, 196], [160, 230], [225, 560], [238, 720, 1], [182, 728, 1], [160, 420, 1], [158, 760, 1], [0, 770]]);
  // ribbed hem and cuffs
  for (let i = -150; i <= 150; i += 14) trims.push({ d: line([[X + i, 725], [X + i, 768]]), tone: 'dark', stroke: 2 });
  trims.push({ d: line([[X - 236, 690], [X - 184, 698]]), tone: 'dark', stroke: 6 }, { d: line([[X + 236, 690], [X + 184, 698]]), tone: 'dark', stroke: 6 });
  if (cut === 'cardigan') {
    trims.push({ d: line([[X - 70, 198], [X, 420], [X, 768]]), tone: 'dark', stroke: 4 });
    if (has('buttons')) trims.push(...buttons(5, 440, 700, 12));
    if (has('pockets')) trims.push(pocket(-90, 560, 70, 70), pocket(90, 560, 70, 70));
  } else {
    trims.push({ d: line([[X - 70, 200], [X, 232], [X + 70, 200]]), tone: 'dark', stroke: 10 });
    if (has('collar')) trims.push({ d: smooth([[X - 72, 196], [X - 60, 140], [X + 60, 140], [X + 72, 196], [X, 220]]), tone: 'light' });
  }
  return { fabric: [body], trims };
}

export function coat(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  let body: string;
  switch (cut) {
    case 'trench':
      body = sym([[0, 190], [72, 172], [168, 210], [232, 560], [245, 760, 1], [190, 770, 1], [165, 420, 1], [190, 905, 1], [0, 915]]);
      trims.push({ d: line([[X + 40, 300], [X + 40, 910]]), tone: 'dark', stroke: 3 });
      if (has('collar')) trims.push({ d: smooth([[X - 74, 172], [X - 110, 230], [X - 20, 330], [X, 300], [X + 20, 330], [X + 110, 230], [X + 74, 172], [X, 200]]), tone: 'light' });
      if (has('buttons')) trims.push(...buttons(4, 350, 560, -20), ...buttons(4, 350, 560, 80));
      if (has('belt')) trims.push(...belt(470, 170, 30));
      if (has('pockets')) trims.push({ d: line([[X - 150, 580], [X - 120, 680]]), tone: 'dark', stroke: 5 }, { d: line([[X + 150, 580], [X + 120, 680]]), tone: 'dark', stroke: 5 });
      break;
    case 'puffer':
      body = sym([[0, 200], [80, 182], [178, 225], [245, 540], [250, 720, 1], [188, 728, 1], [175, 460, 1], [182, 780, 1], [0, 790]]);
      for (let y = 290; y <= 740; y += 75) trims.push({ d: line([[X - 175, y], [X + 175, y]]), tone: 'dark', stroke: 3 });
      for (let y = 330; y <= 700; y += 75) {
        trims.push({ d: line([[X - 245, y + 20], [X - 180, y]]), tone: 'dark', stroke: 3 }, { d: line([[X + 245, y + 20], [X + 180, y]]), tone: 'dark', stroke: 3 });
      }
      trims.push({ d: line([[X, 210], [X, 790]]), tone: 'metal', stroke: 5 });
      if (has('collar')) trims.push({ d: smooth([[X - 82, 184], [X - 78, 120], [X + 78, 120], [X + 82, 184], [X, 205]]), tone: 'light' });
      if (has('pockets')) trims.push({ d: line([[X - 150, 560], [X - 110, 660]]), tone: 'metal', stroke: 4 }, { d: line([[X + 150, 560], [X + 110, 660]]), tone: 'metal', stroke: 4 });
      break;
    default: // blazer
      body = sym([[0, 190], [64, 176], [158, 205], [222, 560], [232, 730, 1], [178, 738, 1], [155, 420, 1], [162, 800, 1], [0, 812]]);
      trims.push(
        { d: smooth([[X - 64, 178], [X - 100, 260], [X - 60, 300], [X - 6, 500], [X, 500], [X - 10, 300]]), tone: 'dark' },
        { d: smooth([[X + 64, 178], [X + 100, 260], [X + 60, 300], [X + 6, 500], [X, 500], [X + 10, 300]]), tone: 'dark' },
        { d: line([[X, 500], [X + 8, 812]]), tone: 'dark', stroke: 3 },
      );
      if (has('buttons')) trims.push(...buttons(2, 540, 620, 20, 9));
      if (has('pockets')) trims.push({ d: line([[X - 140, 620], [X - 70, 620]]), tone: 'dark', stroke: 6 }, { d: line([[X + 70, 620], [X + 140, 620]]), tone: 'dark', stroke: 6 }, { d: line([[X + 80, 330], [X + 130, 330]]), tone: 'dark', stroke: 5 });
  }
  return { fabric: [body], trims };
}

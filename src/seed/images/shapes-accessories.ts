// Silhouettes of shoes, bags, hats, jewellery, watches and accessories (shoes in side view).
import { circle, ellipse, line, poly, rect, smooth, sym, type Shape, type Trim } from './geometry.js';
import type { Detail } from './spec.js';

type Has = (d: Detail) => boolean;

export function shoe(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  switch (cut) {
    case 'heels': {
      const upper = smooth([[150, 640], [160, 560], [230, 555], [380, 640], [560, 700], [650, 700], [660, 735], [430, 735], [250, 640], [240, 640], [225, 760], [200, 760], [205, 650]]);
      trims.push({ d: poly([[205, 650], [240, 650], [228, 770], [212, 770]]), tone: 'dark' }, { d: line([[160, 640], [300, 640], [650, 730]]), tone: 'dark', stroke: 4 });
      if (has('straps')) trims.push({ d: line([[215, 580], [265, 600], [250, 640]]), tone: 'accent', stroke: 7 });
      return { fabric: [upper], trims };
    }
    case 'flats': {
      const upper = smooth([[150, 620], [165, 560], [260, 575], [430, 610], [620, 640], [660, 690], [640, 705], [170, 705], [150, 700]]);
      trims.push({ d: line([[150, 702], [660, 702]]), tone: 'dark', stroke: 8 }, { d: smooth([[250, 585], [430, 622], [580, 650], [430, 650]]), tone: 'dark' });
      if (has('straps')) trims.push({ d: line([[330, 598], [300, 700]]), tone: 'accent', stroke: 8 });
      return { fabric: [upper], trims };
    }
    case 'sneakers': {
      const upper = smooth([[140, 700], [135, 560], [170, 530], [230, 545], [265, 470], [325, 478], [420, 565], [560, 605], [650, 628], [682, 680], [670, 720], [140, 720], [140, 720]]);
      trims.push({ d: rect(130, 690, 550, 40), tone: 'light' }, { d: line([[160, 560], [300, 600], [560, 660]]), tone: 'accent', stroke: 14 });
      if (has('laces')) for (let i = 0; i < 5; i++) trims.push({ d: line([[315 + i * 30, 505 + i * 17], [290 + i * 30, 545 + i * 17]]), tone: 'light', stroke: 6 });
      return { fabric: [upper], trims };
    }
    default: { // boots
      const upper = smooth([[200, 250], [380, 250], [385, 560], [560, 640], [650, 680], [655, 745], [200, 745], [195, 500]]);
      trims.push({ d: rect(190, 735, 470, 30), tone: 'dark' }, { d: rect(195, 250, 190, 30), tone: 'dark' });
      if (has('laces')) for (let y = 300; y <= 560; y += 40) trims.push({ d: line([[330, y], [395, y + 22]]), tone: 'light', stroke: 5 });
      if (has('buttons')) for (let y = 320; y <= 600; y += 70) trims.push({ d: circle(215, y, 8), tone: 'metal' });
      return { fabric: [upper], trims };
    }
  }
}

export function bag(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  switch (cut) {
    case 'tote': {
      const body = smooth([[190, 420], [610, 420], [610, 420], [650, 830], [650, 830], [150, 830], [150, 830]]);
      trims.push({ d: line([[260, 425], [280, 250], [360, 250], [380, 425]]), tone: 'dark', stroke: 14 }, { d: line([[420, 425], [440, 250], [520, 250], [540, 425]]), tone: 'dark', stroke: 14 });
      if (has('pockets')) trims.push({ d: rect(290, 560, 220, 150), tone: 'dark', stroke: 3 });
      return { fabric: [body], trims };
    }
    case 'clutch': {
      const body = smooth([[170, 480], [630, 480], [630, 480], [630, 720], [630, 720], [170, 720], [170, 720]]);
      trims.push({ d: poly([[170, 485], [630, 485], [400, 620]]), tone: 'dark' });
      if (has('buttons')) trims.push({ d: circle(400, 610, 16), tone: 'metal' });
      return { fabric: [body], trims };
    }
    default: { // crossbody
      const body = smooth([[230, 520], [570, 520], [590, 540], [590, 760], [570, 780], [230, 780], [210, 760], [210, 540]]);
      trims.push({ d: line([[215, 540], [300, 180], [500, 180], [585, 540]]), tone: 'dark', stroke: 8 }, { d: smooth([[210, 540], [590, 540], [590, 660], [210, 660]]), tone: 'dark' });
      if (has('buttons')) trims.push({ d: rect(385, 640, 30, 36), tone: 'metal' });
      return { fabric: [body], trims };
    }
  }
}

export function hat(cut: string, has: Has): Shape {
  const trims: Trim[] = [];
  switch (cut) {
    case 'beret':
      trims.push({ d: rect(360, 330, 80, 30), tone: 'dark' }, { d: line([[240, 620], [560, 620]]), tone: 'dark', stroke: 10 });
      return { fabric: [ellipse(400, 510, 260, 150)], trims };
    case 'fedora': {
      const crown = sym([[0, 380], [70, 350], [140, 380], [150, 600], [0, 580]]);
      const brim = ellipse(400, 620, 290, 60);
      if (has('belt')) trims.push({ d: poly([[252, 560], [548, 560], [550, 600], [250, 600]]), tone: 'accent' });
      trims.push({ d: line([[400, 360], [400, 440]]), tone: 'dark', stroke: 4 });
      return { fabric: [brim, crown], trims };
    }
    default: { // cap
      const crown = smooth([[230, 620], [250, 420], [400, 360], [550, 420], [570, 620]]);
      const peak = smooth([[560, 610], [720, 640], [700, 680], [540, 660]]);
      trims.push({ d: line([[400, 365], [400, 620]]), tone: 'dark', stroke: 3 }, { d: line([[300, 400], [270, 620]]), tone: 'dark', stroke: 3 });
      if (has('buttons')) trims.push({ d: circle(400, 362, 14), tone: 'accent' });
      return { fabric: [crown, peak], trims };
    }
  }
}

export function jewellery(cut: string, has: Has): Shape {
  if (cut === 'earrings') {
    const l = smooth([[290, 520], [330, 440], [370, 520], [330, 640]]);
    const r = smooth([[430, 520], [470, 440], [510, 520], [470, 640]]);
    return { fabric: [l, r], trims: [{ d: circle(330, 400, 14), tone: 'metal' }, { d: circle(470, 400, 14), tone: 'metal' }, { d: line([[330, 414], [330, 440]]), tone: 'metal', stroke: 4 }, { d: line([[470, 414], [470, 440]]), tone: 'metal', stroke: 4 }] };
  }
  const pendant = smooth([[400, 600], [450, 660], [400, 740], [350, 660]]);
  const trims: Trim[] = [{ d: `M220 260Q230 560 400 600Q570 560 580 260`, tone: 'metal', stroke: 6 }];
  if (has('buttons')) for (let i = 0; i < 7; i++) trims.push({ d: circle(240 + i * 53, 380 + Math.abs(3 - i) * -30 + 110, 9), tone: 'light' });
  return { fabric: [pendant], trims };
}

export function watch(_cut: string, has: Has): Shape {
  const trims: Trim[] = [
    { d: circle(400, 500, 120), tone: 'metal' },
    { d: circle(400, 500, 100), tone: 'glass' },
    { d: line([[400, 500], [400, 420]]), tone: 'dark', stroke: 6 },
    { d: line([[400, 500], [460, 530]]), tone: 'dark', stroke: 5 },
    { d: rect(520, 485, 22, 30), tone: 'metal' },
  ];
  if (has('straps')) for (let y = 190; y <= 370; y += 45) trims.push({ d: line([[340, y], [460, y]]), tone: 'dark', stroke: 2 });
  const strap = poly([[340, 150], [460, 150], [460, 850], [340, 850]]);
  return { fabric: [strap], trims };
}

export function accessory(cut: string, has: Has): Shape {
  switch (cut) {
    case 'scarf': {
      const body = smooth([[250, 220], [550, 220], [560, 300], [470, 420], [500, 860], [400, 870], [380, 450], [300, 430], [280, 860], [180, 850], [220, 420]]);
      const fringe: Trim[] = [];
      for (let i = 0; i < 6; i++) fringe.push({ d: line([[190 + i * 17, 850], [188 + i * 17, 900]]), tone: 'dark', stroke: 3 }, { d: line([[405 + i * 17, 865], [405 + i * 17, 915]]), tone: 'dark', stroke: 3 });
      return { fabric: [body], trims: fringe };
    }
    case 'belt': {
      const strap = `M120 560Q400 420 680 560L680 610Q400 470 120 610Z`;
      const trims: Trim[] = [{ d: poly([[150, 530], [230, 505], [240, 625], [160, 640]]), tone: 'metal', stroke: 10 }];
      if (has('buttons')) for (let i = 0; i < 5; i++) trims.push({ d: circle(360 + i * 60, 510 + Math.abs(i - 2) * 8, 6), tone: 'dark' });
      return { fabric: [strap], trims };
    }
    default: { // sunglasses
      const l = smooth([[190, 470], [370, 470], [370, 470], [350, 590], [220, 590], [190, 470]]);
      const r = smooth([[430, 470], [610, 470], [610, 470], [580, 590], [450, 590], [430, 470]]);
      return {
        fabric: [poly([[180, 455], [620, 455], [620, 480], [180, 480]])],
        trims: [{ d: l, tone: 'glass' }, { d: r, tone: 'glass' }, { d: line([[370, 480], [400, 470], [430, 480]]), tone: 'dark', stroke: 6 }],
      };
    }
  }
}


// Colours that survive a washed-out projector and colour-blind viewers (Okabe–Ito), and type large enough for a room.
export const PALETTE = ['#0060A8', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;
export const FONT_SIZE = 14;
export const TEXT_COLOUR = '#1b1f24';
export const GRID_COLOUR = '#d0d7de';
export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

import { fileURLToPath } from 'node:url';

/**
 * The paths of the bundled DejaVu Sans fonts (regular, bold, oblique), which every chart's font family names first.
 * Loading only these makes a PNG the same on every machine.
 *
 * @example
 * fontFiles(); // ['/…/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', …]
 */
export function fontFiles(): string[] {
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) =>
    fileURLToPath(import.meta.resolve(`dejavu-fonts-ttf/ttf/${f}`)),
  );
}

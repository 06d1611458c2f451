/** Settings section for the PAR band cut-offs (owned by the PAR feature). */
export function ParBandSettings() {
  return null;
}

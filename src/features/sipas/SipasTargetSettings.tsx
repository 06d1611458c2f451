/** Settings section for the SIPAS target (owned by the SIPAS feature). */
export function SipasTargetSettings() {
  return null;
}

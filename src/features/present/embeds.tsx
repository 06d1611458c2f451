// The parts other features own that the deck and the report embed, through one file so their contracts
// (brief: OverviewCards({ large }), SipasHeadline({ period, compact }), ParBandCounts({ year })) are checked here.
export { OverviewCards } from '../overview/OverviewCards';
export { SipasHeadline } from '../sipas/SipasHeadline';
export { ParBandCounts } from '../par/ParBandCounts';

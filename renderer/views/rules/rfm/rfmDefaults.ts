// The RFM settings "Reset to defaults" restores: core's own, carried by the contract.
export { defaultRfmSettings } from '../../../../core/api/contract.ts';
